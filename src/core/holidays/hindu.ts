/**
 * The amanta lunisolar calendar: a month runs from one new moon to the next and is named after the
 * sidereal sign the Sun is in at its first new moon (Sun in Mina → Chaitra, in Mesha → Vaishakha, …).
 * A month in which the Sun enters no new sign (both new moons in one sign) is adhika, an intercalary
 * month; the following month of the same name is the nija one, and festivals use that. A month in
 * which the Sun enters two signs skips a name (a kshaya month, as in 1983 and next in 2124): that
 * month's festivals do not occur that year. Each tithi of a month is a span of sky time;
 * `observance.ts` picks the civil day that keeps it.
 */
import { daysFromCivil } from "../time/civil.js";
import { JD_UNIX_EPOCH } from "./astro/time.js";
import { elongationReaches, lunationNear, newMoon, solarSignAt, SYNODIC_MONTH, TITHI_DEGREES } from "./panchang.js";

/** Amanta month names in year order. */
export const LUNAR_MONTHS = [
  "chaitra", "vaishakha", "jyeshtha", "ashadha", "shravana", "bhadrapada",
  "ashvin", "kartika", "margashirsha", "pausha", "magha", "phalguna",
] as const;

/** An amanta month name. */
export type LunarMonthName = (typeof LUNAR_MONTHS)[number];

/** The bright (waxing) half, tithis 1–15, and the dark (waning) half, tithis 16–30 of an amanta month. */
export type Paksha = "shukla" | "krishna";

/** One lunar month: lunation `lunation`, from new moon `start` to new moon `end` (Julian days, UT). */
export interface HinduMonth {
  lunation: number;
  start: number;
  end: number;
  name: LunarMonthName;
  /** True for an intercalary month, which festivals skip. */
  adhika: boolean;
}

// Bounded memos: ~12.4 lunations a year, so this holds a few centuries.
const MAX_CACHED = 4096;
const newMoons = new Map<number, number>();
const tithiBounds = new Map<number, Float64Array>();

/** Month of lunation `n`. */
export function hinduMonth(n: number): HinduMonth {
  const start = cachedNewMoon(n);
  const end = cachedNewMoon(n + 1);
  const sign = solarSignAt(start);
  return { lunation: n, start, end, name: LUNAR_MONTHS[(sign + 1) % 12], adhika: sign === solarSignAt(end) };
}

/** The months that can hold a day of Gregorian `year`, oldest first. */
export function hinduMonthsAround(year: number): HinduMonth[] {
  const from = lunationNear(JD_UNIX_EPOCH + daysFromCivil(year, 1, 1)) - 1;
  const to = lunationNear(JD_UNIX_EPOCH + daysFromCivil(year, 12, 31)) + 1;
  const months: HinduMonth[] = [];
  for (let n = from; n <= to; n++) months.push(hinduMonth(n));
  return months;
}

/** Tithi number 1–30 of `day` (1–15) in `paksha`. */
export function tithiNumber(paksha: Paksha, day: number): number {
  return paksha === "shukla" ? day : 15 + day;
}

/** The span [start, end) of tithi `tithi` (1–30) in `month`, Julian days (UT). */
export function tithiSpan(month: HinduMonth, tithi: number): SkySpan {
  return { start: tithiBoundary(month, tithi - 1), end: tithiBoundary(month, tithi) };
}

/** A span of sky time [start, end), Julian days (UT). */
export interface SkySpan {
  start: number;
  end: number;
}

/** Picks the civil day (days since 1970-01-01) that keeps a tithi, given its span and month. */
export type DayChooser = (span: SkySpan, month: HinduMonth) => number;

/**
 * The civil days (days since 1970-01-01) in Gregorian `year` that keep tithi `tithi` of the nija
 * month `name`, as `choose` picks them (see `observance.ts`); usually one, two when the month recurs
 * within the year, none when it falls in the neighbouring years.
 */
export function tithiDaysInYear(name: LunarMonthName, tithi: number, year: number, choose: DayChooser): number[] {
  const first = daysFromCivil(year, 1, 1);
  const last = daysFromCivil(year, 12, 31);
  const days: number[] = [];
  for (const month of hinduMonthsAround(year)) {
    if (month.name !== name || month.adhika) continue;
    const day = choose(tithiSpan(month, tithi), month);
    if (day >= first && day <= last) days.push(day);
  }
  return days;
}

// Boundary k (0–30) of a month: 0 its new moon, k the end of tithi k.
function tithiBoundary(month: HinduMonth, k: number): number {
  if (k === 0) return month.start;
  if (k === 30) return month.end;
  let bounds = tithiBounds.get(month.lunation);
  if (!bounds) {
    bounds = new Float64Array(31).fill(Number.NaN);
    remember(tithiBounds, month.lunation, bounds);
  }
  if (Number.isNaN(bounds[k])) bounds[k] = elongationReaches(k * TITHI_DEGREES, month.start + (k * SYNODIC_MONTH) / 30);
  return bounds[k];
}

function cachedNewMoon(n: number): number {
  let jd = newMoons.get(n);
  if (jd === undefined) {
    jd = newMoon(n);
    remember(newMoons, n, jd);
  }
  return jd;
}

function remember<V>(cache: Map<number, V>, key: number, value: V): void {
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as number);
  cache.set(key, value);
}
