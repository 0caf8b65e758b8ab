/**
 * IANA zone arithmetic on top of Intl (pure: no clock, no environment). Wall-clock times are turned into
 * instants as RFC 5545 says: a time inside a daylight-saving gap moves forward by the gap's length, a
 * time inside an overlap is the first of its two instants.
 */
import { type CivilDate, type WallTime, civilFromDays, daysFromCivil, formatDate, MS_PER_DAY, MS_PER_MINUTE } from "./civil.js";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** True when `zone` is an IANA name this runtime knows (`Etc/GMT+2` included). */
export function isValidZone(zone: string): boolean {
  if (typeof zone !== "string" || zone.length === 0) return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

// Offsets only change on transitions; caching per (zone, quarter-hour) keeps repeated lookups cheap.
const offsetCache = new Map<string, Map<number, number>>();
const QUARTER_HOUR = 15 * MS_PER_MINUTE;

/** Offset east of UTC, in minutes, of `zone` at the instant `epochMs`. */
export function offsetAt(epochMs: number, zone: string): number {
  const aligned = epochMs % QUARTER_HOUR === 0;
  let perZone = offsetCache.get(zone);
  if (!perZone) offsetCache.set(zone, (perZone = new Map()));
  if (aligned) {
    const cached = perZone.get(epochMs);
    if (cached !== undefined) return cached;
  }
  const parts = formatterFor(zone).formatToParts(new Date(epochMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  const offset = Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / MS_PER_MINUTE);
  if (aligned) {
    if (perZone.size > 20_000) perZone.clear();
    perZone.set(epochMs, offset);
  }
  return offset;
}

function wallAsUtc(date: CivilDate, time: WallTime): number {
  return daysFromCivil(date.y, date.m, date.d) * MS_PER_DAY + ((time.h * 60 + time.mi) * 60 + time.s) * 1000;
}

/** The instant of a wall-clock time in `zone` (gap: shifted forward; overlap: the earlier instant). */
export function zonedToEpoch(date: CivilDate, time: WallTime, zone: string): number {
  const local = wallAsUtc(date, time);
  const before = offsetAt(local - MS_PER_DAY, zone);
  const after = offsetAt(local + MS_PER_DAY, zone);
  const withBefore = local - before * MS_PER_MINUTE;
  if (before === after) return withBefore;
  const withAfter = local - after * MS_PER_MINUTE;
  const beforeValid = offsetAt(withBefore, zone) === before;
  const afterValid = offsetAt(withAfter, zone) === after;
  if (beforeValid && afterValid) return Math.min(withBefore, withAfter);
  if (afterValid) return withAfter;
  // Inside a gap: reading the time with the offset in force before the shift moves it forward by the gap.
  return withBefore;
}

/** Wall-clock date and time of an instant in `zone`. */
export function epochToZoned(epochMs: number, zone: string): { date: CivilDate; time: WallTime; offset: number } {
  const offset = offsetAt(epochMs, zone);
  const local = splitLocal(epochMs + offset * MS_PER_MINUTE);
  return { date: local.date, time: local.time, offset };
}

function splitLocal(localMs: number): { date: CivilDate; time: WallTime } {
  const days = Math.floor(localMs / MS_PER_DAY);
  const rest = localMs - days * MS_PER_DAY;
  const secs = Math.floor(rest / 1000);
  return { date: civilFromDays(days), time: { h: Math.floor(secs / 3600), mi: Math.floor((secs % 3600) / 60), s: secs % 60 } };
}

const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** ISO 8601 with the offset `zone` has at that instant: `2026-11-27T21:00:00-05:00`. */
export function formatInstant(epochMs: number, zone: string): string {
  const offset = offsetAt(epochMs, zone);
  const localMs = epochMs + offset * MS_PER_MINUTE;
  const days = Math.floor(localMs / MS_PER_DAY);
  const secs = Math.floor((localMs - days * MS_PER_DAY) / 1000);
  const date = civilFromDays(days);
  const abs = Math.abs(offset);
  return `${formatDate(date)}T${two(Math.floor(secs / 3600))}:${two(Math.floor((secs % 3600) / 60))}:${two(secs % 60)}${offset < 0 ? "-" : "+"}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/**
 * Parses an ISO 8601 date-time with an offset (or `Z`) to epoch milliseconds; null when malformed.
 * Without an offset the value is read as wall-clock time in `zone`.
 */
export function parseIsoInstant(text: string, zone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h = 0, mi = 0, s = 0] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((v) => (v === undefined ? undefined : Number(v))) as number[];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, "0")) : 0;
  const date = { y, m: mo, d };
  if (civilFromDays(daysFromCivil(y, mo, d)).d !== d) return null;
  if (!m[8]) return zonedToEpoch(date, { h, mi, s }, zone) + ms;
  const offset = m[8].toUpperCase() === "Z" ? 0 : parseOffset(m[8]);
  return wallAsUtc(date, { h, mi, s }) - offset * MS_PER_MINUTE + ms;
}

function parseOffset(text: string): number {
  const digits = text.replace(":", "");
  const sign = digits.startsWith("-") ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}
