/**
 * Sunrise and sunset at a reference place: the moment the Sun's upper limb touches a sea-level
 * horizon (centre 0.833° below it, for refraction and the solar radius), found by Newton steps on the
 * local hour angle. Good to well under a minute away from the polar circles.
 */
import { greenwichSiderealTime } from "./earth.js";
import { sunEquatorial } from "./sun.js";
import { julianDayOf, RAD, signedDegrees } from "./time.js";

/** A place on Earth and the civil time kept there. */
export interface Place {
  /** Degrees, north positive. */
  latitude: number;
  /** Degrees, east positive. */
  longitude: number;
  /** Civil time's offset from UTC in minutes (IST: 330). */
  offsetMinutes: number;
}

/** New Delhi on Indian Standard Time, the place most published panchangs reckon for. */
export const NEW_DELHI: Place = { latitude: 28.6139, longitude: 77.209, offsetMinutes: 330 };

const HORIZON = -0.833;
// Degrees of hour angle the Sun gains per day of time.
const HOUR_ANGLE_RATE = 360.9856;
const STEPS = 3;

/** Julian day (UT) of sunrise on civil day `days` (since 1970-01-01) at `place`. */
export function sunrise(days: number, place: Place = NEW_DELHI): number {
  return horizonCrossing(days, place, -1);
}

/** Julian day (UT) of sunset on civil day `days` (since 1970-01-01) at `place`. */
export function sunset(days: number, place: Place = NEW_DELHI): number {
  return horizonCrossing(days, place, 1);
}

// side −1: rising (hour angle −H0, morning), +1: setting (+H0, evening).
function horizonCrossing(days: number, place: Place, side: -1 | 1): number {
  const phi = place.latitude * RAD;
  let jd = julianDayOf(days, 12 + 6 * side - place.longitude / 15 + place.offsetMinutes / 60, place.offsetMinutes);
  for (let step = 0; step < STEPS; step++) {
    const { rightAscension, declination } = sunEquatorial(jd);
    const delta = declination * RAD;
    const cosH0 = (Math.sin(HORIZON * RAD) - Math.sin(phi) * Math.sin(delta)) / (Math.cos(phi) * Math.cos(delta));
    const h0 = Math.acos(Math.max(-1, Math.min(1, cosH0))) / RAD;
    const hourAngle = greenwichSiderealTime(jd) + place.longitude - rightAscension;
    jd -= signedDegrees(hourAngle - side * h0) / HOUR_ANGLE_RATE;
  }
  return jd;
}
