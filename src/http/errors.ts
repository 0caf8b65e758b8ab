/**
 * Every error code the API answers with, its HTTP status and title: the one place where codes become
 * statuses. Domain codes come from core/events/errors.ts; the rest belong to the HTTP layer itself.
 */
import { ERROR_CODES, type ErrorCode } from "../core/events/errors.js";

/** Codes raised by the HTTP layer (not by use cases). */
export const HTTP_ERROR_CODES = {
  INVALID_JSON: "The request body is not valid JSON.",
  VALIDATION_FAILED: "The request does not match the route's schema (the field is named).",
  PAYLOAD_TOO_LARGE: "The request body is larger than the configured limit.",
  UNSUPPORTED_MEDIA_TYPE: "The request body's content type is not accepted here.",
  UNAUTHORIZED: "An API key is required (X-API-Key or Authorization: Bearer) and none valid was given.",
  FORBIDDEN: "The API key lacks the scope this route needs.",
  RATE_LIMITED: "Too many requests for this key or address; retry after the time given.",
  NOT_FOUND: "No route matches this method and path.",
  NOT_READY: "The service is starting, stopping or cannot reach its database.",
  STORE_UNAVAILABLE: "The database could not be reached; nothing was changed.",
  CACHE_UNAVAILABLE: "Some worker process did not answer about its cache in time; the statistics or the clearing may be incomplete.",
  INTERNAL: "An unexpected error; it was logged with the request id.",
} as const;

export type HttpErrorCode = keyof typeof HTTP_ERROR_CODES;
export type ApiErrorCode = ErrorCode | HttpErrorCode;

const STATUS: Record<ApiErrorCode, number> = {
  INVALID_TEXT: 400,
  INVALID_TIMEZONE: 400,
  INVALID_REFERENCE: 400,
  TEXT_TOO_LONG: 413,
  INVALID_GOLDEN_FILE: 400,
  INVALID_EVENT: 400,
  EVENT_NOT_FOUND: 404,
  EVENT_CONFLICT: 409,
  INVALID_QUERY: 400,
  INVALID_ICALENDAR: 400,
  SOURCE_NOT_FOUND: 404,
  SOURCE_CONFLICT: 409,
  INVALID_SOURCE: 400,
  UNSUPPORTED_DOCUMENT: 415,
  JOB_NOT_FOUND: 404,
  INVALID_JSON: 400,
  VALIDATION_FAILED: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  NOT_FOUND: 404,
  NOT_READY: 503,
  STORE_UNAVAILABLE: 503,
  CACHE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** All codes with their status and description, for docs and the documentation test. */
export function errorCatalogue(): Array<{ code: ApiErrorCode; status: number; description: string }> {
  const all = { ...ERROR_CODES, ...HTTP_ERROR_CODES } as Record<ApiErrorCode, string>;
  return (Object.keys(all) as ApiErrorCode[]).map((code) => ({ code, status: statusOf(code), description: all[code] }));
}

export function statusOf(code: ApiErrorCode): number {
  return STATUS[code] ?? 500;
}

/** An error raised by the HTTP layer: a code (its status is looked up), a detail, the offending field. */
export class ApiError extends Error {
  readonly code: HttpErrorCode;
  readonly field: string | undefined;
  readonly headers: Record<string, string>;
  constructor(code: HttpErrorCode, detail?: string, options: { field?: string; headers?: Record<string, string> } = {}) {
    super(detail ?? HTTP_ERROR_CODES[code]);
    this.name = "ApiError";
    this.code = code;
    this.field = options.field;
    this.headers = options.headers ?? {};
  }
}

/** RFC 9457 problem details, with our stable `code` and the offending `field`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ApiErrorCode;
  field?: string;
  requestId?: string;
  instance?: string;
}

export function problem(code: ApiErrorCode, detail: string, extra: { field?: string; requestId?: string; instance?: string } = {}): Problem {
  const all = { ...ERROR_CODES, ...HTTP_ERROR_CODES } as Record<ApiErrorCode, string>;
  return {
    type: `https://calendar-api.dev/errors/${code.toLowerCase().replace(/_/g, "-")}`,
    title: all[code] ?? "Error",
    status: statusOf(code),
    detail,
    code,
    ...(extra.field ? { field: extra.field } : {}),
    ...(extra.requestId ? { requestId: extra.requestId } : {}),
    ...(extra.instance ? { instance: extra.instance } : {}),
  };
}
