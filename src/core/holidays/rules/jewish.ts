/**
 * Jewish holidays, read in the Hebrew calendar. A Jewish day starts at sundown, and these rules follow
 * the convention that a holiday is reported from its eve: the Gregorian day before its first full day
 * (Yom Kippur 5779, 10 Tishri = 2018-09-19, is 2018-09-18). Multi-day festivals use the diaspora length.
 * An occurrence belongs to the Gregorian year of its first full day.
 */
import { type CivilDate, addDays, weekdayOf } from "../../time/civil.js";
import { type HebrewMonth, lunarDatesInYear } from "../lunar.js";
import { type HolidayRule, daysFrom, FRI, MON, onDay, SAT, SUN } from "../span.js";

/** Days to move a date by, given its weekday (for the Israeli rules that avoid Shabbat). */
type WeekdayShift = Partial<Record<number, number>>;

const firstDays = (month: HebrewMonth, day: number, y: number): CivilDate[] => lunarDatesInYear("hebrew", month, day, y);

/** A one-day observance on `day month` (moved by `shift`), reported as its eve. */
function eve(month: HebrewMonth, day: number, shift: WeekdayShift = {}): HolidayRule {
  return (y) =>
    firstDays(month, day, y).map((date) => onDay(addDays(date, (shift[weekdayOf(date)] ?? 0) - 1)));
}

/** A festival of `fullDays` days from `day month`: [eve, first day + fullDays). */
function festival(month: HebrewMonth, day: number, fullDays: number): HolidayRule {
  return (y) => firstDays(month, day, y).map((date) => daysFrom(addDays(date, -1), addDays(date, fullDays)));
}

/** Jewish holiday rules by key. */
export const jewishRules = {
  /** 1–2 Tishri. */
  "rosh-hashanah": festival("Tishri", 1, 2),
  /** 10 Tishri. */
  "yom-kippur": eve("Tishri", 10),
  /** 15–22 Tishri: the seven days of Sukkot and Shemini Atzeret (2018: 09-23 to 10-02 exclusive). */
  "sukkot": festival("Tishri", 15, 8),
  /** 22 Tishri. */
  "shemini-atzeret": eve("Tishri", 22),
  /** 23 Tishri, the diaspora date (22 Tishri in Israel). */
  "simchat-torah": eve("Tishri", 23),
  /**
   * The eight nights of candle-lighting, from the eve of 25 Kislev: [eve, eve + 8). The daytime of the
   * eighth day is left out (2018: 12-02 to 12-10 exclusive, the eighth day being 12-10).
   */
  "hanukkah": (y) => firstDays("Kislev", 25, y).map((date) => daysFrom(addDays(date, -1), addDays(date, 7))),
  /** 15 Shevat. */
  "tu-bishvat": eve("Shevat", 15),
  /** 14 Adar (Adar II in a leap year). */
  "purim": eve("Adar", 14),
  /** 15–22 Nisan. */
  "passover": festival("Nisan", 15, 8),
  /** 27 Nisan; on a Friday it moves to Thursday, on a Sunday to Monday (Israeli law since 1997). */
  "yom-hashoah": eve("Nisan", 27, { [FRI]: -1, [SUN]: 1 }),
  /**
   * 5 Iyar; on a Friday or Saturday it moves back to Thursday, on a Monday forward to Tuesday (the
   * Monday rule applies since 2004).
   */
  "yom-haatzmaut": eve("Iyar", 5, { [FRI]: -1, [SAT]: -2, [MON]: 1 }),
  /** 18 Iyar. */
  "lag-baomer": eve("Iyar", 18),
  /** 6–7 Sivan. */
  "shavuot": festival("Sivan", 6, 2),
  /** 9 Av, postponed to Sunday when it falls on Shabbat. */
  "tisha-bav": eve("Av", 9, { [SAT]: 1 }),
} satisfies Record<string, HolidayRule>;
