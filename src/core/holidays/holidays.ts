/** Holidays by key: the single entry point the parser asks "when is <holiday> in <year>?". */
import { type CivilDate, addDays, compareDates } from "../time/civil.js";
import { christianRules } from "./rules/christian.js";
import { civicRules } from "./rules/civic.js";
import { hinduRules } from "./rules/hindu.js";
import { islamicRules } from "./rules/islamic.js";
import { jewishRules } from "./rules/jewish.js";
import { regionalRules } from "./rules/regional.js";
import type { HolidayRule, HolidaySpan } from "./span.js";

export type { HolidaySpan } from "./span.js";

// One line per family; a new holiday is one entry in its family's table.
const RULES = {
  ...civicRules,
  ...christianRules,
  ...jewishRules,
  ...islamicRules,
  ...regionalRules,
  ...hinduRules,
} satisfies Record<string, HolidayRule>;

/** Every holiday this module can date, e.g. "easter", "rosh-hashanah", "eid-al-fitr". */
export type HolidayKey = keyof typeof RULES;

/**
 * One locale's names for a holiday: lower case, ASCII apostrophes, each spelling listed (the matcher
 * folds case and curly quotes, nothing else).
 */
export interface HolidayNames {
  key: HolidayKey;
  names: readonly string[];
}

/** All holiday keys, in table order. */
export const HOLIDAY_KEYS: readonly HolidayKey[] = Object.keys(RULES) as HolidayKey[];

/** True when `key` names a holiday (for keys that arrive as plain strings). */
export function isHolidayKey(key: string): key is HolidayKey {
  return Object.hasOwn(RULES, key);
}

/**
 * The occurrence of `key` that belongs to Gregorian `year` (the first one when a lunar holiday falls
 * twice that year), or null when it does not occur. Jewish holidays start on their eve and belong to the
 * year of their first full day.
 */
export function holidayInYear(key: HolidayKey, year: number): HolidaySpan | null {
  return RULES[key](year)[0] ?? null;
}

/** Every occurrence of `key` that belongs to Gregorian `year`, in date order. */
export function holidaysInYear(key: HolidayKey, year: number): HolidaySpan[] {
  return RULES[key](year);
}

/**
 * The first occurrence of `key` that is not over by `onOrAfter`: a one-day holiday on or after that
 * day, or a multi-day one whose exclusive end is after it (so "Ramadan" asked mid-Ramadan is the
 * current one). Null only when none occurs within the next two years.
 */
export function nextHoliday(key: HolidayKey, onOrAfter: CivilDate): HolidaySpan | null {
  // Starting a year early catches an occurrence that began last year and is still running.
  for (let year = onOrAfter.y - 1; year <= onOrAfter.y + 2; year++) {
    for (const span of RULES[key](year)) {
      const lastDay = span.end ? addDays(span.end, -1) : span.start;
      if (compareDates(lastDay, onOrAfter) >= 0) return span;
    }
  }
  return null;
}
