/**
 * The almanac quantities Indian calendars are built from, read off the ephemeris: the Moon–Sun
 * elongation (whose 12° steps are the tithis), new moons, sidereal (Lahiri) longitudes, the Sun's
 * ingress into a sidereal sign (sankranti) and the Moon's nakshatra. Instants are Julian days (UT).
 */
import { lahiriAyanamsa } from "./astro/ayanamsa.js";
import { moonLongitude } from "./astro/moon.js";
import { sunLongitude } from "./astro/sun.js";
import { normalizeDegrees, signedDegrees } from "./astro/time.js";

/** Degrees of elongation per tithi: 30 tithis make a lunation. */
export const TITHI_DEGREES = 12;
/** Degrees of sidereal longitude per nakshatra: 27 make the zodiac. */
export const NAKSHATRA_DEGREES = 360 / 27;
/** Mean synodic month in days. */
export const SYNODIC_MONTH = 29.530588861;

// Mean rates in degrees a day, for the first step of each search.
const ELONGATION_RATE = 360 / SYNODIC_MONTH;
const SUN_RATE = 0.9856;
const MOON_RATE = 13.176;
// Meeus' lunation 0: the mean new moon of 2000-01-06.
const LUNATION_ZERO = 2451550.09766;
// Stop when a step moves the instant by less than this many days (about a second).
const TOLERANCE = 1e-5;
const MAX_STEPS = 12;

/** Moon minus Sun, degrees in [0, 360): 0 at new moon, 180 at full moon. */
export function elongation(jd: number): number {
  return normalizeDegrees(moonLongitude(jd) - sunLongitude(jd));
}

/** The Sun's sidereal (Lahiri) longitude, degrees in [0, 360). */
export function siderealSun(jd: number): number {
  return normalizeDegrees(sunLongitude(jd) - lahiriAyanamsa(jd));
}

/** The Moon's sidereal (Lahiri) longitude, degrees in [0, 360). */
export function siderealMoon(jd: number): number {
  return normalizeDegrees(moonLongitude(jd) - lahiriAyanamsa(jd));
}

/** The tithi running at `jd`, 1–30 (1–15 the bright half, 16–30 the dark half ending at new moon). */
export function tithiAt(jd: number): number {
  return Math.floor(elongation(jd) / TITHI_DEGREES) + 1;
}

/** The nakshatra the Moon is in at `jd`, 0 (Ashvini) – 26 (Revati). */
export function nakshatraAt(jd: number): number {
  return Math.floor(siderealMoon(jd) / NAKSHATRA_DEGREES);
}

/** The sidereal sign the Sun is in at `jd`, 0 (Mesha, Aries) – 11 (Mina, Pisces). */
export function solarSignAt(jd: number): number {
  return Math.floor(siderealSun(jd) / 30);
}

/** The new moon of lunation `n` (0 = 2000-01-06; negative before). */
export function newMoon(n: number): number {
  return solve(elongation, 0, LUNATION_ZERO + n * SYNODIC_MONTH, ELONGATION_RATE);
}

/** The lunation whose mean new moon is nearest `jd`. */
export function lunationNear(jd: number): number {
  return Math.round((jd - LUNATION_ZERO) / SYNODIC_MONTH);
}

/** The instant nearest `guess` (within a few days) at which the elongation reaches `degrees`. */
export function elongationReaches(degrees: number, guess: number): number {
  return solve(elongation, degrees, guess, ELONGATION_RATE);
}

/** The instant nearest `guess` (within ~two weeks) at which the Sun enters sidereal sign `sign` (0–11). */
export function sankranti(sign: number, guess: number): number {
  return solve(siderealSun, sign * 30, guess, SUN_RATE);
}

/** The instant nearest `guess` (within ~a day) at which the Moon's sidereal longitude reaches `degrees`. */
export function siderealMoonReaches(degrees: number, guess: number): number {
  return solve(siderealMoon, degrees, guess, MOON_RATE);
}

// Secant search for f(jd) = target on a circle, from a guess and the function's mean rate.
function solve(f: (jd: number) => number, target: number, guess: number, rate: number): number {
  let x0 = guess;
  let y0 = signedDegrees(f(x0) - target);
  let x1 = x0 - y0 / rate;
  for (let step = 0; step < MAX_STEPS; step++) {
    const y1 = signedDegrees(f(x1) - target);
    const slope = x1 === x0 || y1 === y0 ? rate : (y1 - y0) / (x1 - x0);
    const next = x1 - y1 / slope;
    if (Math.abs(next - x1) < TOLERANCE) return next;
    [x0, y0, x1] = [x1, y1, next];
  }
  return x1;
}
