/**
 * Monthly and yearly rules tied to a day: "first Sunday of every month", "last Thursday of each month",
 * "the 1st of every month", "every month on the 15th", "every June 14".
 */
import { grammarFor, lookup, readNumber } from "../grammar.js";
import { startsFor, triggerFor } from "../triggers.js";
import type { LocaleConstants } from "../locales/types.js";
import type { Extractor } from "../types.js";
import { makeRecurrence, newRule, spanOf } from "./mention.js";
import { DAY_CODES } from "./weekdayList.js";

export function monthlyRecurrenceExtractor(locale: LocaleConstants): Extractor {
  const g = grammarFor(locale);
  const nth = `(?:\\d(?:st|nd|rd|th)|${g.ordinalWord}|last|second\\s+to\\s+last)`;
  const every = `(?:every|each|the|a)`;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:(?:on\\s+)?(?:the\\s+|every\\s+|each\\s+)?(${nth})\\s+(${g.weekday})\\s+(?:of|in)\\s+${every}\\s+month` +
      `|(?:on\\s+)?(?:the\\s+)?(${g.dayNumber}(?:\\s*(?:,|and|&)\\s*(?:the\\s+)?${g.dayNumber})*)\\s+(?:day\\s+)?of\\s+(?:every|each|the)\\s+month` +
      `|(?:every|each)\\s+month\\s+on\\s+the\\s+(${g.dayNumber})` +
      `|(?:every|each)\\s+(${g.month})\\s+(${g.dayNumber}))(?![\\p{L}\\p{N}])`,
    "giu",
  );
  return {
    name: "MonthlyRecurrenceExtractor",
    startsWith: startsFor(locale, "monthly", () => ["on", "the", "every", "each", "last", "second", ...Object.keys(locale.ordinals)], true),
    trigger: triggerFor(locale, "monthly", () => ["month", "every", "each"]),
    // The forms that begin with a digit ("2nd Tuesday of every month", "15th of each month") end in "month".
    digitsHoldLater: ["month"],
    pattern,
    extract(_ctx, m) {
      if (m[1]) {
        const n = /last/i.test(m[1]) ? (/second/i.test(m[1]) ? -2 : -1) : readNumber(locale, m[1]);
        const weekday = lookup(locale.weekdays, m[2]);
        if (n === null || weekday === null || n > 5 || n === 0) return null;
        const rule = newRule("MONTHLY");
        rule.byDay = [`${n}${DAY_CODES[weekday]}`];
        return makeRecurrence("MonthlyRecurrenceExtractor", spanOf(m), 0.95, rule);
      }
      if (m[5]) {
        const month = lookup(locale.months, m[5]);
        const day = readNumber(locale, m[6]);
        if (month === null || day === null || day < 1 || day > 31) return null;
        const rule = newRule("YEARLY");
        rule.byMonth = month;
        rule.byMonthDay = day;
        return makeRecurrence("MonthlyRecurrenceExtractor", spanOf(m), 0.95, rule);
      }
      const dayTexts = m[3] ? m[3].split(/\s*(?:,|and|&)\s*(?:the\s+)?/i) : [m[4]];
      const days = dayTexts.map((t) => readNumber(locale, t.trim()));
      if (days.some((d) => d === null || d < 1 || d > 31)) return null;
      const sorted = [...new Set(days as number[])].sort((a, b) => a - b);
      const rule = newRule("MONTHLY");
      rule.byMonthDay = sorted[0];
      rule.byMonthDays = sorted.length > 1 ? sorted : undefined;
      return makeRecurrence("MonthlyRecurrenceExtractor", spanOf(m), 0.95, rule);
    },
  };
}
