/** Reading rules shared by extractors and the assembler: forward-looking dates and the bare-hour rule. */
import { addDays, addMonths, type CivilDate, compareDates, daysInMonth, isValidDate, startOfWeek, weekdayOf } from "../time/civil.js";
import type { TimeSpec } from "./types.js";

/** The next `month`/`day` on or after `today` (this year's, or next year's once passed); null if never valid. */
export function nextMonthDay(today: CivilDate, month: number, day: number): CivilDate | null {
  for (let y = today.y; y <= today.y + 8; y++) {
    if (!isValidDate(y, month, day)) continue;
    const date = { y, m: month, d: day };
    if (compareDates(date, today) >= 0) return date;
  }
  return null;
}

/** The next day-of-month `day` on or after `today`, skipping months too short for it. */
export function nextDayOfMonth(today: CivilDate, day: number): CivilDate | null {
  for (let i = 0; i < 14; i++) {
    const first = addMonths({ y: today.y, m: today.m, d: 1 }, i);
    if (day > daysInMonth(first.y, first.m)) continue;
    const date = { y: first.y, m: first.m, d: day };
    if (compareDates(date, today) >= 0) return date;
  }
  return null;
}

/** The next `weekday` strictly after today (a bare weekday: "Monday" said on a Monday is next Monday). */
export function nextWeekday(today: CivilDate, weekday: number): CivilDate {
  const delta = (weekday - weekdayOf(today) + 7) % 7;
  return addDays(today, delta === 0 ? 7 : delta);
}

/** The `weekday` of the week `weeksAhead` weeks from the current one (weeks start on Monday). */
export function weekdayOfWeek(today: CivilDate, weekday: number, weeksAhead: number): CivilDate {
  return addDays(startOfWeek(today), weeksAhead * 7 + ((weekday + 6) % 7));
}

/** A date with a weekday written beside it: when they disagree, the nearest later year where they agree. */
export function alignWeekday(date: CivilDate, weekday: number | undefined, yearGiven: boolean): CivilDate {
  if (weekday === undefined || yearGiven || weekdayOf(date) === weekday) return date;
  for (let k = 1; k <= 11; k++) {
    const candidate = { y: date.y + k, m: date.m, d: date.d };
    if (isValidDate(candidate.y, candidate.m, candidate.d) && weekdayOf(candidate) === weekday) return candidate;
  }
  return date;
}

/** Two-digit years are read in the 2000s up to 20 years ahead, else in the 1900s. */
export function fullYear(text: string, today: CivilDate): number {
  const n = Number(text.replace(/^'/, ""));
  if (text.replace(/^'/, "").length > 2) return n;
  return 2000 + n <= today.y + 20 ? 2000 + n : 1900 + n;
}

export interface ResolvedTime {
  /** Minutes after the start of the day; 1440 is the midnight that ends it. */
  minutes: number;
  /** True when the meridiem was guessed by the bare-hour rule. */
  guessed: boolean;
}

/**
 * The bare-hour rule: without am/pm, 1–6 is afternoon; 7–11 is morning unless the text speaks of the
 * evening (then pm); 12 is noon. Written meridiems and 24-hour clocks are taken as they are.
 */
export function resolveTime(spec: TimeSpec, evening: boolean): ResolvedTime {
  if (spec.midnight) return { minutes: 1440 + spec.minute, guessed: false };
  const base = spec.minute + spec.second / 60;
  if (spec.is24h) return { minutes: spec.hour * 60 + base, guessed: false };
  if (spec.meridiem) {
    const h = spec.hour % 12 + (spec.meridiem === "pm" ? 12 : 0);
    return { minutes: h * 60 + base, guessed: false };
  }
  const h = spec.hour;
  if (h === 12 || h === 0) return { minutes: h * 60 + base, guessed: true };
  if (h >= 1 && h <= 6) return { minutes: (h + 12) * 60 + base, guessed: true };
  return { minutes: (evening ? h + 12 : h) * 60 + base, guessed: true };
}

function withMeridiem(spec: TimeSpec, meridiem: "am" | "pm"): number {
  return ((spec.hour % 12) + (meridiem === "pm" ? 12 : 0)) * 60 + spec.minute;
}

const free = (s: TimeSpec): boolean => !s.meridiem && !s.is24h && !s.midnight && s.hour >= 1 && s.hour <= 12;

/**
 * The range rule: a bare start takes the end's meridiem, and a bare end the start's, when that keeps the
 * range forward and under 12 hours; otherwise each end follows the bare-hour rule.
 */
export function resolveRange(start: TimeSpec, end: TimeSpec, evening: boolean): { start: ResolvedTime; end: ResolvedTime } {
  let s = resolveTime(start, evening);
  let e = resolveTime(end, evening);
  if (free(start) && !free(end) && end.meridiem) {
    const candidate = withMeridiem(start, end.meridiem);
    if (candidate < e.minutes && e.minutes - candidate < 720) s = { minutes: candidate, guessed: false };
  } else if (free(start) && !free(end) && (end.is24h || end.midnight)) {
    for (const m of ["am", "pm"] as const) {
      const candidate = withMeridiem(start, m);
      if (candidate < e.minutes && e.minutes - candidate < 720) s = { minutes: candidate, guessed: true };
    }
  }
  if (free(end)) {
    const startMeridiem = s.minutes >= 720 && s.minutes < 1440 ? "pm" : "am";
    const candidate = withMeridiem(end, startMeridiem);
    if (candidate > s.minutes && candidate - s.minutes < 720) e = { minutes: candidate, guessed: s.guessed };
  }
  return { start: s, end: e };
}

/** Date arithmetic re-exported for extractors that only need these. */
export { addDays, addMonths, weekdayOf };
