/**
 * Gregorian dates of days in the Hebrew, Islamic (Umm al-Qura) and Chinese calendars, read from ICU
 * through `Intl.DateTimeFormat`. Per (calendar, Gregorian year) it finds the month starts by skipping
 * 29–30 days at a time (about 20 `formatToParts` calls, ~0.1 ms) and caches them; a lookup is then a
 * scan of ~14 months.
 */
import { type CivilDate, civilFromDays, daysFromCivil, MS_PER_DAY } from "../time/civil.js";

/** The calendars looked up through Intl. */
export type LunarCalendar = "hebrew" | "islamic-umalqura" | "chinese";

/**
 * Hebrew months by the names ICU prints in English. In a leap year ICU says "Adar I" and "Adar II";
 * "Adar" here is the Adar that holds Purim (plain Adar, or Adar II in a leap year).
 */
export type HebrewMonth =
  | "Tishri" | "Heshvan" | "Kislev" | "Tevet" | "Shevat" | "Adar I" | "Adar"
  | "Nisan" | "Iyar" | "Sivan" | "Tamuz" | "Av" | "Elul";

/** One month of a lunar calendar, placed on the Gregorian day count. */
export interface LunarMonth {
  /** Days since 1970-01-01 of the month's first day. */
  startDay: number;
  /** 29 or 30. */
  length: number;
  /**
   * The month as matched by `lunarDatesInYear`: "1"–"12" for Islamic, "1"–"12" with "bis" for a Chinese
   * leap month ("2bis"), a `HebrewMonth` for Hebrew.
   */
  month: string;
}

// ICU's English names, with the common transliterations in case another ICU version spells them so.
const HEBREW_NAMES: Record<string, HebrewMonth> = {
  tishri: "Tishri", tishrei: "Tishri",
  heshvan: "Heshvan", cheshvan: "Heshvan", marcheshvan: "Heshvan",
  kislev: "Kislev",
  tevet: "Tevet", teveth: "Tevet",
  shevat: "Shevat", shvat: "Shevat",
  "adar i": "Adar I",
  adar: "Adar", "adar ii": "Adar",
  nisan: "Nisan", nissan: "Nisan",
  iyar: "Iyar", iyyar: "Iyar",
  sivan: "Sivan",
  tamuz: "Tamuz", tammuz: "Tamuz",
  av: "Av", ab: "Av",
  elul: "Elul",
};

const formatters = new Map<LunarCalendar, Intl.DateTimeFormat | null>();
const monthCache = new Map<string, readonly LunarMonth[]>();
// Bounds the memo; a parser touches a handful of years, tests a few hundred.
const MAX_CACHED_YEARS = 512;
// Days a month can have in all three calendars.
const MIN_MONTH = 29;
const MAX_MONTH = 30;

/**
 * Every date in Gregorian `year` that is day `day` of `month` in `calendar`, in date order (an Islamic
 * date can fall twice in one Gregorian year). Empty when the runtime's ICU lacks the calendar.
 */
export function lunarDatesInYear(calendar: LunarCalendar, month: string, day: number, year: number): CivilDate[] {
  const first = daysFromCivil(year, 1, 1);
  const last = daysFromCivil(year, 12, 31);
  const dates: CivilDate[] = [];
  for (const m of lunarMonthsOfYear(calendar, year)) {
    if (m.month !== month || day < 1 || day > m.length) continue;
    const days = m.startDay + day - 1;
    if (days >= first && days <= last) dates.push(civilFromDays(days));
  }
  return dates;
}

/** The months `month` of `calendar` whose first day falls in Gregorian `year`, in date order. */
export function lunarMonthsStartingIn(calendar: LunarCalendar, month: string, year: number): LunarMonth[] {
  const first = daysFromCivil(year, 1, 1);
  const last = daysFromCivil(year, 12, 31);
  return lunarMonthsOfYear(calendar, year).filter((m) => m.month === month && m.startDay >= first && m.startDay <= last);
}

/** The months of `calendar` that overlap Gregorian `year`, oldest first; empty when ICU lacks it. */
export function lunarMonthsOfYear(calendar: LunarCalendar, year: number): readonly LunarMonth[] {
  const key = `${calendar}:${year}`;
  let months = monthCache.get(key);
  if (!months) {
    months = buildMonths(calendar, year);
    if (monthCache.size >= MAX_CACHED_YEARS) monthCache.delete(monthCache.keys().next().value as string);
    monthCache.set(key, months);
  }
  return months;
}

function buildMonths(calendar: LunarCalendar, year: number): LunarMonth[] {
  const format = formatterFor(calendar);
  if (!format) return [];
  const first = daysFromCivil(year, 1, 1);
  const last = daysFromCivil(year, 12, 31);
  const opening = read(format, calendar, first);
  if (!opening) return [];
  const months: LunarMonth[] = [];
  let start = first - (opening.day - 1);
  let label = opening.month;
  while (start <= last) {
    const next = nextMonthStart(format, calendar, start);
    if (!next) return months;
    months.push({ startDay: start, length: next.startDay - start, month: label });
    start = next.startDay;
    label = next.month;
  }
  return months;
}

// Day 29 after a month's first day is either the next month's first day or the 30th of this month.
function nextMonthStart(format: Intl.DateTimeFormat, calendar: LunarCalendar, start: number): { startDay: number; month: string } | null {
  for (let length = MIN_MONTH; length <= MAX_MONTH; length++) {
    const date = read(format, calendar, start + length);
    if (date?.day === 1) return { startDay: start + length, month: date.month };
  }
  return null;
}

function read(format: Intl.DateTimeFormat, calendar: LunarCalendar, days: number): { month: string; day: number } | null {
  // Noon UTC keeps the instant well inside the civil day whatever the calendar does with zones.
  const parts = format.formatToParts(days * MS_PER_DAY + MS_PER_DAY / 2);
  const rawMonth = parts.find((p) => p.type === "month")?.value;
  const day = Number(parts.find((p) => p.type === "day")?.value);
  if (rawMonth === undefined || !Number.isInteger(day)) return null;
  const month = calendar === "hebrew" ? HEBREW_NAMES[rawMonth.toLowerCase()] : rawMonth;
  return month === undefined ? null : { month, day };
}

function formatterFor(calendar: LunarCalendar): Intl.DateTimeFormat | null {
  if (formatters.has(calendar)) return formatters.get(calendar) ?? null;
  const format = new Intl.DateTimeFormat(`en-u-ca-${calendar}`, {
    timeZone: "UTC",
    year: "numeric",
    month: "numeric",
    day: "numeric",
  });
  // A small-ICU runtime silently falls back to the Gregorian calendar: treat that as "unknown".
  const usable = format.resolvedOptions().calendar === calendar ? format : null;
  formatters.set(calendar, usable);
  return usable;
}
