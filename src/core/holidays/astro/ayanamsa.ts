/**
 * The Lahiri (Chitrapaksha) ayanamsa: the distance of the tropical equinox from the start of the
 * sidereal zodiac, which turns a tropical longitude into the sidereal one Indian calendars use.
 */
import { nutation } from "./earth.js";
import { centuriesTT } from "./time.js";

// 23°51′25.5″ at J2000.0 (the Indian Astronomical Ephemeris' 23°15′00.658″ on 1956-03-21 carried by
// IAU precession), growing by the general precession in longitude, 5029.0966″ per century.
const AT_J2000 = 23.857092;
const PRECESSION_ARCSEC = 5029.0966;
const PRECESSION_ARCSEC_T2 = 1.11113;

/**
 * The true Lahiri ayanamsa in degrees (mean ayanamsa plus nutation, so subtracting it from an
 * apparent longitude gives a sidereal one free of nutation), at Julian day `jd` (UT). About 24.19° in 2024.
 */
export function lahiriAyanamsa(jd: number): number {
  const t = centuriesTT(jd);
  return AT_J2000 + (PRECESSION_ARCSEC * t + PRECESSION_ARCSEC_T2 * t * t) / 3600 + nutation(t).deltaPsi;
}
