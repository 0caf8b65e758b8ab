/** Easter Sunday by the Gregorian (Western) and Julian (Orthodox) computus, for any year. */
import { type CivilDate, civilFromDays } from "../time/civil.js";

/** Western Easter Sunday: the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function westernEaster(year: number): CivilDate {
  const a = mod(year, 19);
  const b = Math.floor(year / 100);
  const c = mod(year, 100);
  const d = Math.floor(b / 4);
  const e = mod(b, 4);
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = mod(19 * a + b - d - g + 15, 30);
  const i = Math.floor(c / 4);
  const k = mod(c, 4);
  const l = mod(32 + 2 * e + 2 * i - h - k, 7);
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = mod(h + l - 7 * m + 114, 31) + 1;
  return { y: year, m: month, d: day };
}

/**
 * Orthodox Easter Sunday as a Gregorian date: Meeus' Julian computus, then the Julian date converted
 * through its day count (13 days later in 1900–2099).
 */
export function orthodoxEaster(year: number): CivilDate {
  const a = mod(year, 4);
  const b = mod(year, 7);
  const c = mod(year, 19);
  const d = mod(19 * c + 15, 30);
  const e = mod(2 * a + 4 * b - d + 34, 7);
  const month = Math.floor((d + e + 114) / 31);
  const day = mod(d + e + 114, 31) + 1;
  return civilFromDays(daysFromJulian(year, month, day));
}

/** Days since 1970-01-01 (Gregorian) of a Julian-calendar date, via the Julian Day Number. */
export function daysFromJulian(y: number, m: number, d: number): number {
  const a = Math.floor((14 - m) / 12);
  const yy = y + 4800 - a;
  const mm = m + 12 * a - 3;
  const jdn = d + Math.floor((153 * mm + 2) / 5) + 365 * yy + Math.floor(yy / 4) - 32083;
  return jdn - 2440588;
}

// A remainder that stays non-negative for negative years.
const mod = (n: number, k: number): number => ((n % k) + k) % k;
