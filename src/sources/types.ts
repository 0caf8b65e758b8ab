/** The shapes every source extractor shares: what goes in (a document and its context) and what comes out. */
import { CalendarError } from "../core/events/errors.js";
import type { NewEvent } from "../ports/eventStore.js";

/** The document kinds an extractor exists for. */
export type SourceKind = "ics" | "html" | "pdf" | "text";

/** Where an extracted event was read from: structured data of one flavour, or the parser on plain text. */
export type ExtractionVia = "ical" | "json-ld" | "microdata" | "h-event" | "text";

/** An event ready to create, with its provenance and, when the document gives one, the event's own link. */
export type ExtractedEvent = NewEvent & {
  via: ExtractionVia;
  /** Absolute when the document's base URL was known; null or absent when the document gives none. */
  url?: string | null;
};

/** What an extractor needs besides the bytes. */
export interface ExtractContext {
  /** "Now", an ISO 8601 instant: relative and forward-looking dates in text are read from it. */
  reference: string;
  /** IANA zone for wall-clock times that carry no zone of their own. */
  timezone: string;
  /** Where the document came from; relative links are resolved against it. Absent: links are kept as written. */
  baseUrl?: string | null;
}

/** Events in document order, and what was skipped or guessed (each warning names the item). */
export interface ExtractResult {
  events: ExtractedEvent[];
  warnings: string[];
}

/**
 * One extractor per source kind. `extract` throws SourceFormatError when the document itself is unreadable
 * (corrupt PDF, malformed iCalendar); an item without a recognisable date is skipped with a warning.
 */
export interface SourceExtractor {
  readonly kind: SourceKind;
  extract(body: Buffer, ctx: ExtractContext): Promise<ExtractResult>;
}

/**
 * The document is corrupt or not of the kind it claims (a PDF that cannot be opened or is encrypted, an
 * .ics that is malformed). A CalendarError with code INVALID_SOURCE, so the HTTP layer and the job runner
 * treat it like any domain error (no retry: the bytes will not change); `kind` names the extractor and
 * `cause` keeps the underlying error (for an .ics, the core's CalendarError INVALID_ICALENDAR).
 */
export class SourceFormatError extends CalendarError {
  readonly kind: SourceKind;
  constructor(kind: SourceKind, message: string, options?: { cause?: unknown }) {
    super("INVALID_SOURCE", message);
    this.name = "SourceFormatError";
    this.kind = kind;
    if (options && "cause" in options) this.cause = options.cause;
  }
}
