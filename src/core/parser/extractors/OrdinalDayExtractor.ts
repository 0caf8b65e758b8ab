/**
 * A day of the month without a month: "the 5th", "on the first", "Saturday the 28th", "Tuesday 19th",
 * "20 of next month", "the 20th day of this month". "The 2nd edition" is not a date: the ordinal must be
 * followed by the end of the phrase, punctuation, a time or a date word.
 */
import { addMonths, type CivilDate, isValidDate, weekdayOf } from "../../time/civil.js";
import { grammarFor, lookup, readNumber } from "../grammar.js";
import { startsFor, triggerFor, weekdayWords } from "../triggers.js";
import type { LocaleConstants } from "../locales/types.js";
import { nextDayOfMonth } from "../resolve.js";
import type { Extractor } from "../types.js";
import { dateMention } from "./mention.js";
import { isDigitCode, isJsSpace, skipSpace, wordEnd, wordThen } from "../textScan.js";

const FOLLOWERS = /^\s*(?:$|[,.;:!?)|\-–—(]|(?:at|from|to|through|until|till|and|of|for|monthly|every|each|starting|@|noon|midnight|in\s+the|between)(?![\p{L}])|\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\b|[ap]\b)|\d{1,2}:\d\d)/iu;

/**
 * Whether an ordinal can begin at `i` (read on the lower-cased text): one or two digits followed by a
 * suffix ("28th"), or followed by the end or a comma after white space ("Tuesday 19,"); or a letter that
 * begins an ordinal word (`firstLetters`).
 */
function ordinalCanBeginAt(lower: string, i: number, firstLetters: string): boolean {
  let end = i;
  while (end < lower.length && end - i <= 2 && isDigitCode(lower.charCodeAt(end))) end++;
  if (end === i) return i < lower.length && firstLetters.includes(lower[i]);
  if (end - i > 2) return false;
  for (const suffix of SUFFIXES) if (lower.startsWith(suffix, end)) return true;
  const k = skipSpace(lower, end);
  return k === lower.length || lower[k] === ",";
}

/**
 * For a start at a weekday word: the word, perhaps "." and ",", white space, perhaps "the" and white space,
 * then an ordinal, as the weekday form of the pattern reads it. A necessary condition (see `mayStartAt`).
 */
function ordinalAfterWeekday(lower: string, at: number, firstLetters: string): boolean {
  let j = wordEnd(lower, at);
  if (lower[j] === ".") j++;
  if (lower[j] === ",") j++;
  if (j >= lower.length || !isJsSpace(lower.charCodeAt(j))) return false;
  const i = skipSpace(lower, j);
  if (ordinalCanBeginAt(lower, i, firstLetters)) return true;
  return lower.startsWith("the", i) && isJsSpace(lower.charCodeAt(i + 3)) && ordinalCanBeginAt(lower, skipSpace(lower, i + 3), firstLetters);
}

/** What may follow the digits of an ordinal ("5th"). */
const SUFFIXES = ["st", "nd", "rd", "th"];

export function ordinalDayExtractor(locale: LocaleConstants): Extractor {
  const g = grammarFor(locale);
  const ordinal = `(?:\\d{1,2}(?:st|nd|rd|th)|${g.ordinalWord})`;
  const afterThe = "0123456789" + g.ordinalWords.map((w) => w[0]).join("");
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:(?:(${g.weekday}),?\\s+)(?:the\\s+)?(${ordinal}|\\d{1,2}(?=\\s*$|\\s*,))|the\\s+(${ordinal})|(\\d{1,2}(?:st|nd|rd|th)?)(?:\\s+day)?\\s+of\\s+(this|next|the\\s+next|the\\s+following)\\s+month|the\\s+(${ordinal})\\s+day\\s+of\\s+(this|next)\\s+month)(?![\\p{L}\\p{N}])`,
    "giu",
  );
  return {
    name: "OrdinalDayExtractor",
    startsWith: startsFor(locale, "ordinalDay", () => ["the", ...weekdayWords(locale)], true),
    trigger: triggerFor(locale, "ordinal", () => ["the", "of", ...weekdayWords(locale)]),
    // Of the forms, only "20 of next month" begins with a digit, and it ends in "month".
    digitsHoldLater: ["month"],
    pattern,
    // The forms that begin with "the" go on with an ordinal: "the 5th", "the first". The form that begins
    // with a weekday goes on with white space and an ordinal, perhaps after "the" ("Saturday the 28th",
    // "Tuesday 19th"): most weekdays are followed by something else ("Friday at 7", "Monday 9am").
    mayStartAt: (lower, at) => {
      if (isDigitCode(lower.charCodeAt(at))) return true;
      if (lower.startsWith("the", at)) return wordThen(lower, at, "the", afterThe);
      return ordinalAfterWeekday(lower, at, afterThe);
    },
    extract(ctx, m) {
      const dayText = m[2] ?? m[3] ?? m[4] ?? m[6];
      const day = readNumber(locale, dayText);
      if (day === null || day < 1 || day > 31) return null;
      const monthWord = (m[5] ?? m[7])?.toLowerCase();
      if (monthWord) {
        const offset = monthWord === "this" ? 0 : 1;
        const first = addMonths({ y: ctx.today.y, m: ctx.today.m, d: 1 }, offset);
        if (!isValidDate(first.y, first.m, day)) return null;
        return dateMention("OrdinalDayExtractor", m, 0.9, { date: { y: first.y, m: first.m, d: day }, explicit: true, dayOfMonth: day });
      }
      if (!m[1] && !FOLLOWERS.test(ctx.text.slice(m.index + m[0].length))) return null;
      const weekday = m[1] ? lookup(locale.weekdays, m[1]) ?? undefined : undefined;
      let date: CivilDate | null = nextDayOfMonth(ctx.today, day);
      // "Saturday the 28th": the next 28th that falls on a Saturday.
      for (let i = 0; date && weekday !== undefined && weekdayOf(date) !== weekday && i < 24; i++) {
        date = nextDayOfMonth(addMonths({ y: date.y, m: date.m, d: 1 }, 1), day);
      }
      if (!date) return null;
      return dateMention("OrdinalDayExtractor", m, weekday !== undefined ? 0.9 : 0.8, { date, explicit: weekday !== undefined, dayOfMonth: day, weekday });
    },
  };
}
