/** JSON schemas of the API's bodies and answers; they validate requests and generate /openapi.json. */

export const problemSchema = {
  $id: "Problem",
  type: "object",
  description: "RFC 9457 problem details with a stable `code` and the offending `field`.",
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    code: { type: "string" },
    field: { type: "string" },
    requestId: { type: "string" },
    instance: { type: "string" },
  },
  required: ["type", "title", "status", "detail", "code"],
} as const;

const component = {
  type: "object",
  properties: { text: { type: "string" }, span: { type: "array", items: { type: "integer" }, minItems: 2, maxItems: 2 }, confidence: { type: "number" } },
} as const;

/** The Event contract of DESIGN.md. */
export const eventSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    title: { type: "string" },
    start: { type: "string", description: "ISO 8601 with offset, or YYYY-MM-DD when allDay" },
    end: { type: ["string", "null"], description: "Same form as start; exclusive date for all-day events" },
    allDay: { type: "boolean" },
    timezone: { type: "string" },
    recurrence: { type: ["string", "null"], description: "RFC 5545 RRULE without the RRULE: prefix" },
    location: { type: ["string", "null"] },
    confidence: { type: "number" },
    components: { type: "object", additionalProperties: component },
    description: { type: ["string", "null"] },
    uid: { type: "string" },
    exdates: { type: "array", items: { type: "string" } },
    createdAt: { type: "string" },
    updatedAt: { type: "string" },
    occurrenceOf: { type: ["string", "null"] },
  },
  required: ["title", "start", "end", "allDay", "timezone", "recurrence", "location"],
} as const;

export const parseBodySchema = {
  type: "object",
  properties: {
    text: { type: "string", description: "The text to read" },
    reference: { type: "string", description: "\"Now\" as ISO 8601; the server's time when absent" },
    timezone: { type: "string", description: "IANA zone; the configured default when absent" },
    locale: { type: "string", enum: ["en", "de", "auto"] },
  },
  required: ["text"],
  additionalProperties: false,
} as const;

export const parseResultSchema = {
  type: "object",
  properties: {
    events: { type: "array", items: eventSchema },
    meta: {
      type: "object",
      properties: { route: { type: "string", enum: ["rules", "llm", "cache"] }, durationMs: { type: "number" }, confidence: { type: "number" } },
      required: ["route", "confidence"],
    },
  },
  required: ["events", "meta"],
} as const;

export const newEventSchema = {
  type: "object",
  description: "Either an event's fields, or { text, reference?, timezone? } to parse and save every event found.",
  properties: {
    text: { type: "string" },
    reference: { type: "string" },
    timezone: { type: "string" },
    title: { type: "string" },
    start: { type: "string" },
    end: { type: ["string", "null"] },
    allDay: { type: "boolean" },
    recurrence: { type: ["string", "null"] },
    location: { type: ["string", "null"] },
    description: { type: ["string", "null"] },
    uid: { type: "string" },
  },
  additionalProperties: false,
} as const;

export const patchEventSchema = {
  type: "object",
  properties: {
    title: { type: "string" },
    start: { type: "string" },
    end: { type: ["string", "null"] },
    allDay: { type: "boolean" },
    timezone: { type: "string" },
    recurrence: { type: ["string", "null"] },
    location: { type: ["string", "null"] },
    description: { type: ["string", "null"] },
  },
  additionalProperties: false,
  minProperties: 1,
} as const;

export const listQuerySchema = {
  type: "object",
  properties: {
    from: { type: "string", description: "Window start (ISO date or date-time); now when absent" },
    to: { type: "string", description: "Window end; 90 days after from when absent" },
    q: { type: "string", description: "Full-text search over title, location and description" },
    location: { type: "string" },
    limit: { type: "integer", minimum: 1, maximum: 500, default: 50 },
    cursor: { type: "string" },
  },
  additionalProperties: false,
} as const;

export const errorResponses = {
  400: { $ref: "Problem#" },
  401: { $ref: "Problem#" },
  403: { $ref: "Problem#" },
  429: { $ref: "Problem#" },
} as const;
