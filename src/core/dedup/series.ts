/**
 * A recurring record compiled once for occurrence tests: "does an occurrence start near this instant / on
 * this date?" answered by expanding only a window around the question, never the rule's whole life.
 */
import { type Occurrence, type RecurrenceStart, expandRRule } from "../recurrence/expand.js";
import { type RRule, parseRRule } from "../recurrence/rrule.js";
import { type CivilDate, civilFromDays, MS_PER_DAY, toDays, weekdayOf } from "../time/civil.js";
import { epochToZoned, isValidZone, parseIsoInstant, zonedToEpoch } from "../time/zone.js";
import type { DedupRecord } from "./types.js";

/** A rule ready for occurrence tests. */
export interface Series {
  rule: RRule;
  /** DTSTART as wall-clock values in `zone` (`time` null for all-day rules). */
  start: RecurrenceStart;
  zone: string;
  /** Wall-clock time of every occurrence, ms after local midnight (0 for all-day rules). */
  timeOfDay: number;
  /**
   * Bounds on occurrence starts: epoch ms for timed series, local days for all-day ones. `first` is
   * DTSTART; `last` a loose upper bound from COUNT or UNTIL (Infinity when open-ended), for cheap rejects.
   */
  first: number;
  last: number;
  /** Weekdays (0 = Sunday) an occurrence can fall on, DTSTART's included (DTSTART always occurs). */
  weekdays: readonly number[];
  excludedInstants: ReadonlySet<number>;
  /** Local days (days since 1970-01-01) excluded whole. */
  excludedDays: ReadonlySet<number>;
}

/** Most occurrences one `occurrencesBetween` call yields; a longer window is cut (see DedupIndex). */
export const MAX_WINDOW_OCCURRENCES = 5_000;
const MIDNIGHT = { h: 0, mi: 0, s: 0 };
const ALL_WEEKDAYS: readonly number[] = [0, 1, 2, 3, 4, 5, 6];

/** The series of a record, or null when it has no rule, an unreadable rule or an unknown zone. */
export function compileSeries(record: DedupRecord): Series | null {
  if (record.recurrence === null || !Number.isFinite(record.startEpoch) || !isValidZone(record.timezone)) return null;
  const rule = parseRRule(record.recurrence);
  if (rule === null) return null;
  const zone = record.timezone;
  // All-day starts are UTC midnights of their date; timed ones are read as wall-clock time in the zone.
  const local = record.allDay ? null : epochToZoned(record.startEpoch, zone);
  const start: RecurrenceStart = local ? { date: local.date, time: local.time } : { date: dayDate(record.startEpoch), time: null };
  const timeOfDay = local ? ((local.time.h * 60 + local.time.mi) * 60 + local.time.s) * 1000 : 0;
  const excludedInstants = new Set<number>();
  const excludedDays = new Set<number>();
  for (const text of record.exdates ?? []) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(text.trim())) {
      const [y, m, d] = text.trim().split("-").map(Number);
      excludedDays.add(toDays({ y, m, d }));
      continue;
    }
    const instant = parseIsoInstant(text, zone);
    if (instant === null) continue;
    if (record.allDay) excludedDays.add(toDays(epochToZoned(instant, zone).date));
    else excludedInstants.add(instant);
  }
  const first = record.allDay ? toDays(start.date) : record.startEpoch;
  const last = lastBound(rule, start, zone, record.allDay);
  return { rule, start, zone, timeOfDay, first, last, weekdays: weekdaysOf(rule, start.date), excludedInstants, excludedDays };
}

/** False when no occurrence of a timed series can start within `toleranceMs` of `epoch` (bounds only). */
export function mayOccurNear(series: Series, epoch: number, toleranceMs: number): boolean {
  return epoch >= series.first - toleranceMs && epoch <= series.last + toleranceMs;
}

/** False when no occurrence of an all-day series can fall on `day` (bounds only). */
export function mayOccurOn(series: Series, day: number): boolean {
  return day >= series.first && day <= series.last;
}

/** True when a timed series has an occurrence, not excluded, starting within `toleranceMs` of `epoch`. */
export function occursNear(series: Series, epoch: number, toleranceMs: number): boolean {
  for (const o of expandRRule(series.rule, series.start, { zone: series.zone, from: epoch - toleranceMs, to: epoch + toleranceMs + 1 })) {
    if (!isExcluded(series, o)) return true;
  }
  return false;
}

/** True when an all-day series has an occurrence, not excluded, on local day `day` (days since 1970-01-01). */
export function occursOn(series: Series, day: number): boolean {
  const date = civilFromDays(day);
  const from = zonedToEpoch(date, MIDNIGHT, series.zone);
  // All-day occurrences are placed at local midnight, so this window holds at most the one on `date`.
  for (const o of expandRRule(series.rule, series.start, { zone: series.zone, from, to: from + 1 })) {
    if (!isExcluded(series, o)) return true;
  }
  return false;
}

/**
 * The occurrences, not excluded, whose start lies in `[from, to]`: instants for timed series, local days
 * for all-day ones (then `from`/`to` are days too). At most MAX_WINDOW_OCCURRENCES.
 */
export function* occurrencesBetween(series: Series, from: number, to: number): Generator<number, void, undefined> {
  const allDay = series.start.time === null;
  const window = allDay
    ? { from: zonedToEpoch(civilFromDays(from), MIDNIGHT, series.zone), to: zonedToEpoch(civilFromDays(to + 1), MIDNIGHT, series.zone) }
    : { from, to: to + 1 };
  for (const o of expandRRule(series.rule, series.start, { zone: series.zone, ...window, limit: MAX_WINDOW_OCCURRENCES })) {
    if (!isExcluded(series, o)) yield allDay ? toDays(o.date) : (o.instant as number);
  }
}

/** The local day of a UTC-midnight epoch (days since 1970-01-01). */
export function dayOf(epoch: number): number {
  return Math.floor(epoch / MS_PER_DAY);
}

function dayDate(epoch: number): CivilDate {
  return civilFromDays(dayOf(epoch));
}

/**
 * The last occurrence for a COUNT (expanded when at most MAX_WINDOW_OCCURRENCES), a bound past any
 * occurrence for an UNTIL (its date plus two days covers every zone and UNTIL form), else Infinity.
 */
function lastBound(rule: RRule, start: RecurrenceStart, zone: string, allDay: boolean): number {
  if (rule.until !== null) {
    const day = toDays(rule.until.date);
    return allDay ? day + 1 : (day + 2) * MS_PER_DAY;
  }
  if (rule.count === null || rule.count > MAX_WINDOW_OCCURRENCES) return Number.POSITIVE_INFINITY;
  let last: Occurrence | null = null;
  for (const o of expandRRule(rule, start, { zone, limit: rule.count })) last = o;
  if (last === null) return Number.NEGATIVE_INFINITY;
  return allDay ? toDays(last.date) : (last.instant as number);
}

function isExcluded(series: Series, o: Occurrence): boolean {
  return (o.instant !== null && series.excludedInstants.has(o.instant)) || series.excludedDays.has(toDays(o.date));
}

/** BYDAY's weekdays, or DTSTART's for a plain WEEKLY rule; any day when neither limits it. */
function weekdaysOf(rule: RRule, start: CivilDate): readonly number[] {
  const own = weekdayOf(start);
  if (rule.byDay.length > 0) return [...new Set([own, ...rule.byDay.map((b) => b.weekday)])].sort();
  return rule.freq === "WEEKLY" ? [own] : ALL_WEEKDAYS;
}
