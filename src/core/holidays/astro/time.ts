/**
 * Astronomical time for the ephemeris: Julian days (UT) from the civil day count, ΔT (TT − UT) and
 * Julian centuries of Terrestrial Time since J2000.0, which the Meeus series take as their argument.
 */
import { MS_PER_DAY } from "../../time/civil.js";

/** Julian day of 1970-01-01 00:00 UT (day 0 of `daysFromCivil`). */
export const JD_UNIX_EPOCH = 2440587.5;
/** Julian day of J2000.0 (2000-01-01 12:00 TT). */
export const J2000 = 2451545;

const DAYS_PER_CENTURY = 36525;
const SECONDS_PER_DAY = MS_PER_DAY / 1000;

/** The Julian day (UT) of `hours` past midnight, at UTC offset `offsetMinutes`, on civil day `days` since 1970-01-01. */
export function julianDayOf(days: number, hours: number, offsetMinutes: number): number {
  return JD_UNIX_EPOCH + days + (hours - offsetMinutes / 60) / 24;
}

/** The civil day (days since 1970-01-01) that holds Julian day `jd` at UTC offset `offsetMinutes`. */
export function civilDayOf(jd: number, offsetMinutes: number): number {
  return Math.floor(jd - JD_UNIX_EPOCH + offsetMinutes / 1440);
}

/**
 * ΔT = TT − UT in seconds, from the Espenak–Meeus polynomials (a minute or so of slack either way
 * only moves an event by that much, far below what a holiday date needs).
 */
export function deltaTSeconds(jd: number): number {
  const y = 2000 + (jd - J2000) / 365.25;
  if (y >= 2005 && y < 2050) {
    const t = y - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t * t;
  }
  if (y >= 1986 && y < 2005) {
    const t = y - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (y >= 1961 && y < 1986) {
    const t = y - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  const u = (y - 1820) / 100;
  if (y >= 2050 && y < 2150) return -20 + 32 * u * u - 0.5628 * (2150 - y);
  return -20 + 32 * u * u;
}

/** Julian centuries of Terrestrial Time since J2000.0 for Julian day `jd` (UT). */
export function centuriesTT(jd: number): number {
  return (jd + deltaTSeconds(jd) / SECONDS_PER_DAY - J2000) / DAYS_PER_CENTURY;
}

/** `degrees` reduced to [0, 360). */
export function normalizeDegrees(degrees: number): number {
  const r = degrees % 360;
  return r < 0 ? r + 360 : r;
}

/** `degrees` reduced to [−180, 180). */
export function signedDegrees(degrees: number): number {
  return normalizeDegrees(degrees + 180) - 180;
}

/** Degrees to radians. */
export const RAD = Math.PI / 180;
