/**
 * Uploads: a file is checked (type, size), stored content-addressed, recorded, and queued for reading; the
 * caller gets the job at once. Reading it later is `ingestFile`, run by a worker.
 */
import { CalendarError } from "../../core/events/errors.js";
import { isValidZone } from "../../core/time/zone.js";
import type { FileStorage } from "../../ports/fileStorage.js";
import type { JobQueue, JobRecord } from "../../ports/jobQueue.js";
import type { DocumentKind, FileRecord } from "../../ports/ingestStore.js";
import { UnrecoverableError } from "../../ports/jobQueue.js";
import { type IngestDeps, ingestDocument, type IngestSummary } from "./ingestDocument.js";
import type { IngestObserver } from "./ingestObserver.js";
import { INGEST_FILE, type IngestFilePayload } from "./jobNames.js";
import { reasonOf, retryable } from "./scrapeSource.js";

export interface UploadDeps extends Pick<IngestDeps, "ingest" | "reader" | "clock"> {
  storage: FileStorage;
  queue: JobQueue;
  maxUploadBytes: number;
  defaultTimezone: string;
  queueDefaults: { maxAttempts: number; backoffMs: number };
}

export interface Upload {
  body: Buffer;
  /** The declared media type (multipart part or request header), without parameters; null when none. */
  contentType: string | null;
  filename: string | null;
  timezone?: string | null;
}

export interface AcceptedUpload {
  job: JobRecord;
  file: FileRecord;
  /** False when the same bytes had been uploaded before (the file is stored once; it is read again). */
  newFile: boolean;
}

/** Media types an upload may declare; anything else is refused before the bytes are stored. */
const ACCEPTED_TYPES = new Set(["text/plain", "text/calendar", "application/ics", "text/html", "application/xhtml+xml", "application/pdf", "application/octet-stream"]);

export async function acceptUpload(upload: Upload, deps: UploadDeps): Promise<AcceptedUpload> {
  if (upload.body.length === 0) throw new CalendarError("INVALID_SOURCE", "the uploaded file is empty", "file");
  if (upload.body.length > deps.maxUploadBytes) throw new CalendarError("INVALID_SOURCE", `the file is ${upload.body.length} bytes; the maximum is ${deps.maxUploadBytes}`, "file");
  const timezone = upload.timezone ?? deps.defaultTimezone;
  if (!isValidZone(timezone)) throw new CalendarError("INVALID_TIMEZONE", `timezone: not a known IANA zone: ${JSON.stringify(timezone)}`, "timezone");
  if (upload.contentType !== null && !ACCEPTED_TYPES.has(upload.contentType)) throw unsupported(upload.contentType);
  // application/octet-stream (or no type) says nothing: the bytes and the file name decide.
  const declared = upload.contentType === "application/octet-stream" ? null : upload.contentType;
  const kind = deps.reader.detect({ contentType: declared, name: upload.filename, body: upload.body });
  if (kind === null) throw unsupported(upload.contentType);

  const stored = await deps.storage.put(upload.body);
  const file = await deps.ingest.recordFile({ key: stored.key, size: stored.size, contentType: upload.contentType, kind, filename: upload.filename }, deps.clock.now());
  const payload: IngestFilePayload = { fileKey: stored.key, kind, timezone, filename: upload.filename };
  const job = await deps.queue.enqueue(INGEST_FILE, payload, deps.queueDefaults);
  return { job, file, newFile: stored.created };
}

function unsupported(contentType: string | null): CalendarError {
  return new CalendarError("UNSUPPORTED_DOCUMENT", `${contentType ?? "this file"} is not a type ingestion reads: send text/plain, text/calendar, text/html or application/pdf`, "file");
}

/** The worker side: reads a stored upload into events. A missing or corrupt file is dead-lettered with its reason. */
export async function ingestFile(payload: IngestFilePayload, deps: IngestDeps & { storage: FileStorage; observer: IngestObserver; stopwatch: () => number }, attempt: { final: boolean }): Promise<IngestSummary> {
  const started = deps.stopwatch();
  const kind = payload.kind as DocumentKind;
  try {
    const body = await deps.storage.get(payload.fileKey);
    if (body === null) throw new UnrecoverableError(`file ${payload.fileKey} is not in storage`);
    const summary = await ingestDocument({ kind, body, origin: { type: "file", id: payload.fileKey }, timezone: payload.timezone }, deps);
    deps.observer.ingested(summary, { origin: "file", durationMs: deps.stopwatch() - started });
    return summary;
  } catch (error) {
    const canRetry = retryable(error);
    deps.observer.failed(kind, reasonOf(error), { origin: "file", final: attempt.final || !canRetry });
    if (!canRetry && !(error instanceof UnrecoverableError)) throw new UnrecoverableError(`${kind} file ${payload.fileKey} cannot be read: ${(error as Error).message}`, { cause: error });
    throw error;
  }
}
