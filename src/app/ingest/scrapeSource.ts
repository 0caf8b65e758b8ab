/**
 * One run of a registered source: a conditional fetch, then (when the body changed) detection, extraction,
 * dedup and one commit; the run's outcome is recorded on the source either way. Failures that retrying
 * cannot fix (4xx, robots.txt, an unsupported or corrupt document) become UnrecoverableError (dead letter).
 */
import { createHash } from "node:crypto";
import { CalendarError } from "../../core/events/errors.js";
import { isUnreadableDocument } from "../../ports/documentReader.js";
import { FetchError, type Fetcher, type PageRenderer } from "../../ports/fetcher.js";
import { type JsonValue, UnrecoverableError } from "../../ports/jobQueue.js";
import { type IngestDeps, ingestDocument } from "./ingestDocument.js";
import type { IngestObserver } from "./ingestObserver.js";

export interface ScrapeDeps extends IngestDeps {
  fetcher: Fetcher;
  /** Renders sources registered with `render` (null: such sources are read as fetched). */
  renderer: PageRenderer | null;
  observer: IngestObserver;
  /** Monotonic ms, for durations. */
  stopwatch: () => number;
}

export type ScrapeOutcome =
  | { status: "not-modified" | "unchanged"; sourceId: string }
  | { status: "ingested"; sourceId: string; kind: string; found: number; created: number; merged: number; updated: number; warnings: number };

export async function scrapeSource(sourceId: string, deps: ScrapeDeps, attempt: { final: boolean; signal?: AbortSignal }): Promise<ScrapeOutcome & { [key: string]: JsonValue }> {
  const source = await deps.ingest.getSource(sourceId);
  if (!source) throw new UnrecoverableError(`source ${sourceId} no longer exists`);
  const started = deps.stopwatch();
  try {
    const fetched = await deps.fetcher.fetch({ url: source.url, etag: source.etag, lastModified: source.lastModified, signal: attempt.signal });
    if (fetched.status === "not-modified") {
      await deps.ingest.recordRun(source.id, { at: deps.clock.now(), ok: true });
      return { status: "not-modified", sourceId };
    }
    const contentHash = createHash("sha256").update(fetched.body).digest("hex");
    const validators = { etag: fetched.etag, lastModified: fetched.lastModified, contentHash };
    // A server without validators still sends the same bytes: nothing to read again.
    if (contentHash === source.contentHash) {
      await deps.ingest.recordRun(source.id, { at: deps.clock.now(), ok: true, ...validators });
      return { status: "unchanged", sourceId };
    }
    const kind = deps.reader.detect({ contentType: fetched.contentType, name: fetched.url, body: fetched.body });
    if (kind === null) throw new CalendarError("UNSUPPORTED_DOCUMENT", `${fetched.url} is ${fetched.contentType ?? "of no declared type"}: not iCalendar, HTML, PDF or text`);
    // The fetch above already obeyed robots.txt and the validators; the browser only runs the page's scripts.
    const body = kind === "html" && source.render && deps.renderer ? Buffer.from((await deps.renderer.render(fetched.url, attempt.signal)).html) : fetched.body;
    const summary = await ingestDocument({ kind, body, origin: { type: "source", id: source.id }, timezone: source.timezone, baseUrl: fetched.url }, deps);
    await deps.ingest.recordRun(source.id, { at: deps.clock.now(), ok: true, kind, eventsFound: summary.found, ...validators });
    deps.observer.ingested(summary, { origin: "source", durationMs: deps.stopwatch() - started });
    return { status: "ingested", sourceId, kind, found: summary.found, created: summary.created, merged: summary.merged, updated: summary.updated, warnings: summary.warnings.length };
  } catch (error) {
    const final = attempt.final || !retryable(error);
    deps.observer.failed(source.kind ?? "unknown", reasonOf(error), { origin: "source", final });
    await deps.ingest.recordRun(source.id, { at: deps.clock.now(), ok: false, error: describe(error) }).catch(() => null);
    if (!retryable(error)) throw new UnrecoverableError(describe(error), { cause: error });
    throw error;
  }
}

/** Whether trying again later could succeed: network trouble, 5xx, 429, an unreachable database. */
export function retryable(error: unknown): boolean {
  if (error instanceof UnrecoverableError) return false;
  if (error instanceof FetchError) return error.retryable;
  if (isUnreadableDocument(error)) return false;
  if (error instanceof CalendarError) return false;
  return true;
}

/** A short stable word for metrics labels. */
export function reasonOf(error: unknown): string {
  if (error instanceof FetchError) return error.reason;
  if (isUnreadableDocument(error)) return "corrupt";
  if (error instanceof CalendarError) return error.code === "UNSUPPORTED_DOCUMENT" ? "unsupported" : "invalid";
  if ((error as { code?: unknown })?.code === "STORE_UNAVAILABLE") return "store";
  return "error";
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
