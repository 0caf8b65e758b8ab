/**
 * Moonrise at a reference place: the Moon's upper limb on a sea-level horizon (its centre 0.125°
 * above it: refraction and semidiameter less the mean horizontal parallax), found by Newton steps on
 * the local hour angle. A minute or two of slack, from the truncated latitude and the mean parallax.
 */
import { greenwichSiderealTime, nutation } from "./earth.js";
import { moonLatitude, moonLongitude } from "./moon.js";
import type { Place } from "./sunrise.js";
import { centuriesTT, normalizeDegrees, RAD, signedDegrees } from "./time.js";

const HORIZON = 0.125;
// Degrees of hour angle the Moon gains per day of time (sidereal rate less its eastward motion).
const HOUR_ANGLE_RATE = 347.81;
const STEPS = 4;

/** Julian day (UT) of the first moonrise at `place` after Julian day `after`. */
export function moonriseAfter(after: number, place: Place): number {
  // Wait for the hour angle to come round to the rising one, then refine.
  let jd = after + normalizeDegrees(risingHourAngle(after, place) - hourAngle(after, place)) / HOUR_ANGLE_RATE;
  for (let step = 0; step < STEPS; step++) jd -= signedDegrees(hourAngle(jd, place) - risingHourAngle(jd, place)) / HOUR_ANGLE_RATE;
  return jd;
}

function hourAngle(jd: number, place: Place): number {
  return greenwichSiderealTime(jd) + place.longitude - equatorial(jd).rightAscension;
}

// The (negative) hour angle at which the Moon, at its declination of the moment, crosses the horizon.
function risingHourAngle(jd: number, place: Place): number {
  const phi = place.latitude * RAD;
  const delta = equatorial(jd).declination * RAD;
  const cosH0 = (Math.sin(HORIZON * RAD) - Math.sin(phi) * Math.sin(delta)) / (Math.cos(phi) * Math.cos(delta));
  return -Math.acos(Math.max(-1, Math.min(1, cosH0))) / RAD;
}

function equatorial(jd: number): { rightAscension: number; declination: number } {
  const lambda = moonLongitude(jd) * RAD;
  const beta = moonLatitude(jd) * RAD;
  const eps = nutation(centuriesTT(jd)).obliquity * RAD;
  const rightAscension = Math.atan2(Math.sin(lambda) * Math.cos(eps) - Math.tan(beta) * Math.sin(eps), Math.cos(lambda)) / RAD;
  const declination = Math.asin(Math.sin(beta) * Math.cos(eps) + Math.cos(beta) * Math.sin(eps) * Math.sin(lambda)) / RAD;
  return { rightAscension: normalizeDegrees(rightAscension), declination };
}
