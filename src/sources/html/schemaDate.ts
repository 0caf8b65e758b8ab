/**
 * schema.org / microformat date values (`2026-12-10`, `2026-12-10T19:00`, `2026-12-10T19:00:00-05:00`) read
 * into the Event contract's forms: a plain date when all-day, else ISO 8601 with the offset of the event's zone.
 */
import { type CivilDate, type WallTime, addDays, isValidDate } from "../../core/time/civil.js";
import { parseDuration } from "../../core/ical/values.js";
import { epochToZoned, isValidZone, offsetAt, zonedToEpoch } from "../../core/time/zone.js";

/** A date value as written: a day, a wall-clock time without offset, or an instant with its offset. */
export type SchemaMoment =
  | { kind: "date"; date: CivilDate }
  | { kind: "local"; date: CivilDate; time: WallTime }
  /** `offset` is minutes east of UTC as written; null for `Z`. */
  | { kind: "instant"; epoch: number; offset: number | null };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Reads an ISO 8601 date or date-time; null when `value` is not one (callers may try the parser next). */
export function readSchemaDate(value: string): SchemaMoment | null {
  const m = ISO.exec(value.trim());
  if (!m) return null;
  const date = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  if (!isValidDate(date.y, date.m, date.d)) return null;
  if (m[4] === undefined) return { kind: "date", date };
  const time = { h: Number(m[4]), mi: Number(m[5]), s: Number(m[6] ?? 0) };
  if (time.h > 23 || time.mi > 59 || time.s > 59) return null;
  if (m[7] === undefined) return { kind: "local", date, time };
  const offset = m[7].toUpperCase() === "Z" ? null : readOffset(m[7]);
  const wallAsUtc = Date.UTC(date.y, date.m - 1, date.d, time.h, time.mi, time.s);
  return { kind: "instant", epoch: wallAsUtc - (offset ?? 0) * 60_000, offset };
}

/** Reads a time of day (`19:00`, `19:00:00`, `T19:00`, `7:00 PM`); null when it is not one. */
export function readSchemaTime(value: string): WallTime | null {
  const m = /^T?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([ap]\.?m\.?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$/i.exec(value.trim());
  if (!m) return null;
  let h = Number(m[1]);
  const meridiem = m[4]?.[0].toLowerCase();
  if (meridiem && (h < 1 || h > 12)) return null;
  if (meridiem === "p" && h < 12) h += 12;
  if (meridiem === "a" && h === 12) h = 0;
  const time = { h, mi: Number(m[2]), s: Number(m[3] ?? 0) };
  return time.h > 23 || time.mi > 59 || time.s > 59 ? null : time;
}

/**
 * The IANA zone an event is kept in. `preferred` (a schedule's scheduleTimezone) when valid, else the
 * context zone, unless `start` is an instant whose written offset disagrees with that zone: then the
 * fixed zone `Etc/GMT±h` keeps the wall-clock time the page shows (whole-hour offsets only). A `Z` value
 * is taken as a serialisation choice and shown in the context zone.
 */
export function zoneFor(start: SchemaMoment, contextZone: string, preferred?: string | null): string {
  if (preferred && isValidZone(preferred)) return preferred;
  if (start.kind !== "instant" || start.offset === null) return contextZone;
  if (offsetAt(start.epoch, contextZone) === start.offset || start.offset % 60 !== 0) return contextZone;
  const hours = -start.offset / 60;
  return hours === 0 ? "UTC" : `Etc/GMT${hours > 0 ? "+" : "-"}${Math.abs(hours)}`;
}

/** Epoch milliseconds of a timed moment in `zone`; null for a plain date. */
export function epochOf(moment: SchemaMoment, zone: string): number | null {
  if (moment.kind === "date") return null;
  return moment.kind === "instant" ? moment.epoch : zonedToEpoch(moment.date, moment.time, zone);
}

/** The calendar date of a moment as seen in `zone`. */
export function dateOf(moment: SchemaMoment, zone: string): CivilDate {
  return moment.kind === "instant" ? epochToZoned(moment.epoch, zone).date : moment.date;
}

/** The wall-clock time of a timed moment in `zone`; null for a plain date. */
export function timeOf(moment: SchemaMoment, zone: string): WallTime | null {
  if (moment.kind === "date") return null;
  return moment.kind === "instant" ? epochToZoned(moment.epoch, zone).time : moment.time;
}

/** `epoch` plus an ISO 8601 duration (days as calendar days in `zone`, the rest exact); null when unreadable. */
export function addDuration(epoch: number, duration: string, zone: string): number | null {
  const parsed = parseDuration(duration);
  if (!parsed || parsed.days < 0 || parsed.ms < 0) return null;
  const local = epochToZoned(epoch, zone);
  const shifted = parsed.days === 0 ? epoch : zonedToEpoch(addDays(local.date, parsed.days), local.time, zone);
  return shifted + parsed.ms;
}

function readOffset(text: string): number {
  const digits = text.replace(":", "");
  const sign = digits.startsWith("-") ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0));
}
