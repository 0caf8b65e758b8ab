/** Holidays of single countries or traditions that each need their own small rule. */
import { addDays, civilFromDays, daysFromCivil, nthWeekdayOfMonth, weekdayOf } from "../../time/civil.js";
import { westernEaster } from "../easter.js";
import { lunarDatesInYear } from "../lunar.js";
import { type HolidayRule, type HolidaySpan, fixedDay, onDay, SAT, SUN } from "../span.js";

/**
 * A Shahenshahi (Parsi) New Year's Day: that calendar has 365 days a year and no leap day, so the new
 * year moves one Gregorian day earlier every four years. Anchored on 2020-08-16.
 */
const PARSI_EPOCH = daysFromCivil(2020, 8, 16);
const PARSI_YEAR_DAYS = 365;

/** Regional holiday rules by key. */
export const regionalRules = {
  /** 1st day of the 1st month of the Chinese calendar. */
  "chinese-new-year": (y) => lunarDatesInYear("chinese", "1", 1, y).map(onDay),
  /** Koningsdag: April 27, or April 26 when the 27th is a Sunday. */
  "kings-day": (y) => {
    const date = { y, m: 4, d: 27 };
    return [onDay(weekdayOf(date) === SUN ? addDays(date, -1) : date)];
  },
  /**
   * Earth Hour, 20:30–21:30 local time on the last Saturday of March, or the Saturday before when that
   * is Holy Saturday (2016: 03-19, 2024: 03-23).
   */
  "earth-hour": (y) => {
    const last = nthWeekdayOfMonth(y, 3, SAT, -1);
    if (!last) return [];
    const holySaturday = addDays(westernEaster(y), -1);
    const sameDay = holySaturday.m === last.m && holySaturday.d === last.d;
    return [{ ...onDay(sameDay ? addDays(last, -7) : last), time: { start: { h: 20, mi: 30, s: 0 }, end: { h: 21, mi: 30, s: 0 } } }];
  },
  /** Parsi New Year / Jamshedi Navroz (Shahenshahi reckoning, as observed in India). */
  "parsi-new-year": (y) => {
    const first = daysFromCivil(y, 1, 1);
    const last = daysFromCivil(y, 12, 31);
    const k = Math.ceil((first - PARSI_EPOCH) / PARSI_YEAR_DAYS);
    const dates: HolidaySpan[] = [];
    for (let day = PARSI_EPOCH + k * PARSI_YEAR_DAYS; day <= last; day += PARSI_YEAR_DAYS) dates.push(onDay(civilFromDays(day)));
    return dates;
  },
  /** Tag der Deutschen Einheit, October 3. */
  "german-unity-day": fixedDay(10, 3),
} satisfies Record<string, HolidayRule>;
