/** The document reader port: turns a document's bytes (iCalendar, HTML, PDF, text) into events to store. */
import type { NewEvent } from "./eventStore.js";
import type { DocumentKind } from "./ingestStore.js";

/** An event read from a document: what to create, how it was read, and its own link when the document gives one. */
export type ReadEvent = NewEvent & { via: string; url?: string | null };

export interface ReadContext {
  /** "Now" as an ISO 8601 instant: relative and forward-looking dates are read from it. */
  reference: string;
  /** Zone for wall-clock times that carry none. */
  timezone: string;
  /** Where the document came from (relative links resolve against it). */
  baseUrl?: string | null;
}

export interface DocumentReader {
  /** The kind of a document from its content type, its first bytes and its name (URL or file name); null when unsupported. */
  detect(input: { contentType: string | null; name: string | null; body: Buffer }): DocumentKind | null;
  /**
   * Events in document order and warnings for items skipped. Throws an error whose `code` is
   * `INVALID_SOURCE` or `INVALID_ICALENDAR` when the document itself cannot be read (see `isUnreadableDocument`).
   */
  read(kind: DocumentKind, body: Buffer, ctx: ReadContext): Promise<{ events: ReadEvent[]; warnings: string[] }>;
}

/** True when `error` says the document is corrupt or not what it claims: retrying cannot help. */
export function isUnreadableDocument(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "INVALID_SOURCE" || code === "INVALID_ICALENDAR";
}
