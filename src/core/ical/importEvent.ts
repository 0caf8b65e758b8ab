/** One VEVENT read into a NewEvent, with what the importer needs to attach RECURRENCE-ID overrides. */
import type { NewEvent } from "../../ports/eventStore.js";
import { parseRRule } from "../recurrence/rrule.js";
import { type CivilDate, type WallTime, addDays, compareDates, formatDate, MS_PER_DAY } from "../time/civil.js";
import { epochToZoned, formatInstant, isValidZone, zonedToEpoch } from "../time/zone.js";
import type { ContentLine } from "./contentLine.js";
import { type Component, param, properties, property } from "./components.js";
import { X_CONFIDENCE, X_TIMEZONE } from "./exportEvent.js";
import { unescapeText } from "./text.js";
import type { ZoneReading } from "./tzid.js";
import { parseDuration, parseIcalTime, wallMs } from "./values.js";

/** What reading a VEVENT needs from the file around it. */
export interface ReadContext {
  defaultTimezone: string;
  /** Settles a TZID (see tzid.ts); `year` picks which year of a custom VTIMEZONE to compare. */
  resolveTzid(tzid: string, year: number): ZoneReading;
  warn(message: string): void;
}

/** How an event's start is written, for reading EXDATE and RECURRENCE-ID values in the same terms. */
export interface Anchor {
  allDay: boolean;
  zone: string;
  /** DTSTART's wall-clock time in `zone`; null for all-day events. */
  time: WallTime | null;
}

/** A readable VEVENT. */
export interface ReadEvent {
  event: NewEvent & { exdates: string[] };
  anchor: Anchor;
  /** The RECURRENCE-ID line of an override (read against its master's anchor later). */
  recurrenceId: ContentLine | null;
  cancelled: boolean;
}

/** Titles longer than this are cut (the event contract allows 500 characters). */
export const MAX_TITLE = 500;
/** The title of an event without SUMMARY. */
export const UNTITLED = "(No title)";

/** A DATE, or an instant with the zone its TZID settled to (null for `Z` and floating values). */
type Moment = { kind: "date"; date: CivilDate } | { kind: "timed"; instant: number; zone: string | null; utc: boolean };

// Why a VEVENT cannot be read; never leaves this module (readVEvent returns it as a problem).
class Unreadable extends Error {}

const unreadable = (line: ContentLine, message: string): Unreadable => new Unreadable(`line ${line.line}: ${line.name} ${message}`);

function readMoment(line: ContentLine, value: string, ctx: ReadContext, floatingZone: string): Moment {
  const t = parseIcalTime(value);
  if (!t) throw unreadable(line, `has a bad date or date-time ${JSON.stringify(value)}`);
  if (t.kind === "date") return { kind: "date", date: t.date };
  if (param(line, "VALUE")?.toUpperCase() === "DATE") throw unreadable(line, `says VALUE=DATE but holds a date-time ${JSON.stringify(value)}`);
  if (t.kind === "utc") return { kind: "timed", instant: wallMs(t.date, t.time), zone: null, utc: true };
  const tzid = param(line, "TZID");
  if (tzid === undefined) return { kind: "timed", instant: zonedToEpoch(t.date, t.time, floatingZone), zone: null, utc: false };
  const reading = ctx.resolveTzid(tzid, t.date.y);
  return { kind: "timed", instant: reading.instantOf(t.date, t.time), zone: reading.zone, utc: false };
}

/**
 * An EXDATE or RECURRENCE-ID value in the master's terms, as listEvents compares them: a plain date for
 * all-day events, otherwise the instant with the offset of the master's zone. A DATE against a timed
 * master means DTSTART's time that day. Null, with a warning ending in `consequence`, when unreadable.
 */
export function occurrenceText(line: ContentLine, value: string, anchor: Anchor, ctx: ReadContext, consequence: string): string | null {
  try {
    const moment = readMoment(line, value, ctx, anchor.zone);
    if (anchor.allDay) return formatDate(moment.kind === "date" ? moment.date : epochToZoned(moment.instant, anchor.zone).date);
    const instant = moment.kind === "date" ? zonedToEpoch(moment.date, anchor.time as WallTime, anchor.zone) : moment.instant;
    return formatInstant(instant, anchor.zone);
  } catch (error) {
    if (!(error instanceof Unreadable)) throw error;
    ctx.warn(`${error.message}; ${consequence}`);
    return null;
  }
}

/** Reads one VEVENT; a string is the problem that makes it unreadable (`line N: …`). */
export function readVEvent(component: Component, ctx: ReadContext): ReadEvent | string {
  try {
    return read(component, ctx);
  } catch (error) {
    if (error instanceof Unreadable) return error.message;
    throw error;
  }
}

function text(component: Component, name: string): string | null {
  const line = property(component, name);
  return line === undefined ? null : unescapeText(line.value).trim();
}

function read(component: Component, ctx: ReadContext): ReadEvent {
  if (component.problems.length > 0) throw new Unreadable(component.problems[0]);
  const dtstart = property(component, "DTSTART");
  if (!dtstart) throw new Unreadable(`line ${component.line}: VEVENT has no DTSTART`);
  const declared = text(component, X_TIMEZONE);
  const ownZone = declared !== null && isValidZone(declared) ? declared : null;
  const recurrence = readRule(properties(component, "RRULE"), ctx);
  const start = readMoment(dtstart, dtstart.value, ctx, ownZone ?? ctx.defaultTimezone);
  const uid = text(component, "UID") || undefined;

  // A `Z` start that repeats keeps UTC: the rule repeats the UTC time, which another zone would shift at DST.
  const zone =
    start.kind === "timed" && start.zone !== null
      ? start.zone
      : (ownZone ?? (start.kind === "timed" && start.utc && recurrence !== null ? "UTC" : ctx.defaultTimezone));
  const anchor: Anchor = { allDay: start.kind === "date", zone, time: start.kind === "date" ? null : epochToZoned(start.instant, zone).time };
  const exdates: string[] = [];
  if (recurrence !== null) {
    for (const line of properties(component, "EXDATE")) {
      for (const value of line.value.split(",").filter((v) => v.trim() !== "")) {
        const key = occurrenceText(line, value, anchor, ctx, "that exception date is ignored");
        if (key !== null && !exdates.includes(key)) exdates.push(key);
      }
    }
  }
  if (properties(component, "RDATE").length > 0) ctx.warn(`line ${properties(component, "RDATE")[0].line}: RDATE is not supported and is ignored`);

  let title = text(component, "SUMMARY") || UNTITLED;
  if (title.length > MAX_TITLE) {
    ctx.warn(`line ${property(component, "SUMMARY")?.line}: SUMMARY is longer than ${MAX_TITLE} characters and was cut`);
    title = title.slice(0, MAX_TITLE);
  }
  const confidence = Number(text(component, X_CONFIDENCE) ?? "1");
  const event: ReadEvent["event"] = {
    title,
    start: start.kind === "date" ? formatDate(start.date) : formatInstant(start.instant, zone),
    end: readEnd(component, start, zone, ctx),
    allDay: start.kind === "date",
    timezone: zone,
    recurrence,
    location: text(component, "LOCATION") || null,
    description: text(component, "DESCRIPTION") || null,
    confidence: Number.isFinite(confidence) && confidence >= 0 && confidence <= 1 ? confidence : 1,
    uid,
    exdates,
  };
  const status = text(component, "STATUS")?.toUpperCase();
  return { event, anchor, recurrenceId: property(component, "RECURRENCE-ID") ?? null, cancelled: status === "CANCELLED" };
}

// The first RRULE when this project's subset can expand it; anything else leaves a single event.
function readRule(lines: ContentLine[], ctx: ReadContext): string | null {
  if (lines.length === 0) return null;
  if (lines.length > 1) ctx.warn(`line ${lines[1].line}: only the first RRULE of an event is kept`);
  const value = lines[0].value.trim();
  if (parseRRule(value) !== null) return value;
  ctx.warn(`line ${lines[0].line}: RRULE ${JSON.stringify(value)} is not supported; the event is imported as a single occurrence`);
  return null;
}

/**
 * DTEND, else DTSTART + DURATION (days nominal, the rest exact), else for an all-day event the next day
 * and for a timed one no end. An end before the start is dropped with a warning.
 */
function readEnd(component: Component, start: Moment, zone: string, ctx: ReadContext): string | null {
  const dtend = property(component, "DTEND");
  const durationLine = property(component, "DURATION");
  if (start.kind === "date") {
    let end: CivilDate = addDays(start.date, 1);
    if (dtend) {
      const moment = readMoment(dtend, dtend.value, ctx, zone);
      if (moment.kind !== "date") throw unreadable(dtend, "is a date-time but DTSTART is a date");
      if (compareDates(moment.date, start.date) > 0) end = moment.date;
      else if (compareDates(moment.date, start.date) < 0) ctx.warn(`line ${dtend.line}: DTEND is before DTSTART; the event lasts one day`);
    } else if (durationLine) {
      const duration = parseDuration(durationLine.value);
      if (!duration) throw unreadable(durationLine, `is not a duration: ${JSON.stringify(durationLine.value)}`);
      const days = duration.days + Math.ceil(duration.ms / MS_PER_DAY);
      if (days > 0) end = addDays(start.date, days);
    }
    return formatDate(end);
  }
  let end: number | null = null;
  let line: ContentLine | undefined;
  if (dtend) {
    line = dtend;
    const moment = readMoment(dtend, dtend.value, ctx, zone);
    if (moment.kind === "date") throw unreadable(dtend, "is a date but DTSTART is a date-time");
    end = moment.instant;
  } else if (durationLine) {
    line = durationLine;
    const duration = parseDuration(durationLine.value);
    if (!duration) throw unreadable(durationLine, `is not a duration: ${JSON.stringify(durationLine.value)}`);
    const local = epochToZoned(start.instant, zone);
    const dayEnd = duration.days === 0 ? start.instant : zonedToEpoch(addDays(local.date, duration.days), local.time, zone);
    end = dayEnd + duration.ms;
  }
  if (end === null) return null;
  if (end < start.instant) {
    ctx.warn(`line ${line?.line}: the event ends before it starts; the end is dropped`);
    return null;
  }
  return formatInstant(end, zone);
}
