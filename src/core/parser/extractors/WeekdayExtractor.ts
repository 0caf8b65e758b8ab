/**
 * Weekdays, alone or qualified: "Monday", "this Friday", "next Friday", "Friday next week", "next week
 * Tuesday", "wednesday of next week", "friday after next", "3 fridays from now", "Saturday night".
 * A bare weekday is the next such day after today; "this" is the current week's; "next" the following week's.
 */
import { addDays } from "../../time/civil.js";
import { alternation, grammarFor, lookup, readNumber } from "../grammar.js";
import { startsFor, triggerFor, weekdayWords, wordsOfSource } from "../triggers.js";
import type { LocaleConstants } from "../locales/types.js";
import { nextWeekday, weekdayOfWeek } from "../resolve.js";
import type { Daypart, Extractor } from "../types.js";
import { dateMention, textBefore } from "./mention.js";

export function weekdayExtractor(locale: LocaleConstants): Extractor {
  const g = grammarFor(locale);
  const parts = alternation(["morning", "afternoon", "evening", "night", "afternoonish", "early in the morning", "in the early hours of the morning", "in the morning", "in the afternoon", "in the evening"]);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:(${g.count})\\s+(${g.weekday}|${g.weekdayPlural})s?\\s+from\\s+(?:now|today)|(?:(${locale.words.this}|${locale.words.next}|${locale.words.nearest})\\s+)?(?:(next\\s+week|this\\s+week)\\s+)?(${g.weekday})(?:\\s+(next\\s+week|this\\s+week|of\\s+next\\s+week|of\\s+this\\s+week|after\\s+next|of\\s+the\\s+following\\s+week))?)(?:\\s+(${parts}))?(?![\\p{L}\\p{N}])`,
    "giu",
  );
  const nextWords = new RegExp(`^(?:${locale.words.next})$`, "i");
  const thisWords = new RegExp(`^(?:${locale.words.this})$`, "i");
  return {
    name: "WeekdayExtractor",
    // Of the forms, only "3 Fridays from now" begins with a digit (a count), and it holds "from".
    digitsHoldLater: ["from"],
    startsWith: startsFor(locale, "weekday", () => [...wordsOfSource(locale.words.this), ...wordsOfSource(locale.words.next), ...wordsOfSource(locale.words.nearest), "the", ...weekdayWords(locale), ...Object.keys(locale.numbers)], true),
    trigger: triggerFor(locale, "weekday", () => weekdayWords(locale)),
    pattern,
    extract(ctx, m) {
      const dayText = m[2] ?? m[5];
      let weekday = lookup(locale.weekdays, dayText) ?? lookup(locale.weekdayPlurals, dayText) ?? lookup(locale.weekdays, dayText.replace(/s$/i, ""));
      if (weekday === null) return null;
      const after = ctx.text.slice(m.index + m[0].length);
      // "sat" / "sun" / "wed" in lower case are words unless a date or time follows.
      if (!m[1] && !m[3] && !m[4] && !m[6] && locale.ambiguousWeekdays.has(dayText.toLowerCase()) && dayText === dayText.toLowerCase()) {
        const before = textBefore(ctx, m.index, 8);
        const atPhraseStart = m.index === 0 || /[.!?;:,|\n(]\s*$/.test(before) || (before.trim() === "" && m.index <= before.length);
        if (!atPhraseStart && /^\s+[a-z]{3,}/.test(after) && !/^\s+(at|from|the|morning|evening|night|afternoon|noon|\d)/i.test(after)) return null;
        if (dayText.length <= 2) return null;
      }
      let confidence = 0.85;
      let date;
      if (m[1]) {
        const n = readNumber(locale, m[1]);
        if (n === null || n < 1 || n > 52) return null;
        date = addDays(nextWeekday(ctx.today, weekday), (n - 1) * 7);
        confidence = 0.85;
      } else {
        const pre = m[3]?.toLowerCase().replace(/\s+/g, " ");
        const week = (m[4] ?? m[6])?.toLowerCase().replace(/\s+/g, " ");
        if (week === "after next") {
          date = addDays(nextWeekday(ctx.today, weekday), 7);
        } else if (week && /next|following/.test(week)) {
          date = weekdayOfWeek(ctx.today, weekday, 1);
          confidence = 0.85;
        } else if (week && /this/.test(week)) {
          date = weekdayOfWeek(ctx.today, weekday, 0);
        } else if (pre && nextWords.test(pre)) {
          date = weekdayOfWeek(ctx.today, weekday, 1);
          confidence = 0.7; // "next Friday" is read two ways by people; we take the following week's.
        } else if (pre && thisWords.test(pre)) {
          date = weekdayOfWeek(ctx.today, weekday, 0);
          if (date.y * 400 + date.m * 32 + date.d < ctx.today.y * 400 + ctx.today.m * 32 + ctx.today.d) date = addDays(date, 7);
        } else if (pre) {
          date = nextWeekday(ctx.today, weekday);
        } else {
          date = nextWeekday(ctx.today, weekday);
        }
      }
      weekday = weekday as number;
      const partWord = m[7]?.toLowerCase();
      const daypart: Daypart | undefined = partWord ? (/morning/.test(partWord) ? "morning" : /afternoon/.test(partWord) ? "afternoon" : /evening/.test(partWord) ? "evening" : "night") : undefined;
      const soft = !m[1] && !m[3] && !m[4] && !m[6];
      return dateMention("WeekdayExtractor", m, confidence, { date, explicit: false, soft, weekday, daypart });
    },
  };
}
