/** Day-first dates: "30 November", "15th february", "the 1st of march", "the third day of october", "18th Dec 2027". */
import { isValidDate } from "../../time/civil.js";
import { grammarFor, lookup, readNumber } from "../grammar.js";
import { monthNeedles, monthWords, startsFor, triggerFor, weekdayWords } from "../triggers.js";
import type { LocaleConstants } from "../locales/types.js";
import { alignWeekday, fullYear, nextMonthDay } from "../resolve.js";
import type { Extractor } from "../types.js";
import { dateMention } from "./mention.js";

export function dayMonthExtractor(locale: LocaleConstants): Extractor {
  const g = grammarFor(locale);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:(${g.weekday}),?\\s+)?(?:the\\s+)?(${g.dayNumber})(?:\\s+day)?(?:\\s+of|\\s*,)?\\s+(${g.month})(?![\\p{L}])(?:,?\\s+((?:19|20)\\d{2})(?!\\d|:))?`,
    "giu",
  );
  return {
    name: "DayMonthExtractor",
    startsWith: startsFor(locale, "dayMonth", () => ["the", ...weekdayWords(locale), ...Object.keys(locale.ordinals)], true),
    trigger: triggerFor(locale, "month", () => monthWords(locale)),
    // Every form ends in a month name, written after the day.
    holdsLater: monthNeedles(locale),
    pattern,
    extract(ctx, m) {
      const month = lookup(locale.months, m[3]);
      const day = readNumber(locale, m[2].replace(/\.$/, ""));
      if (month === null || day === null || day < 1 || day > 31) return null;
      // "2 mar" reads as a date, but a plain number before "may" ("I 2 may") is too weak: require a suffix or a capital.
      if (/^\d+$/.test(m[2]) && locale.ambiguousMonths.has(m[3].toLowerCase()) && m[3] === m[3].toLowerCase() && !m[1]) {
        if (!/^(mar|jan|jun|aug|dec|oct|sep)$/i.test(m[3])) return null;
      }
      const weekday = m[1] ? lookup(locale.weekdays, m[1]) ?? undefined : undefined;
      let date = m[4] ? (isValidDate(Number(m[4]), month, day) ? { y: fullYear(m[4], ctx.today), m: month, d: day } : null) : nextMonthDay(ctx.today, month, day);
      if (!date) return null;
      date = alignWeekday(date, weekday, Boolean(m[4]));
      return dateMention("DayMonthExtractor", m, 0.95, { date, explicit: true, weekday: weekday });
    },
  };
}
