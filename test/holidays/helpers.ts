/** Shared shorthand for the holiday tests: a holiday's occurrence as ISO strings. */
import { type HolidayKey, holidayInYear } from "../../src/core/holidays/holidays.js";
import type { HolidaySpan } from "../../src/core/holidays/span.js";
import { formatDate } from "../../src/core/time/civil.js";

/** `"YYYY-MM-DD"` for a one-day occurrence, `["start", "exclusive end"]` for a span, null when none. */
export function show(span: HolidaySpan | null): string | [string, string] | null {
  if (!span) return null;
  return span.end ? [formatDate(span.start), formatDate(span.end)] : formatDate(span.start);
}

/** `show` of `holidayInYear(key, year)`. */
export function on(key: HolidayKey, year: number): string | [string, string] | null {
  return show(holidayInYear(key, year));
}
