/**
 * The Sun's apparent geocentric position (Meeus ch. 25, low-precision series: ~0.01° in longitude,
 * i.e. a sign ingress to within ~15 minutes).
 */
import { nutation } from "./earth.js";
import { centuriesTT, normalizeDegrees, RAD } from "./time.js";

/** Apparent right ascension and declination, degrees. */
export interface Equatorial {
  rightAscension: number;
  declination: number;
}

/** The Sun's apparent ecliptic longitude (tropical, of date), degrees in [0, 360), at Julian day `jd` (UT). */
export function sunLongitude(jd: number): number {
  return apparent(centuriesTT(jd));
}

/** The Sun's apparent right ascension and declination at Julian day `jd` (UT). */
export function sunEquatorial(jd: number): Equatorial {
  const t = centuriesTT(jd);
  const lambda = apparent(t) * RAD;
  const eps = nutation(t).obliquity * RAD;
  return {
    rightAscension: normalizeDegrees(Math.atan2(Math.cos(eps) * Math.sin(lambda), Math.cos(lambda)) / RAD),
    declination: Math.asin(Math.sin(eps) * Math.sin(lambda)) / RAD,
  };
}

function apparent(t: number): number {
  const meanLongitude = 280.46646 + t * (36000.76983 + 0.0003032 * t);
  const anomaly = (357.52911 + t * (35999.05029 - 0.0001537 * t)) * RAD;
  const center =
    (1.914602 - t * (0.004817 + 0.000014 * t)) * Math.sin(anomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * anomaly) +
    0.000289 * Math.sin(3 * anomaly);
  const eccentricity = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
  const trueAnomaly = anomaly + center * RAD;
  const radius = (1.000001018 * (1 - eccentricity * eccentricity)) / (1 + eccentricity * Math.cos(trueAnomaly));
  // Aberration (−20.4898″ / R) and nutation turn the true geometric longitude into the apparent one.
  return normalizeDegrees(meanLongitude + center - 20.4898 / 3600 / radius + nutation(t).deltaPsi);
}
