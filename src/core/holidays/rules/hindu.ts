/**
 * Hindu, Sikh, Jain and Buddhist festivals of the Indian lunisolar and solar calendars, computed from
 * the ephemeris for New Delhi (IST): lunar festivals are a tithi of an amanta nija month kept on the
 * day chosen at the festival's moment (see `observance.ts`), solar ones a sankranti. Regional
 * calendars and sects differ by a day in some years; each rule says which convention it follows.
 */
import { addDays, civilFromDays } from "../../time/civil.js";
import { type DayChooser, type LunarMonthName, type Paksha, tithiDaysInYear, tithiNumber } from "../hindu.js";
import { holikaDahanDay } from "../holika.js";
import { coveredDays, type DayMoment, karmakala, observedDay, type Preference } from "../observance.js";
import { JD_UNIX_EPOCH } from "../astro/time.js";
import { NAKSHATRA_DEGREES, nakshatraAt, siderealMoonReaches } from "../panchang.js";
import { KANYA, MAKARA, MESHA, SIMHA, type SolarMonthRule, solarMonthStart } from "../solar-months.js";
import { type HolidayRule, type HolidaySpan, daysAfter, daysFrom, onDay } from "../span.js";

/** Thiruvonam (Shravana), the 22nd nakshatra. */
const SHRAVANA = 21;
// Days of the Moon's sidereal round, and the Bengali 25 Boishakh as days after 1 Boishakh.
const SIDEREAL_MONTH = 27.321662;
const BOISHAKH_25 = 24;
const MAX_CACHED_YEARS = 512;

/** Memoises a rule per year: a cold year costs a few ms of ephemeris, a warm one a map lookup. */
function byYear(rule: HolidayRule): HolidayRule {
  const cache = new Map<number, readonly HolidaySpan[]>();
  return (y) => {
    let spans = cache.get(y);
    if (!spans) {
      spans = rule(y);
      if (cache.size >= MAX_CACHED_YEARS) cache.delete(cache.keys().next().value as number);
      cache.set(y, spans);
    }
    return spans.map((span) => ({ ...span }));
  };
}

/** Day `day` of `paksha` in nija month `month`, kept on the day `choose` picks. */
function tithiBy(month: LunarMonthName, paksha: Paksha, day: number, choose: DayChooser): HolidayRule {
  return byYear((y) => tithiDaysInYear(month, tithiNumber(paksha, day), y, choose).map((d) => onDay(civilFromDays(d))));
}

/** Day `day` of `paksha` in nija month `month`, kept on the day whose karmakala `moment` it covers. */
function tithi(month: LunarMonthName, paksha: Paksha, day: number, moment: DayMoment = "sunrise", prefer: Preference = "most"): HolidayRule {
  return tithiBy(month, paksha, day, (span) => observedDay(span.start, span.end, moment, prefer));
}

/**
 * Vijayadashami's day (Dharmasindhu): the first day whose aparahna the dashami covers, or the next day
 * when Shravana nakshatra is up in that day's aparahna and the dashami still covers its aparahna or
 * its first three muhurtas.
 */
const dashamiDay: DayChooser = (span) => {
  const covered = coveredDays(span.start, span.end, "afternoon");
  if (covered.length === 0) return observedDay(span.start, span.end, "afternoon");
  const next = covered[0].day + 1;
  const morning = karmakala(next, "morning").from;
  const dashamiNext = covered.length > 1 || (morning >= span.start && morning < span.end);
  const afternoon = karmakala(next, "afternoon");
  const shravana = nakshatraAt(afternoon.from) === SHRAVANA || nakshatraAt(afternoon.to) === SHRAVANA;
  return dashamiNext && shravana ? next : covered[0].day;
};

/** The first day of the solar month of `sign`, by regional `rule`. */
function sankrantiDay(sign: number, rule: SolarMonthRule): HolidayRule {
  return byYear((y) => [onDay(civilFromDays(solarMonthStart(sign, y, rule)))]);
}

/**
 * Onam: the day in the Malayalam month Chingam (Sun in Simha) on which Thiruvonam still holds six
 * nazhikas (three muhurtas) after sunrise, the Kerala reckoning of a day's star. When Thiruvonam
 * comes twice in Chingam, the later one is kept.
 */
const onam: HolidayRule = byYear((y) => {
  const first = solarMonthStart(SIMHA, y, "afternoon");
  const next = solarMonthStart(KANYA, y, "afternoon");
  let found: number | null = null;
  // Walk the Moon's passes through Thiruvonam from just before the month.
  let guess = JD_UNIX_EPOCH + first - 2;
  for (let pass = 0; pass < 3; pass++) {
    const start = siderealMoonReaches(SHRAVANA * NAKSHATRA_DEGREES, guess);
    const end = siderealMoonReaches((SHRAVANA + 1) * NAKSHATRA_DEGREES, start + 1);
    const day = observedDay(start, end, "morning");
    if (day >= first && day < next) found = day;
    guess = start + SIDEREAL_MONTH;
  }
  return found === null ? [] : [onDay(civilFromDays(found))];
});

const makarSankranti = sankrantiDay(MAKARA, "sunset");
const holikaDahan = tithiBy("phalguna", "shukla", 15, holikaDahanDay);
const navaratriStart = tithi("ashvin", "shukla", 1);
const vijayadashami = tithiBy("ashvin", "shukla", 10, dashamiDay);

/** Hindu, Sikh, Jain and Buddhist festival rules by key. Months are amanta; moments as in `observance.ts`. */
export const hinduRules = {
  /** Makar Sankranti, Thai Pongal, Maghi: the Sun enters sidereal Makara (the next day if after sunset). */
  "makar-sankranti": makarSankranti,
  /** Mattu Pongal: the day after Thai Pongal. */
  "mattu-pongal": daysAfter(makarSankranti, 1),
  /** Kaanum Pongal: two days after Thai Pongal. */
  "kaanum-pongal": daysAfter(makarSankranti, 2),
  /** Magha Shukla Panchami at sunrise. */
  "vasant-panchami": tithi("magha", "shukla", 5),
  /** Magha Purnima at sunrise. */
  "guru-ravidas-jayanti": tithi("magha", "shukla", 15),
  /** Magha Krishna Dashami at sunrise (Phalguna Krishna Dashami in the purnimanta reckoning). */
  "dayananda-saraswati-jayanti": tithi("magha", "krishna", 10),
  /** Holika Dahan: Phalguna Purnima in pradosh, outside Bhadra (see `holika.ts`). */
  "holika-dahan": holikaDahan,
  /** Holi (Dhulandi): the day after Holika Dahan. */
  "holi": daysAfter(holikaDahan, 1),
  /** Ugadi, Gudi Padwa: Chaitra Shukla Pratipada at sunrise. */
  "ugadi": tithi("chaitra", "shukla", 1),
  /** Chaitra Shukla Trayodashi at sunrise. */
  "mahavir-jayanti": tithi("chaitra", "shukla", 13),
  /** Vaisakhi: the civil day on which the Sun enters sidereal Mesha. */
  "vaisakhi": sankrantiDay(MESHA, "civil"),
  /**
   * 25 Boishakh of the West Bengal calendar, whose Boishakh begins the day after the Mesha sankranti
   * (two days after when that falls after midnight); Bangladesh's revised calendar fixes May 8 instead.
   */
  "rabindra-jayanti": byYear((y) => [onDay(civilFromDays(solarMonthStart(MESHA, y, "midnight") + BOISHAKH_25))]),
  /**
   * Vesak, Buddha Purnima: Vaishakha Purnima covering madhyahna, which gives Sri Lanka's Vesak Poya;
   * India's Buddha Purnima takes the sunrise day, a day later in some years (2013, 2015, 2018, 2022).
   */
  "vesak": tithi("vaishakha", "shukla", 15, "midday"),
  /**
   * Raksha Bandhan: Shravana Purnima, on the day it still holds three muhurtas after sunrise, else the
   * day before (whose evening is past Bhadra).
   */
  "raksha-bandhan": tithi("shravana", "shukla", 15, "morning"),
  /**
   * Janmashtami: Shravana Krishna Ashtami (Bhadrapada in purnimanta) covering nishita, the later night
   * when it covers both (the Smarta date; ISKCON's Vaishnava date is often a day later).
   */
  "janmashtami": tithi("shravana", "krishna", 8, "midnight", "last"),
  /** Onam (Thiruvonam in Chingam). */
  "onam": onam,
  /** Ganesh Chaturthi: Bhadrapada Shukla Chaturthi in madhyahna, the midday it covers more. */
  "ganesh-chaturthi": tithi("bhadrapada", "shukla", 4, "midday"),
  /**
   * Navaratri, Durga Puja: the nine nights and Vijayadashami, from Ashvin Shukla Pratipada at sunrise
   * (Ghatasthapana) through Vijayadashami: [pratipada, Vijayadashami + 1).
   */
  "navaratri": byYear((y) => {
    const ends = vijayadashami(y);
    return navaratriStart(y).flatMap((start, i) => (ends[i] ? [daysFrom(start.start, addDays(ends[i].start, 1))] : []));
  }),
  /** Ashvin Shukla Saptami at sunrise. */
  "maha-saptami": tithi("ashvin", "shukla", 7),
  /** Vijayadashami, Dussehra: Ashvin Shukla Dashami in aparahna (see `dashamiDay`). */
  "vijayadashami": vijayadashami,
  /** Valmiki Jayanti (Pargat Diwas): Ashvin Purnima at sunrise. */
  "valmiki-jayanti": tithi("ashvin", "shukla", 15),
  /** Karva Chauth: Ashvin Krishna Chaturthi (Kartika in purnimanta) at moonrise. */
  "karva-chauth": tithi("ashvin", "krishna", 4, "moonrise"),
  /** Dhanteras: Ashvin Krishna Trayodashi in pradosh, the later evening when it touches two. */
  "dhanteras": tithi("ashvin", "krishna", 13, "pradosh", "last"),
  /**
   * Naraka Chaturdashi, Choti Diwali: Ashvin Krishna Chaturdashi in pradosh, the evening lamps before
   * Lakshmi Puja (the South Indian pre-dawn bath can fall a day later).
   */
  "naraka-chaturdashi": tithi("ashvin", "krishna", 14, "pradosh"),
  /** Diwali, Lakshmi Puja: Ashvin Amavasya in pradosh, the evening it covers more. */
  "diwali": tithi("ashvin", "krishna", 15, "pradosh"),
  /** Bhai Dooj: Kartika Shukla Dwitiya in aparahna, the afternoon it covers more. */
  "bhai-dooj": tithi("kartika", "shukla", 2, "afternoon"),
  /** Chhath (the day of the evening arghya): Kartika Shukla Shashthi at sunrise. */
  "chhath": tithi("kartika", "shukla", 6),
  /** Guru Gobind Singh Jayanti: Pausha Shukla Saptami at sunrise (can fall twice in a year). */
  "guru-gobind-singh-jayanti": tithi("pausha", "shukla", 7),
} satisfies Record<string, HolidayRule>;
