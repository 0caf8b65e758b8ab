/** Civic and popular holidays on the Gregorian calendar (US federal and common US/Western observances). */
import { addDays, weekdayOf } from "../../time/civil.js";
import { type HolidayRule, daysAfter, fixedDay, MON, nthWeekday, onDay, SAT, SUN, THU } from "../span.js";

const thanksgiving = nthWeekday(11, THU, 4);

/**
 * Boss's Day: October 16, or the nearest weekday when that is a weekend (Saturday → Friday 15,
 * Sunday → Monday 17), which gives 2016-10-17.
 */
const bossesDay: HolidayRule = (y) => {
  const date = { y, m: 10, d: 16 };
  const weekday = weekdayOf(date);
  return [onDay(weekday === SAT ? addDays(date, -1) : weekday === SUN ? addDays(date, 1) : date)];
};

/** Civic holiday rules by key. Dates are the days themselves, not "observed" substitute days. */
export const civicRules = {
  "new-years-day": fixedDay(1, 1),
  /** Third Monday of January. */
  "mlk-day": nthWeekday(1, MON, 3),
  "groundhog-day": fixedDay(2, 2),
  "valentines-day": fixedDay(2, 14),
  /** Washington's Birthday: third Monday of February. */
  "presidents-day": nthWeekday(2, MON, 3),
  "st-patricks-day": fixedDay(3, 17),
  "earth-day": fixedDay(4, 22),
  /** Second Sunday of May (US, Canada, Germany, …; the UK's Mothering Sunday is not this). */
  "mothers-day": nthWeekday(5, SUN, 2),
  /** Last Monday of May. */
  "memorial-day": nthWeekday(5, MON, -1),
  /** Third Sunday of June. */
  "fathers-day": nthWeekday(6, SUN, 3),
  "juneteenth": fixedDay(6, 19),
  "independence-day": fixedDay(7, 4),
  /** First Monday of September. */
  "labor-day": nthWeekday(9, MON, 1),
  /** Columbus Day / Indigenous Peoples' Day: second Monday of October. */
  "columbus-day": nthWeekday(10, MON, 2),
  "bosses-day": bossesDay,
  "halloween": fixedDay(10, 31),
  "veterans-day": fixedDay(11, 11),
  /** Fourth Thursday of November. */
  "thanksgiving": thanksgiving,
  /** The day after Thanksgiving (not always the fourth Friday). */
  "black-friday": daysAfter(thanksgiving, 1),
  /** The Monday after Thanksgiving. */
  "cyber-monday": daysAfter(thanksgiving, 4),
  "christmas-eve": fixedDay(12, 24),
  "christmas": fixedDay(12, 25),
  "boxing-day": fixedDay(12, 26),
  "new-years-eve": fixedDay(12, 31),
} satisfies Record<string, HolidayRule>;
