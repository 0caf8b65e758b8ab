/**
 * Time ranges: "2-4pm", "9pm-1am", "from 10 to 2", "between 9h30 and 11h00", "8:30–9:15am", "noon-6pm",
 * "from 3 to 4 in the PM". A bare-number range ("5-7") is weak: it only counts beside a date.
 */
import { startsFor, triggerFor } from "../triggers.js";
import type { LocaleConstants } from "../locales/types.js";
import { AFTER_HOUR, readTime, TIME_LETTERS_AFTER, TIME_WORDS_AFTER_SPACE, type TimeStarts, timeGrammarFor, timeMayStartAt } from "../timeGrammar.js";
import type { Extractor } from "../types.js";
import { makeTime, textBefore } from "./mention.js";

/**
 * What may follow the hour digits of a range's first time: what follows a time's (`AFTER_HOUR`), or the
 * first code unit of a joiner ("-", "–", "—", "to", "until", "through", "and", "but before"), the bare hour
 * "5-7" being a form of its own.
 */
const AFTER_RANGE_HOUR: ReadonlySet<number> = new Set([...AFTER_HOUR, ..."-–—tuab".split("").map((c) => c.charCodeAt(0))]);

/**
 * What may begin a range: after "9 ", a word of a time ("9 pm") or a joiner ("9 to 11", "9 - 11"); and the
 * words the pattern puts before a range ("from 9", "between 9", "later than 9", "after 9").
 */
const RANGE_STARTS: TimeStarts = {
  after: AFTER_RANGE_HOUR,
  lettersAfter: [...TIME_LETTERS_AFTER, "to", "til", "thr", "un", "and", "but"],
  wordsAfterSpace: new Map([...TIME_WORDS_AFTER_SPACE, ...["until", "untill", "till", "til", "through", "thru", "and", "but"].map((w): [string, null] => [w, null])]),
  symbolsAfterSpace: new Set([..."-–—"].map((c) => c.charCodeAt(0))),
  leads: new Set(["from", "between", "later", "after"]),
};

export function timeRangeExtractor(locale: LocaleConstants): Extractor {
  const t = timeGrammarFor(locale);
  const one = `(?:${t.explicit}|\\d{1,2}(?::[0-5]\\d)?|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))`;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}:.,/])(?:(from|between|later\\s+than|after)\\s+)?(${one})\\s*(-|–|—|to|until|untill|till|til|through|thru|and|but\\s+before|and\\s+before)\\s*(${one})(?:\\s+in\\s+the\\s+(am|pm|morning|afternoon|evening))?(?:\\s*(ish))?(?![\\p{L}\\p{N}]|[:/]\\d|[.,]\\d)`,
    "giu",
  );
  return {
    name: "TimeRangeExtractor",
    startsWith: startsFor(locale, "timeRange", () => ["from", "between", "later", "after", "noon", "midnight", "midday", "mid", "the", "half", "quarter", "a", "twenty", "ten", "five", "one", "two", "three", "four", "six", "seven", "eight", "nine", "eleven", "twelve"], true),
    trigger: triggerFor(locale, "time", () => ["noon", "midnight", "midday", "mid-day", "mid-night", "half", "quarter", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"], true),
    // Every range holds its joiner ("to", "-", "and"…); "til" also covers "until", "untill" and "till".
    holdsLater: ["-", "–", "—", "to", "til", "through", "thru", "and", "but"],
    pattern,
    mayStartAt: (lower, at) => timeMayStartAt(lower, at, RANGE_STARTS),
    extract(ctx, m) {
      const joiner = m[3].toLowerCase();
      if (joiner === "and" && m[1]?.toLowerCase() !== "between") return null;
      if (/before/.test(joiner) && !/later|after/i.test(m[1] ?? "")) return null;
      const start = readTime(m[2]);
      const end = readTime(m[4]);
      if (!start || !end) return null;
      const bareStart = /^\d{1,2}$|^[a-z]+$/i.test(m[2].trim());
      const bareEnd = /^\d{1,2}$|^[a-z]+$/i.test(m[4].trim());
      const suffix = m[5]?.toLowerCase();
      if (suffix) {
        const mer = suffix === "am" || suffix === "morning" ? "am" : "pm";
        if (!start.meridiem && !start.is24h) start.meridiem = mer;
        if (!end.meridiem && !end.is24h) end.meridiem = mer;
      }
      // "May 12-14" and "1-8 september" are days, not hours; "12/1 - 6:00" is a date and a time.
      const after = ctx.text.slice(m.index + m[0].length);
      const before = textBefore(ctx, m.index);
      if (bareStart && bareEnd && !m[1] && !suffix) {
        if (/^\s*,?\s*(?:\d{4}|[a-z]{3,}\.?\s*\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)/i.test(after)) return null;
        if (/(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$/i.test(before)) return null;
      }
      if ((bareStart || /^\d{1,2}(?::\d\d)?$/.test(m[2].trim())) && /[/.]\s*$/.test(before)) return null;
      const weak = bareStart && bareEnd && !m[1] && !suffix;
      if (weak && /^\s*(?:%|years?|yrs?|people|persons|kids|guests|players|min|minutes|hours|days|weeks|km|miles|mi|lbs?|kg|x\b)/i.test(after)) return null;
      if (m[3] === "to" && bareStart && bareEnd && !m[1] && !/\b(?:at|around|from)\s*$/i.test(before)) return null;
      const startIndex = m.index + (m[0].length - m[0].trimStart().length);
      const confidence = weak ? 0.55 : start.meridiem || end.meridiem || start.is24h || end.is24h ? 0.95 : 0.7;
      return makeTime("TimeRangeExtractor", { start: startIndex, end: m.index + m[0].length, text: ctx.text.slice(startIndex, m.index + m[0].length) }, confidence, { time: start, endTime: end, weak });
    },
  };
}
