/**
 * Month-first dates: "Dec 3", "December 18th", "May 12, 2027", "February the 15th", with an optional weekday
 * before ("Thursday Dec 3", "Friday, December 18th") or after ("Jul 18, Fri").
 */
import { isValidDate } from "../../time/civil.js";
import { grammarFor, lookup, readNumber } from "../grammar.js";
import { monthWords, startsFor, triggerFor, weekdayWords } from "../triggers.js";
import type { LocaleConstants } from "../locales/types.js";
import { alignWeekday, fullYear, nextMonthDay } from "../resolve.js";
import type { Extractor } from "../types.js";
import { dateMention } from "./mention.js";

export function monthDayExtractor(locale: LocaleConstants): Extractor {
  const g = grammarFor(locale);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:(${g.weekday}),?\\s+(?:the\\s+)?)?(${g.month})\\s*(?:the\\s+)?(${g.dayNumber})(?![\\p{L}\\p{N}]|:\\d)(?:,?\\s+((?:19|20)\\d{2})(?!\\d|:))?(?:,?\\s+(${g.weekday})(?![\\p{L}]))?`,
    "giu",
  );
  return {
    name: "MonthDayExtractor",
    startsWith: startsFor(locale, "monthDay", () => [...weekdayWords(locale), ...monthWords(locale)]),
    trigger: triggerFor(locale, "month", () => monthWords(locale)),
    pattern,
    extract(ctx, m) {
      const month = lookup(locale.months, m[2]);
      const day = readNumber(locale, m[3]?.replace(/\.$/, ""));
      if (month === null || day === null || day < 1 || day > 31) return null;
      const weekdayText = m[1] ?? m[5];
      const weekday = weekdayText ? lookup(locale.weekdays, weekdayText) ?? undefined : undefined;
      let date = m[4] ? (isValidDate(Number(m[4]), month, day) ? { y: fullYear(m[4], ctx.today), m: month, d: day } : null) : nextMonthDay(ctx.today, month, day);
      if (!date) return null;
      date = alignWeekday(date, weekday, Boolean(m[4]));
      // "may 5" in lower case is still a date, but "May I" never reaches here (a day number is required).
      return dateMention("MonthDayExtractor", m, 0.95, { date, explicit: true, weekday });
    },
  };
}
