/**
 * Times of day: "3pm", "4:30p", "9 a.m.", "18:30", "15h30", "noon", "midnight", "8ish", "half past 3",
 * "a quarter to noon", "seven thirty p.m.", "19 Uhr"; and bare hours ("at 8", "@ 10", "around 7:30") when a
 * connector says they are times.
 */
import { startsFor, triggerFor, wordsOfSource } from "../triggers.js";
import type { LocaleConstants } from "../locales/types.js";
import { AFTER_HOUR, readTime, TIME_LETTERS_AFTER, TIME_WORDS_AFTER_SPACE, type TimeStarts, timeGrammarFor, timeMayStartAt } from "../timeGrammar.js";
import type { Extractor } from "../types.js";
import { makeTime, spanOf, textBefore } from "./mention.js";

export function timeExtractor(locale: LocaleConstants): Extractor {
  const t = timeGrammarFor(locale);
  const lead = `(?:(?:${locale.words.at})\\s*)`;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}:.,/])(?:${lead}?(?:(?:about|around|approx\\.?|approximately|~)\\s*)?(${t.explicit})|${lead}(${t.bare}))(?![\\p{L}\\p{N}]|[:/]\\d|[.,]\\d)`, "giu");
  // What may begin a time here: the hour digits and what follows them, and the connectors of `lead`.
  const starts: TimeStarts = { after: AFTER_HOUR, lettersAfter: TIME_LETTERS_AFTER, wordsAfterSpace: TIME_WORDS_AFTER_SPACE, symbolsAfterSpace: new Set(), leads: new Set(wordsOfSource(locale.words.at)) };
  return {
    name: "TimeExtractor",
    startsWith: startsFor(locale, "time", () => [...wordsOfSource(locale.words.at), "about", "around", "approx", "approximately", "noon", "midnight", "midday", "mid", "the", "half", "quarter", "a", "twenty", "ten", "five", "one", "two", "three", "four", "six", "seven", "eight", "nine", "eleven", "twelve"], true, "@~"),
    trigger: triggerFor(locale, "time", () => ["noon", "midnight", "midday", "mid-day", "mid-night", "half", "quarter", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"], true),
    pattern,
    mayStartAt: (lower, at) => timeMayStartAt(lower, at, starts),
    extract(ctx, m) {
      const timeText = m[1] ?? m[2];
      const time = readTime(timeText);
      if (!time) return null;
      const span = spanOf(m);
      // The span covers the time itself; the connector before it is left for the title cleaner.
      const offset = m[0].indexOf(timeText);
      const start = m.index + offset;
      const bare = m[2] !== undefined;
      const approx = /about|around|approx|~|ish/i.test(m[0]);
      if (approx) time.approx = true;
      // A bare number after "by"/"before"/"after" is more often a quantity than a time unless it looks like one.
      if (bare && /^(by|after|before|from|until|till|til)\b/i.test(m[0].trim()) && /^\d{1,2}$/.test(timeText.trim()) && !/^(from|until|till|til)/i.test(m[0].trim())) return null;
      // "9 tomorrow" is a time only where a phrase starts ("Room 9 tomorrow" is a room).
      if (!bare && /^\d{1,2}$/.test(timeText.trim()) && !time.is24h && !time.meridiem) {
        const before = textBefore(ctx, start).trimEnd();
        const word = /([\p{L}]+)$/u.exec(before)?.[1]?.toLowerCase();
        if (word && !ctx.locale.connectors.has(word)) return null;
      }
      // "at 500 Market St": a number before a name on the same line is a street number when it has three
      // digits or more, or when a street word follows ("at 5 Main St").
      if (bare && /^\d{1,4}$/.test(timeText.trim())) {
        const rest = ctx.text.slice(span.end);
        const named = /^[ \t]+[\p{Lu}][\p{L}.'’]*(?:[ \t]|$)/u.test(rest) && !/^[ \t]+(?:AM|PM|A\.M|P\.M|UTC|GMT|[A-Z]{2,4}T)\b/.test(rest);
        const street = /^[ \t]+(?:[\p{L}\d.'’-]+[ \t]+){0,3}(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|way|place|pl|plaza|square|court|ct|parkway|pkwy)\b/iu.test(rest);
        if ((named && timeText.trim().length >= 3) || street) return null;
      }
      const confidence = time.meridiem || time.is24h || time.midnight ? (approx ? 0.8 : 0.95) : 0.6;
      return makeTime("TimeExtractor", { start, end: span.end, text: ctx.text.slice(start, span.end) }, confidence, { time, soft: /^(the\s+)?(noon|midnight|midday)$/i.test(timeText.trim()) });
    },
  };
}
