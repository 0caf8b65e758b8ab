/**
 * Indian solar months: a month begins when the Sun enters a sidereal (Lahiri) sign, a sankranti, and
 * each regional calendar has its own rule for which civil day is the first of the month when the
 * ingress falls late in the day. Reckoned at New Delhi on IST, like the lunar calendar.
 */
import { daysFromCivil } from "../time/civil.js";
import { NEW_DELHI, sunrise, sunset } from "./astro/sunrise.js";
import { JD_UNIX_EPOCH } from "./astro/time.js";
import { civilDayAtPlace } from "./observance.js";
import { sankranti } from "./panchang.js";

/** Sidereal signs by number, as sankrantis are named. */
export const MESHA = 0;
export const SIMHA = 4;
export const KANYA = 5;
export const MAKARA = 9;

/**
 * When a month begins, given the moment of its sankranti:
 * - `civil` (Punjabi, Odia): the civil day, midnight to midnight, of the sankranti;
 * - `sunset` (Tamil; also the festival day of Makar Sankranti): the day of the sankranti when it falls
 *   before sunset, otherwise the next day;
 * - `afternoon` (Malayalam): the day of the sankranti, reckoned sunrise to sunrise, when it falls in
 *   the first three fifths of the daytime, otherwise the next day;
 * - `midnight` (Bengali): the day after the sankranti when it falls before midnight, two days after
 *   when it falls after midnight (before that night's sunrise): so always the civil day after it.
 */
export type SolarMonthRule = "civil" | "sunset" | "afternoon" | "midnight";

// Makara sankranti falls around January 14 these centuries; each later sign ~30.44 days on.
const DAYS_PER_SIGN = 365.2422 / 12;

/** Julian day (UT) of the Sun's ingress into `sign` (0–11) in Gregorian `year`. */
export function sankrantiInYear(sign: number, year: number): number {
  const guess = JD_UNIX_EPOCH + daysFromCivil(year, 1, 14) + (((sign - MAKARA + 12) % 12) * DAYS_PER_SIGN);
  return sankranti(sign, guess);
}

/** The civil day (days since 1970-01-01) the month of `sign` begins on in Gregorian `year`, by `rule`. */
export function solarMonthStart(sign: number, year: number, rule: SolarMonthRule): number {
  const moment = sankrantiInYear(sign, year);
  const day = civilDayAtPlace(moment);
  switch (rule) {
    case "civil":
      return day;
    case "sunset":
      return moment < sunset(day, NEW_DELHI) ? day : day + 1;
    case "afternoon": {
      const hinduDay = moment < sunrise(day, NEW_DELHI) ? day - 1 : day;
      const rise = sunrise(hinduDay, NEW_DELHI);
      return moment < rise + 0.6 * (sunset(hinduDay, NEW_DELHI) - rise) ? hinduDay : hinduDay + 1;
    }
    case "midnight":
      return day + 1;
  }
}
