/** Checks an event written by a client (POST/PATCH /events) and names the first bad field. */
import { CalendarError } from "../core/events/errors.js";
import { parseRRule } from "../core/recurrence/rrule.js";
import { isValidDate } from "../core/time/civil.js";
import { isValidZone, parseIsoInstant } from "../core/time/zone.js";
import type { EventPatch, NewEvent } from "../ports/eventStore.js";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function fail(field: string, message: string): never {
  throw new CalendarError("INVALID_EVENT", `${field}: ${message}`, field);
}

function checkDate(field: string, value: string): void {
  const m = DATE.exec(value);
  if (!m || !isValidDate(Number(m[1]), Number(m[2]), Number(m[3]))) fail(field, `expected a date YYYY-MM-DD for an all-day event, got ${JSON.stringify(value)}`);
}

function checkDateTime(field: string, value: string, zone: string): void {
  if (DATE.test(value) || parseIsoInstant(value, zone) === null) fail(field, `expected an ISO 8601 date-time with offset, got ${JSON.stringify(value)}`);
}

/** Validates the combination of fields an event must satisfy (after a patch is applied, too). */
export function checkEvent(event: NewEvent): NewEvent {
  if (typeof event.title !== "string" || event.title.trim() === "" || event.title.length > 500) fail("title", "expected a non-empty string of at most 500 characters");
  if (typeof event.timezone !== "string" || !isValidZone(event.timezone)) fail("timezone", `not a known IANA zone: ${JSON.stringify(event.timezone)}`);
  if (typeof event.allDay !== "boolean") fail("allDay", "expected a boolean");
  if (typeof event.start !== "string") fail("start", "expected a string");
  if (event.end !== null && typeof event.end !== "string") fail("end", "expected a string or null");
  const check = event.allDay ? (f: string, v: string) => checkDate(f, v) : (f: string, v: string) => checkDateTime(f, v, event.timezone);
  check("start", event.start);
  if (event.end !== null) {
    check("end", event.end);
    const a = event.allDay ? Date.parse(`${event.start}T00:00:00Z`) : parseIsoInstant(event.start, event.timezone)!;
    const b = event.allDay ? Date.parse(`${event.end}T00:00:00Z`) : parseIsoInstant(event.end, event.timezone)!;
    if (b < a || (event.allDay && b === a)) fail("end", "must be after start (all-day ends are exclusive dates)");
  }
  if (event.recurrence !== null && (typeof event.recurrence !== "string" || parseRRule(event.recurrence) === null)) fail("recurrence", `not an RFC 5545 RRULE: ${JSON.stringify(event.recurrence)}`);
  if (event.location !== null && typeof event.location !== "string") fail("location", "expected a string or null");
  if (event.description !== undefined && event.description !== null && typeof event.description !== "string") fail("description", "expected a string or null");
  if (event.confidence !== undefined && (typeof event.confidence !== "number" || event.confidence < 0 || event.confidence > 1)) fail("confidence", "expected a number from 0 to 1");
  return event;
}

/** A NewEvent from a client body: required fields present, optional ones defaulted, then checked. */
export function readNewEvent(body: Record<string, unknown>): NewEvent {
  for (const field of ["title", "start", "timezone"]) if (body[field] === undefined) fail(field, "is required");
  const event: NewEvent = {
    title: body.title as string,
    start: body.start as string,
    end: (body.end ?? null) as string | null,
    allDay: (body.allDay ?? (typeof body.start === "string" && DATE.test(body.start))) as boolean,
    timezone: body.timezone as string,
    recurrence: (body.recurrence ?? null) as string | null,
    location: (body.location ?? null) as string | null,
    description: (body.description ?? null) as string | null,
    confidence: (body.confidence ?? 1) as number,
    uid: typeof body.uid === "string" ? body.uid : undefined,
  };
  return checkEvent(event);
}

/** The fields of a PATCH body that an event may change (unknown fields are refused by the route schema). */
export function readPatch(body: Record<string, unknown>): EventPatch {
  const patch: EventPatch = {};
  for (const key of ["title", "start", "end", "allDay", "timezone", "recurrence", "location", "description"] as const) {
    if (key in body) (patch as Record<string, unknown>)[key] = body[key];
  }
  if (Object.keys(patch).length === 0) fail("body", "names no field to change");
  return patch;
}
