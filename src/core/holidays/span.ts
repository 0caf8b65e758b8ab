/** What a holiday resolves to (a day or a span of days) and the small builders the rule tables use. */
import { type CivilDate, type WallTime, addDays, nthWeekdayOfMonth } from "../time/civil.js";

/**
 * One occurrence of a holiday. `end` is null for a one-day holiday and the exclusive end day for a
 * multi-day one (`{ start: 2018-12-02, end: 2018-12-10 }` covers Dec 2–9).
 */
export interface HolidaySpan {
  start: CivilDate;
  end: CivilDate | null;
  /** Wall-clock window on `start`, only for holidays that are an hour rather than a day (Earth Hour). */
  time?: { start: WallTime; end: WallTime };
}

/**
 * Every occurrence that belongs to Gregorian year `year`, in date order; usually one, none when the
 * holiday does not happen that year, two when a lunar date falls twice in one Gregorian year.
 */
export type HolidayRule = (year: number) => HolidaySpan[];

/** Day-of-week numbers as `weekdayOf` returns them. */
export const SUN = 0;
export const MON = 1;
export const TUE = 2;
export const WED = 3;
export const THU = 4;
export const FRI = 5;
export const SAT = 6;

/** A one-day occurrence. */
export function onDay(date: CivilDate): HolidaySpan {
  return { start: date, end: null };
}

/** A multi-day occurrence from `start` up to, not including, `endExclusive`. */
export function daysFrom(start: CivilDate, endExclusive: CivilDate): HolidaySpan {
  return { start, end: endExclusive };
}

/** The same month and day every year. */
export function fixedDay(m: number, d: number): HolidayRule {
  return (y) => [onDay({ y, m, d })];
}

/** The `n`th (negative: from the end) `weekday` of month `m`. */
export function nthWeekday(m: number, weekday: number, n: number): HolidayRule {
  return (y) => {
    const date = nthWeekdayOfMonth(y, m, weekday, n);
    return date ? [onDay(date)] : [];
  };
}

/** A one-day holiday `days` after (negative: before) the start of each occurrence of `anchor`. */
export function daysAfter(anchor: HolidayRule, days: number): HolidayRule {
  return (y) => anchor(y).map((span) => onDay(addDays(span.start, days)));
}

/** A span from `fromDays` up to, not including, `toDays` days after the start of each `anchor`. */
export function spanAround(anchor: HolidayRule, fromDays: number, toDays: number): HolidayRule {
  return (y) => anchor(y).map((span) => daysFrom(addDays(span.start, fromDays), addDays(span.start, toDays)));
}
