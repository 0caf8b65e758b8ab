/**
 * The Earth's orientation as the low-precision ephemeris needs it (Meeus ch. 22 and 12): nutation in
 * longitude and obliquity from their four largest terms, and Greenwich mean sidereal time.
 */
import { J2000, normalizeDegrees, RAD } from "./time.js";

/** Nutation in longitude Δψ and the true obliquity ε, both in degrees. */
export interface Nutation {
  deltaPsi: number;
  obliquity: number;
}

/** Nutation and true obliquity at `t` Julian centuries (TT) since J2000.0; good to ~0.5″. */
export function nutation(t: number): Nutation {
  const node = (125.04452 - 1934.136261 * t) * RAD;
  const sun = (280.4665 + 36000.7698 * t) * RAD;
  const moon = (218.3165 + 481267.8813 * t) * RAD;
  const deltaPsi = (-17.2 * Math.sin(node) - 1.32 * Math.sin(2 * sun) - 0.23 * Math.sin(2 * moon) + 0.21 * Math.sin(2 * node)) / 3600;
  const deltaEps = (9.2 * Math.cos(node) + 0.57 * Math.cos(2 * sun) + 0.1 * Math.cos(2 * moon) - 0.09 * Math.cos(2 * node)) / 3600;
  const mean = 23.439291 - t * (0.0130042 + t * (1.6e-7 - t * 5.04e-7));
  return { deltaPsi, obliquity: mean + deltaEps };
}

/** Greenwich mean sidereal time, degrees in [0, 360), at Julian day `jd` (UT). */
export function greenwichSiderealTime(jd: number): number {
  const d = jd - J2000;
  const t = d / 36525;
  return normalizeDegrees(280.46061837 + 360.98564736629 * d + 0.000387933 * t * t - (t * t * t) / 38710000);
}
