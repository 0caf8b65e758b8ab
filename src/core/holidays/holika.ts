/**
 * Holika Dahan's day. The bonfire is lit in pradosh kala of Phalguna Purnima but never in Bhadra
 * (the Vishti karana, the first half of the purnima tithi). The rules, after Dharmasindhu as published
 * panchangs apply them:
 * 1. the first evening whose pradosh holds purnima after Bhadra has ended;
 * 2. otherwise (Bhadra covers the purnima of every pradosh) the evening the purnima begins on, after
 *    Bhadra ends, when that is before midnight;
 * 3. otherwise the next evening, in pratipada, when the purnima lasts three prahars (three quarters of
 *    the daytime) past that day's sunrise and the pratipada grows (lasts more than a day);
 * 4. otherwise the evening the purnima begins on, late in Bhadra (Bhadra Punchha).
 */
import { sunrise, sunset } from "./astro/sunrise.js";
import { type HinduMonth, type SkySpan, tithiSpan } from "./hindu.js";
import { civilDayAtPlace, karmakala } from "./observance.js";
import { elongationReaches, TITHI_DEGREES } from "./panchang.js";

const PURNIMA = 15;
const PRATIPADA = 16;

/** The civil day (days since 1970-01-01) of Holika Dahan for the Phalguna Purnima `purnima` of `month`. */
export function holikaDahanDay(purnima: SkySpan, month: HinduMonth): number {
  const bhadraEnd = elongationReaches((PURNIMA - 0.5) * TITHI_DEGREES, (purnima.start + purnima.end) / 2);
  const from = civilDayAtPlace(purnima.start) - 1;
  const to = civilDayAtPlace(purnima.end) + 1;
  let evening: number | null = null;
  for (let day = from; day <= to; day++) {
    const pradosh = karmakala(day, "pradosh");
    if (Math.min(pradosh.to, purnima.end) > Math.max(pradosh.from, bhadraEnd)) return day;
    // The purnima's first evening: the first pradosh ending after it begins, or the evening before
    // when the purnima slips between two pradoshes.
    if (evening === null && pradosh.to > purnima.start) evening = pradosh.from < purnima.end ? day : day - 1;
  }
  const night = evening ?? civilDayAtPlace(purnima.start);
  const midnight = karmakala(night, "midnight");
  if (bhadraEnd < (midnight.from + midnight.to) / 2) return night;
  const rise = sunrise(night + 1);
  const threePrahars = 0.75 * (sunset(night + 1) - rise);
  const pratipada = tithiSpan(month, PRATIPADA);
  return purnima.end - rise >= threePrahars && pratipada.end - pratipada.start > 1 ? night + 1 : night;
}
