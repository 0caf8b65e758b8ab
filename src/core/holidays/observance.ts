/**
 * Which civil day keeps a tithi (or any other span of sky time). Each festival is judged at one part
 * of the day, its karmakala: a moment (sunrise, moonrise) or a window (aparahna, pradosh, nishita).
 * The day is one whose karmakala the span covers; when it covers two days (a long, vriddhi span) the
 * festival's preference decides, by default the day it covers more (the first on a tie). When it
 * covers none (a short, kshaya span slipping between two karmakalas) the day is the civil day holding
 * the larger part of the span, the one on which it prevails.
 * Reckoned at New Delhi on IST, as most published panchangs are.
 */
import { moonriseAfter } from "./astro/moonrise.js";
import { NEW_DELHI, sunrise, sunset } from "./astro/sunrise.js";
import { civilDayOf, JD_UNIX_EPOCH } from "./astro/time.js";

/**
 * The part of a civil day a festival is judged at (daytime and night each split in fifths, a fifth
 * being three muhurtas):
 * - `sunrise`: the tithi prevailing at sunrise (udaya tithi), the default for most festivals;
 * - `morning`: the moment three muhurtas after sunrise (the end of pratah kala);
 * - `midday`: madhyahna, the third fifth of the daytime;
 * - `afternoon`: aparahna, the fourth fifth of the daytime;
 * - `sunset`: the moment of sunset;
 * - `pradosh`: pradosh kala, the first fifth of the night;
 * - `midnight`: nishita, the night's middle muhurta;
 * - `moonrise`: the first moonrise after sunset.
 */
export type DayMoment = "sunrise" | "morning" | "midday" | "afternoon" | "sunset" | "pradosh" | "midnight" | "moonrise";

/**
 * Which day keeps a span that covers the karmakala of two days: `most` the one it covers more (the
 * first on a tie; for a moment, the first), `first` or `last` the first or last it touches at all.
 */
export type Preference = "most" | "first" | "last";

const place = NEW_DELHI;
// Coverage differences below this many days (~1.5 minutes) count as a tie.
const TIE = 0.001;

/** The karmakala of civil day `day` (days since 1970-01-01): Julian days (UT), `from === to` for a moment. */
export function karmakala(day: number, moment: DayMoment): { from: number; to: number } {
  const rise = sunrise(day, place);
  const set = sunset(day, place);
  const daytime = set - rise;
  const night = () => sunrise(day + 1, place) - set;
  switch (moment) {
    case "sunrise":
      return at(rise);
    case "morning":
      return at(rise + daytime / 5);
    case "midday":
      return { from: rise + (2 * daytime) / 5, to: rise + (3 * daytime) / 5 };
    case "afternoon":
      return { from: rise + (3 * daytime) / 5, to: rise + (4 * daytime) / 5 };
    case "sunset":
      return at(set);
    case "pradosh":
      return { from: set, to: set + night() / 5 };
    case "midnight": {
      const middle = set + night() / 2;
      return { from: middle - night() / 30, to: middle + night() / 30 };
    }
    case "moonrise":
      return at(moonriseAfter(set, place));
  }
}

/** The civil day (days since 1970-01-01) that keeps the span [start, end) judged at `moment`. */
export function observedDay(start: number, end: number, moment: DayMoment, prefer: Preference = "most"): number {
  const covered = coveredDays(start, end, moment);
  if (covered.length === 0) return prevailingDay(start, end);
  if (prefer === "first") return covered[0].day;
  if (prefer === "last") return covered[covered.length - 1].day;
  let best = covered[0];
  for (const candidate of covered) if (candidate.cover > best.cover + TIE) best = candidate;
  return best.day;
}

/** The civil days whose karmakala `moment` the span [start, end) covers, in order, with how much (days; 1 for a moment). */
export function coveredDays(start: number, end: number, moment: DayMoment): { day: number; cover: number }[] {
  const days: { day: number; cover: number }[] = [];
  const last = civilDayOf(end, place.offsetMinutes) + 1;
  for (let day = civilDayOf(start, place.offsetMinutes) - 1; day <= last; day++) {
    const cover = coverage(karmakala(day, moment), start, end);
    if (cover > 0) days.push({ day, cover });
  }
  return days;
}

/** The civil day holding Julian day `jd` at the reference place. */
export function civilDayAtPlace(jd: number): number {
  return civilDayOf(jd, place.offsetMinutes);
}

const at = (jd: number) => ({ from: jd, to: jd });

// Days of the window inside the span; a moment inside the span counts as a full day's worth.
function coverage(window: { from: number; to: number }, start: number, end: number): number {
  if (window.from === window.to) return window.from >= start && window.from < end ? 1 : 0;
  return Math.max(0, Math.min(window.to, end) - Math.max(window.from, start));
}

// The civil day holding more of [start, end) (a span shorter than two days).
function prevailingDay(start: number, end: number): number {
  const day = civilDayAtPlace(start);
  const midnight = JD_UNIX_EPOCH + day + 1 - place.offsetMinutes / 1440;
  return midnight - start >= end - midnight ? day : day + 1;
}
