/** Regex building blocks made from a locale's vocabulary, shared by the extractors (built once per locale). */
import type { LocaleConstants } from "./locales/types.js";

/** Escapes a word for use inside a RegExp source. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** An alternation of the words, longest first so that "sept" wins over "sep". */
export function alternation(words: Iterable<string>): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRegex(w).replace(/ /g, "\\s+"))
    .join("|");
}

export interface Grammar {
  /** Weekday name or abbreviation (optionally followed by a dot). */
  weekday: string;
  weekdayPlural: string;
  month: string;
  /** A day-of-month as digits with optional ordinal suffix, or an ordinal word. */
  dayNumber: string;
  ordinalWord: string;
  numberWord: string;
  /** A count: digits or a number word. */
  count: string;
  meridiem: string;
  zone: string;
}

const cache = new Map<string, Grammar>();

/** The grammar of a locale (cached: extractors are built from it once). */
export function grammarFor(locale: LocaleConstants): Grammar {
  const hit = cache.get(locale.code);
  if (hit) return hit;
  const ordinalWords = Object.keys(locale.ordinals).filter((w) => /[a-z]/i.test(w) && !/last/.test(w));
  const numberWords = Object.keys(locale.numbers);
  const grammar: Grammar = {
    weekday: `(?:${alternation(Object.keys(locale.weekdays).map((w) => w.replace(/\.$/, "")))})\\.?`,
    weekdayPlural: alternation(Object.keys(locale.weekdayPlurals)),
    month: `(?:${alternation(Object.keys(locale.months).map((w) => w.replace(/\.$/, "")))})\\.?`,
    dayNumber: `(?:\\d{1,2}(?:st|nd|rd|th|\\.)?|${alternation(ordinalWords)})`,
    ordinalWord: alternation(ordinalWords),
    numberWord: alternation(numberWords),
    count: `(?:\\d+|${alternation(numberWords)})`,
    // "a.m.", "a. m", "am", "a m", "a", "a." and the same with "p", written with the letter first: the same
    // alternatives in the same order as "a\\.\\s?m\\.?|p\\.\\s?m\\.?|am\\b|…", which V8 compiled to
    // several times the machine code (each alternative repeated the letter tests), in every time pattern.
    meridiem: "(?:[ap](?:\\.\\s?m\\.?|\\s?m\\b|\\b\\.?))",
    zone: alternation(Object.keys(locale.zones)),
  };
  cache.set(locale.code, grammar);
  return grammar;
}

/**
 * `text.replace(/\s+/g, " ")`, skipping the regex for the usual word: printable ASCII with at most single
 * spaces between words (vocabulary look-ups run on every match). Anything else (tabs, runs of spaces, any
 * non-ASCII code unit, which may be a Unicode space) goes through the regex, so the result is always the same.
 */
export function collapseSpaces(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c < 0x7f) continue;
    if (c === 32 && i + 1 < text.length && text.charCodeAt(i + 1) > 32) continue;
    return text.replace(/\s+/g, " ");
  }
  return text;
}

/** Reads "3", "third", "3rd", "twenty-first" as a number; null when it is not one. */
export function readNumber(locale: LocaleConstants, text: string | undefined): number | null {
  if (text === undefined) return null;
  const t = collapseSpaces(text.toLowerCase()).trim();
  const digits = /^(\d+)(?:st|nd|rd|th|\.)?$/.exec(t);
  if (digits) return Number(digits[1]);
  return locale.ordinals[t] ?? locale.numbers[t] ?? null;
}

/** Looks a word up in a vocabulary table, ignoring case and a trailing dot. */
export function lookup(table: Readonly<Record<string, number>>, text: string | undefined): number | null {
  if (text === undefined) return null;
  const key = collapseSpaces(text.toLowerCase());
  return table[key] ?? (key.endsWith(".") ? table[key.slice(0, -1)] : undefined) ?? null;
}
