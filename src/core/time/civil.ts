/** Civil (proleptic Gregorian) calendar arithmetic on plain values: no Date, no zone, no clock. */

/** A calendar date; `m` is 1–12. */
export interface CivilDate {
  y: number;
  m: number;
  d: number;
}

/** A wall-clock time of day; `h` is 0–23 (24 is never produced). */
export interface WallTime {
  h: number;
  mi: number;
  s: number;
}

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a civil date (H. Hinnant's algorithm). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date `days` after 1970-01-01. */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

export function toDays(date: CivilDate): number {
  return daysFromCivil(date.y, date.m, date.d);
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: CivilDate): number {
  return (((toDays(date) + 4) % 7) + 7) % 7;
}

export function addDays(date: CivilDate, n: number): CivilDate {
  return civilFromDays(toDays(date) + n);
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** True when y-m-d names a real day. */
export function isValidDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Adds months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: CivilDate, n: number): CivilDate {
  const index = date.y * 12 + (date.m - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return { y, m, d: Math.min(date.d, daysInMonth(y, m)) };
}

export function compareDates(a: CivilDate, b: CivilDate): number {
  return toDays(a) - toDays(b);
}

/** The Monday that starts the ISO week holding `date`. */
export function startOfWeek(date: CivilDate): CivilDate {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

/** The `n`th (1-based; negative counts from the end) `weekday` of a month, or null when it does not exist. */
export function nthWeekdayOfMonth(y: number, m: number, weekday: number, n: number): CivilDate | null {
  if (n > 0) {
    const first = weekdayOf({ y, m, d: 1 });
    const d = 1 + ((weekday - first + 7) % 7) + (n - 1) * 7;
    return d <= daysInMonth(y, m) ? { y, m, d } : null;
  }
  const lastDay = daysInMonth(y, m);
  const last = weekdayOf({ y, m, d: lastDay });
  const d = lastDay - ((last - weekday + 7) % 7) + (n + 1) * 7;
  return d >= 1 ? { y, m, d } : null;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** `YYYY-MM-DD`. */
export function formatDate(date: CivilDate): string {
  return `${String(date.y).padStart(4, "0")}-${pad2(date.m)}-${pad2(date.d)}`;
}

/** `HH:MM:SS`. */
export function formatTime(time: WallTime): string {
  return `${pad2(time.h)}:${pad2(time.mi)}:${pad2(time.s)}`;
}

/** `+HH:MM` / `-HH:MM` for an offset east of UTC in minutes. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}
