/** Trigger word sets built from a locale's vocabulary, so extractors skip texts they cannot match. */
import type { LocaleConstants } from "./locales/types.js";
import type { Trigger } from "./types.js";

const cache = new Map<string, Map<string, Trigger>>();

// Words are compared as the pipeline tokenises them: runs of letters, lower-cased ("jumu'atul" → "jumu").
function firstWords(names: Iterable<string>): string[] {
  return leadingWords(names);
}

/** A trigger made of words (first words of multi-word names) and optionally digits, cached by key. */
export function triggerFor(locale: LocaleConstants, key: string, build: () => Iterable<string>, digits = false, chars?: string): Trigger {
  let perLocale = cache.get(locale.code);
  if (!perLocale) cache.set(locale.code, (perLocale = new Map()));
  let trigger = perLocale.get(key);
  if (!trigger) {
    trigger = { words: new Set(firstWords(build()).filter(Boolean)), digits, chars };
    perLocale.set(key, trigger);
  }
  return trigger;
}

export const weekdayWords = (l: LocaleConstants): string[] => [...Object.keys(l.weekdays), ...Object.keys(l.weekdayPlurals)];
export const monthWords = (l: LocaleConstants): string[] => Object.keys(l.months);
/** The first word of every month name: one of them is in every text where a month name is (lower-cased). */
export const monthNeedles = (l: LocaleConstants): string[] => [...new Set(leadingWords(monthWords(l)))];
export const numberWords = (l: LocaleConstants): string[] => [...Object.keys(l.numbers), ...Object.keys(l.ordinals)];

/** The leading word of each phrase ("new year's eve" → "new"); digits-first phrases are left to `digits`. */
export function leadingWords(phrases: Iterable<string>): string[] {
  const out: string[] = [];
  for (const phrase of phrases) {
    const m = /^[\p{L}]+/u.exec(phrase.toLowerCase());
    if (m) out.push(m[0]);
  }
  return out;
}

/** Splits a regex-source alternation of plain words ("next|following") into its leading words. */
export function wordsOfSource(source: string): string[] {
  return leadingWords(source.split("|").map((w) => w.replace(/\\s\+/g, " ")));
}

const startsCache = new Map<string, Trigger>();

/** A start filter: these leading words, optionally digits and symbols; cached per locale and key. */
export function startsFor(locale: LocaleConstants, key: string, build: () => Iterable<string>, digits = false, chars?: string): Trigger {
  const id = `${locale.code}|${key}`;
  let trigger = startsCache.get(id);
  if (!trigger) {
    trigger = { words: new Set(leadingWords(build())), digits, chars };
    startsCache.set(id, trigger);
  }
  return trigger;
}
