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

/** The zone last found valid: every parse checks its zone, mostly the one checked before. */
let lastValidZone = "";

/** True when `zone` is an IANA name this runtime knows (`Etc/GMT+2` included). */
export function isValidZone(zone: string): boolean {
  if (zone === lastValidZone && zone.length > 0) return true;
  if (typeof zone !== "string" || zone.length === 0) return false;
  try {
    formatterFor(zone);
    lastValidZone = zone;
    return true;
  } catch {
    return false;
  }
}

const MS_PER_HOUR = 60 * MS_PER_MINUTE;

/** The offset of `zone` at `epochMs` read from Intl (slow: one `formatToParts` per call). */
function readOffset(epochMs: number, zone: string): number {
  const parts = formatterFor(zone).formatToParts(new Date(epochMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / MS_PER_MINUTE);
}

// Offsets only change on transitions, and no zone has two transitions within one hour: when the offset is
// the same at the first and the last second of a UTC hour, it holds for the whole hour, and that hour's
// offset is cached (one small-integer key per zone and hour). An hour holding a transition is marked NaN
// and read exactly every time. `formatToParts` dominates the cost of a parse without this.
/** A zone's cached hours: all of them in a map, and the last few in a small table read before the map. */
interface ZoneHours {
  all: Map<number, number>;
  /** Slot `hour & 63` holds that hour (NaN when empty) and its offset. */
  recentHours: Float64Array;
  recentOffsets: Float64Array;
}

const offsetCache = new Map<string, ZoneHours>();

// The zone asked last and its hours: a parse asks about one zone a dozen times, and comparing the name with
// the last one (the same string, mostly) skips hashing it for the outer map.
let lastZone = "";
let lastHours: ZoneHours = zoneHours();

function zoneHours(): ZoneHours {
  return { all: new Map(), recentHours: new Float64Array(64).fill(Number.NaN), recentOffsets: new Float64Array(64) };
}

/** Offset east of UTC, in minutes, of `zone` at the instant `epochMs`. */
export function offsetAt(epochMs: number, zone: string): number {
  let hours: ZoneHours | undefined;
  if (zone === lastZone) hours = lastHours;
  else {
    hours = offsetCache.get(zone);
    if (!hours) offsetCache.set(zone, (hours = zoneHours()));
    lastZone = zone;
    lastHours = hours;
  }
  const hour = Math.floor(epochMs / MS_PER_HOUR);
  const slot = hour & 63;
  let offset: number | undefined;
  if (hours.recentHours[slot] === hour) offset = hours.recentOffsets[slot];
  else {
    offset = hours.all.get(hour);
    if (offset === undefined) {
      const first = readOffset(hour * MS_PER_HOUR, zone);
      offset = first === readOffset((hour + 1) * MS_PER_HOUR - 1000, zone) ? first : Number.NaN;
      if (hours.all.size > 20_000) hours.all.clear();
      hours.all.set(hour, offset);
    }
    hours.recentHours[slot] = hour;
    hours.recentOffsets[slot] = offset;
  }
  return Number.isNaN(offset) ? readOffset(epochMs, zone) : offset;
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

/** Two ASCII digits at `i` as a number, or -1. */
function digits2(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The usual shape `YYYY-MM-DDTHH:MM:SS[.mmm](Z|±HH:MM)` read by position, as the pattern below would read it;
 * undefined for any other shape. Every parse reads its reference instant, and the pattern costs more than
 * the rest of the setup together.
 */
function readUsualIso(text: string): number | null | undefined {
  const n = text.length;
  const millis = n === 24 || n === 29;
  if (n !== 20 && n !== 25 && !millis) return undefined;
  if (text[4] !== "-" || text[7] !== "-" || text[10] !== "T" || text[13] !== ":" || text[16] !== ":") return undefined;
  if (millis && text[19] !== ".") return undefined;
  const hi = digits2(text, 0);
  const lo = digits2(text, 2);
  const mo = digits2(text, 5);
  const d = digits2(text, 8);
  const h = digits2(text, 11);
  const mi = digits2(text, 14);
  const s = digits2(text, 17);
  const msHi = millis ? digits2(text, 20) : 0;
  const msLo = millis ? text.charCodeAt(22) - 48 : 0;
  if (hi < 0 || lo < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0 || msHi < 0 || msLo < 0 || msLo > 9) return undefined;
  const zoneAt = millis ? 23 : 19;
  let offset = 0;
  if (n - zoneAt === 1) {
    if (text[zoneAt] !== "Z") return undefined;
  } else {
    const sign = text[zoneAt] === "-" ? -1 : text[zoneAt] === "+" ? 1 : 0;
    const oh = digits2(text, zoneAt + 1);
    const om = digits2(text, zoneAt + 4);
    if (sign === 0 || text[zoneAt + 3] !== ":" || oh < 0 || om < 0) return undefined;
    offset = sign * (oh * 60 + om);
  }
  const y = hi * 100 + lo;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  if (civilFromDays(daysFromCivil(y, mo, d)).d !== d) return null;
  return wallAsUtc({ y, m: mo, d }, { h, mi, s }) - offset * MS_PER_MINUTE + msHi * 10 + msLo;
}

/**
 * Parses an ISO 8601 date-time with an offset (or `Z`) to epoch milliseconds; null when malformed.
 * Without an offset the value is read as wall-clock time in `zone`.
 */
export function parseIsoInstant(text: string, zone: string): number | null {
  const usual = readUsualIso(text);
  if (usual !== undefined) return usual;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = m[4] === undefined ? 0 : Number(m[4]);
  const mi = m[5] === undefined ? 0 : Number(m[5]);
  const s = m[6] === undefined ? 0 : Number(m[6]);
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
