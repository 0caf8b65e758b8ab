/**
 * The Moon's apparent geocentric ecliptic position (Meeus ch. 47): longitude from the 60 periodic
 * terms of table 47.A plus the additive terms (~10″, a tithi boundary to within a minute), latitude
 * from the ten largest terms of table 47.B (~0.01°, enough for moonrise).
 */
import { nutation } from "./earth.js";
import { centuriesTT, normalizeDegrees, RAD } from "./time.js";

// Table 47.A, longitude column: multiples of D, M, M′, F and the sine coefficient in 1e-6°.
// prettier-ignore
const TERMS: readonly (readonly [number, number, number, number, number])[] = [
  [0, 0, 1, 0, 6288774], [2, 0, -1, 0, 1274027], [2, 0, 0, 0, 658314], [0, 0, 2, 0, 213618],
  [0, 1, 0, 0, -185116], [0, 0, 0, 2, -114332], [2, 0, -2, 0, 58793], [2, -1, -1, 0, 57066],
  [2, 0, 1, 0, 53322], [2, -1, 0, 0, 45758], [0, 1, -1, 0, -40923], [1, 0, 0, 0, -34720],
  [0, 1, 1, 0, -30383], [2, 0, 0, -2, 15327], [0, 0, 1, 2, -12528], [0, 0, 1, -2, 10980],
  [4, 0, -1, 0, 10675], [0, 0, 3, 0, 10034], [4, 0, -2, 0, 8548], [2, 1, -1, 0, -7888],
  [2, 1, 0, 0, -6766], [1, 0, -1, 0, -5163], [1, 1, 0, 0, 4987], [2, -1, 1, 0, 4036],
  [2, 0, 2, 0, 3994], [4, 0, 0, 0, 3861], [2, 0, -3, 0, 3665], [0, 1, -2, 0, -2689],
  [2, 0, -1, 2, -2602], [2, -1, -2, 0, 2390], [1, 0, 1, 0, -2348], [2, -2, 0, 0, 2236],
  [0, 1, 2, 0, -2120], [0, 2, 0, 0, -2069], [2, -2, -1, 0, 2048], [2, 0, 1, -2, -1773],
  [2, 0, 0, 2, -1595], [4, -1, -1, 0, 1215], [0, 0, 2, 2, -1110], [3, 0, -1, 0, -892],
  [2, 1, 1, 0, -810], [4, -1, -2, 0, 759], [0, 2, -1, 0, -713], [2, 2, -1, 0, -700],
  [2, 1, -2, 0, 691], [2, -1, 0, -2, 596], [4, 0, 1, 0, 549], [0, 0, 4, 0, 537],
  [4, -1, 0, 0, 520], [1, 0, -2, 0, -487], [2, 1, 0, -2, -399], [0, 0, 2, -2, -381],
  [1, 1, 1, 0, 351], [3, 0, -2, 0, -340], [4, 0, -3, 0, 330], [2, -1, 2, 0, 327],
  [0, 2, 1, 0, -323], [1, 1, -1, 0, 299], [2, 0, 3, 0, 294],
];

// Table 47.B, largest terms: multiples of D, M, M′, F and the sine coefficient in 1e-6°.
// prettier-ignore
const LATITUDE_TERMS: readonly (readonly [number, number, number, number, number])[] = [
  [0, 0, 0, 1, 5128122], [0, 0, 1, 1, 280602], [0, 0, 1, -1, 277693], [2, 0, 0, -1, 173237],
  [2, 0, -1, 1, 55413], [2, 0, -1, -1, 46271], [2, 0, 0, 1, 32573], [0, 0, 2, 1, 17198],
  [2, 0, 1, -1, 9266], [0, 0, 2, -1, 8822],
];

/** The Moon's apparent ecliptic longitude (tropical, of date), degrees in [0, 360), at Julian day `jd` (UT). */
export function moonLongitude(jd: number): number {
  const t = centuriesTT(jd);
  const { meanLongitude, d, m, mPrime, f, e } = fundamentals(t);
  let sum = 0;
  for (const [cd, cm, cmp, cf, coefficient] of TERMS) {
    const scale = cm === 0 ? 1 : cm === 1 || cm === -1 ? e : e * e;
    sum += coefficient * scale * Math.sin(cd * d + cm * m + cmp * mPrime + cf * f);
  }
  const a1 = (119.75 + 131.849 * t) * RAD;
  const a2 = (53.09 + 479264.29 * t) * RAD;
  sum += 3958 * Math.sin(a1) + 1962 * Math.sin(meanLongitude * RAD - f) + 318 * Math.sin(a2);
  return normalizeDegrees(meanLongitude + sum / 1e6 + nutation(t).deltaPsi);
}

/** The Moon's ecliptic latitude, degrees, at Julian day `jd` (UT). */
export function moonLatitude(jd: number): number {
  const { d, m, mPrime, f } = fundamentals(centuriesTT(jd));
  let sum = 0;
  for (const [cd, cm, cmp, cf, coefficient] of LATITUDE_TERMS) sum += coefficient * Math.sin(cd * d + cm * m + cmp * mPrime + cf * f);
  return sum / 1e6;
}

interface Fundamentals {
  /** Mean longitude L′, degrees. */
  meanLongitude: number;
  /** Mean elongation D, the Sun's and Moon's mean anomalies M and M′, argument of latitude F: radians. */
  d: number;
  m: number;
  mPrime: number;
  f: number;
  /** Eccentricity factor E. */
  e: number;
}

function fundamentals(t: number): Fundamentals {
  const meanLongitude = 218.3164477 + t * (481267.88123421 + t * (-0.0015786 + t * (1 / 538841 - t / 65194000)));
  const d = (297.8501921 + t * (445267.1114034 + t * (-0.0018819 + t * (1 / 545868 - t / 113065000)))) * RAD;
  const m = (357.5291092 + t * (35999.0502909 + t * (-0.0001536 + t / 24490000))) * RAD;
  const mPrime = (134.9633964 + t * (477198.8675055 + t * (0.0087414 + t * (1 / 69699 - t / 14712000)))) * RAD;
  const f = (93.272095 + t * (483202.0175233 + t * (-0.0036539 + t * (-1 / 3526000 + t / 863310000)))) * RAD;
  // Terms in the Sun's anomaly shrink with the Earth's decreasing eccentricity.
  const e = 1 - t * (0.002516 + 0.0000074 * t);
  return { meanLongitude, d, m, mPrime, f, e };
}
