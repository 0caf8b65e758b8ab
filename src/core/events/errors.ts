/** Domain errors: a stable code from a closed union, never an HTTP status (that is decided in http/). */

export const ERROR_CODES = {
  INVALID_TEXT: "The text to parse is missing, empty or not a string.",
  INVALID_TIMEZONE: "The time zone is not a known IANA zone name.",
  INVALID_REFERENCE: "The reference is not a valid ISO 8601 date-time.",
  TEXT_TOO_LONG: "The text is longer than the configured maximum.",
  INVALID_GOLDEN_FILE: "A golden file line is not a valid case.",
  INVALID_EVENT: "An event field is missing or not valid (the field is named).",
  EVENT_NOT_FOUND: "No event has this id.",
  EVENT_CONFLICT: "An event with this UID already exists.",
  INVALID_QUERY: "A query parameter is not valid (the parameter is named).",
  INVALID_ICALENDAR: "The iCalendar text is malformed (the line and the problem are named).",
  SOURCE_NOT_FOUND: "No source has this id.",
  SOURCE_CONFLICT: "A source with this URL is already registered.",
  INVALID_SOURCE: "A source or upload is not valid (the field is named), e.g. a URL that is not http(s).",
  UNSUPPORTED_DOCUMENT: "The document's type is not one ingestion reads (iCalendar, HTML, PDF, plain text).",
  JOB_NOT_FOUND: "No job has this id (or it is not in the dead-letter queue, for the DLQ routes).",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An expected failure with a code callers can branch on; `field` names the offending input. */
export class CalendarError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  constructor(code: ErrorCode, message?: string, field?: string) {
    super(message ?? ERROR_CODES[code]);
    this.name = "CalendarError";
    this.code = code;
    this.field = field;
  }
}
