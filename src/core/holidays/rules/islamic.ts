/**
 * Islamic holidays by the Umm al-Qura calendar (Saudi Arabia's tabulated calendar, as ICU ships it).
 * Dates are the day itself, not its eve. Local sighting-based observance can differ by a day or two.
 */
import { addDays, civilFromDays, weekdayOf } from "../../time/civil.js";
import { lunarDatesInYear, lunarMonthsStartingIn } from "../lunar.js";
import { type HolidayRule, daysFrom, FRI, onDay } from "../span.js";

/** Islamic months, numbered as Intl prints them. */
const MUHARRAM = 1;
const RABI_AL_AWWAL = 3;
const RAJAB = 7;
const RAMADAN = 9;
const SHAWWAL = 10;
const DHU_AL_HIJJAH = 12;

/** Day `day` of month `month`; can occur twice in one Gregorian year. */
function hijri(month: number, day: number): HolidayRule {
  return (y) => lunarDatesInYear("islamic-umalqura", String(month), day, y).map(onDay);
}

const eidAlFitr = hijri(SHAWWAL, 1);

/** Islamic holiday rules by key. */
export const islamicRules = {
  /** 1 Muharram. */
  "islamic-new-year": hijri(MUHARRAM, 1),
  /** 10 Muharram. */
  "ashura": hijri(MUHARRAM, 10),
  /** 12 Rabi' al-awwal. */
  "mawlid": hijri(RABI_AL_AWWAL, 12),
  /** 27 Rajab. */
  "isra-miraj": hijri(RAJAB, 27),
  /** 1 Ramadan up to, not including, 1 Shawwal. */
  "ramadan": (y) =>
    lunarMonthsStartingIn("islamic-umalqura", String(RAMADAN), y).map((m) =>
      daysFrom(civilFromDays(m.startDay), civilFromDays(m.startDay + m.length)),
    ),
  /** 27 Ramadan. */
  "laylat-al-qadr": hijri(RAMADAN, 27),
  /** The last Friday of Ramadan: the last Friday strictly before Eid al-Fitr (belongs to the year of that Eid). */
  "jumuatul-wida": (y) =>
    eidAlFitr(y).map(({ start: eid }) => onDay(addDays(eid, -((weekdayOf(eid) - FRI + 7) % 7 || 7)))),
  /** 1 Shawwal. */
  "eid-al-fitr": eidAlFitr,
  /** 10 Dhu al-Hijjah. */
  "eid-al-adha": hijri(DHU_AL_HIJJAH, 10),
} satisfies Record<string, HolidayRule>;
