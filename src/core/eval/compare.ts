/** Field comparisons of the golden scoring rules: normalised text, instants or dates, and recurrences by their occurrences. */
import { type RecurrenceStart, expandRRule } from "../recurrence/expand.js";
import { parseRRule } from "../recurrence/rrule.js";
import { type CivilDate, formatDate, formatTime, isValidDate } from "../time/civil.js";
import { epochToZoned, isValidZone, parseIsoInstant } from "../time/zone.js";

/** How many occurrences two recurrences must share to count as the same rule. */
export const RECURRENCE_OCCURRENCES_COMPARED = 40;

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Lower-cases, applies Unicode NFKD and turns every run of characters that are not letters or digits into one space. */
export function normalizeText(text: string): string {
  return text.toLowerCase().normalize("NFKD").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** Title/location rule: equal after normalisation, or equal to one of `alternatives`; an expected null wants null or empty. */
export function textMatches(expected: string | null, alternatives: readonly string[] | undefined, got: string | null | undefined): boolean {
  const normalizedGot = normalizeText(got ?? "");
  if (expected === null) return normalizedGot === "";
  return [expected, ...(alternatives ?? [])].some((candidate) => normalizeText(candidate) === normalizedGot);
}

/** The civil date of a plain `YYYY-MM-DD` value, or null when `text` is not one. */
export function parsePlainDate(text: string): CivilDate | null {
  const m = PLAIN_DATE.exec(text.trim());
  if (!m) return null;
  const date = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidDate(date.y, date.m, date.d) ? date : null;
}

/**
 * Start/end rule: an expected null wants null; an all-day (plain date) value wants the same plain date;
 * a date-time wants a date-time at the same instant (values without an offset are read in `zone`).
 */
export function timeMatches(expected: string | null, got: string | null | undefined, zone: string): boolean {
  if (expected === null) return got === null || got === undefined;
  if (got === null || got === undefined) return false;
  const expectedDate = parsePlainDate(expected);
  if (expectedDate !== null) {
    const gotDate = parsePlainDate(got);
    return gotDate !== null && formatDate(gotDate) === formatDate(expectedDate);
  }
  if (parsePlainDate(got) !== null) return false;
  const a = parseIsoInstant(expected, zone);
  return a !== null && a === parseIsoInstant(got, zone);
}

/** One side of a recurrence comparison: the rule text, the event's start and the zone it repeats in. */
export interface RecurrenceSide {
  rule: string | null;
  start: string | null;
  zone: string;
}

/**
 * Recurrence rule: both null are equal, one null is not; otherwise each rule is expanded from its own
 * start in its own zone and the first 40 wall-clock occurrences must be the same. An unreadable rule or
 * start never matches.
 */
export function recurrenceMatches(expected: RecurrenceSide, got: RecurrenceSide): boolean {
  if (expected.rule === null || got.rule === null) return expected.rule === got.rule;
  const a = wallClockOccurrences(expected);
  const b = wallClockOccurrences(got);
  return a !== null && b !== null && a.length === b.length && a.every((value, i) => value === b[i]);
}

/** The first 40 occurrences as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS` wall-clock strings; null when unreadable. */
export function wallClockOccurrences(side: RecurrenceSide): string[] | null {
  if (!isValidZone(side.zone)) return null;
  const rule = side.rule === null ? null : parseRRule(side.rule);
  const start = side.start === null ? null : wallClockStart(side.start, side.zone);
  if (rule === null || start === null) return null;
  const out: string[] = [];
  for (const o of expandRRule(rule, start, { zone: side.zone, limit: RECURRENCE_OCCURRENCES_COMPARED })) {
    out.push(o.time === null ? formatDate(o.date) : `${formatDate(o.date)}T${formatTime(o.time)}`);
  }
  return out;
}

/** A start value as wall-clock values in `zone`: plain dates are all-day, date-times are converted to the zone. */
export function wallClockStart(start: string, zone: string): RecurrenceStart | null {
  const date = parsePlainDate(start);
  if (date !== null) return { date, time: null };
  const instant = parseIsoInstant(start, zone);
  if (instant === null) return null;
  const local = epochToZoned(instant, zone);
  return { date: local.date, time: local.time };
}
