/**
 * One-off ordinal weekdays and days of a named month: "the third Wednesday of January", "last Monday of
 * March", "first tuesday in october 2014", "last day in october 2015", "the 5th last day of May".
 */
import { type CivilDate, compareDates, daysInMonth, nthWeekdayOfMonth } from "../../time/civil.js";
import { grammarFor, lookup, readNumber } from "../grammar.js";
import { monthNeedles, monthWords, startsFor, triggerFor } from "../triggers.js";
import type { LocaleConstants } from "../locales/types.js";
import type { Extractor } from "../types.js";
import { dateMention } from "./mention.js";

export function nthWeekdayExtractor(locale: LocaleConstants): Extractor {
  const g = grammarFor(locale);
  const nth = `(?:\\d(?:st|nd|rd|th)|${g.ordinalWord}|last)`;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:the\\s+)?(${nth})(\\s+last)?\\s+(${g.weekday}|day)\\s+(?:of|in)\\s+(${g.month})(?:,?\\s+((?:19|20)\\d{2}))?(?![\\p{L}\\p{N}])`,
    "giu",
  );
  return {
    name: "NthWeekdayExtractor",
    startsWith: startsFor(locale, "nthWeekday", () => ["the", "last", ...Object.keys(locale.ordinals)], true),
    trigger: triggerFor(locale, "month", () => monthWords(locale)),
    // Every form ends in "of"/"in" and a month name.
    holdsLater: monthNeedles(locale),
    pattern,
    extract(ctx, m) {
      const month = lookup(locale.months, m[4]);
      const n0 = m[1].toLowerCase() === "last" ? -1 : readNumber(locale, m[1]);
      if (month === null || n0 === null) return null;
      const n = m[2] ? -n0 : n0;
      const isDay = m[3].toLowerCase() === "day";
      const weekday = isDay ? null : lookup(locale.weekdays, m[3]);
      if (!isDay && weekday === null) return null;
      const resolve = (y: number): CivilDate | null => {
        if (isDay) {
          const dim = daysInMonth(y, month);
          const d = n > 0 ? n : dim + n + 1;
          return d >= 1 && d <= dim ? { y, m: month, d } : null;
        }
        return nthWeekdayOfMonth(y, month, weekday as number, n);
      };
      let date: CivilDate | null = null;
      if (m[5]) date = resolve(Number(m[5]));
      else {
        for (let y = ctx.today.y; y <= ctx.today.y + 2 && !date; y++) {
          const candidate = resolve(y);
          if (candidate && compareDates(candidate, ctx.today) >= 0) date = candidate;
        }
      }
      if (!date) return null;
      return dateMention("NthWeekdayExtractor", m, 0.9, { date, explicit: true, weekday: weekday ?? undefined });
    },
  };
}

