/** Trigger word sets built from a locale's vocabulary, so extractors skip texts they cannot match. */
import type { LocaleConstants } from "./locales/types.js";
import type { Trigger } from "./types.js";

const cache = new Map<string, Map<string, Trigger>>();

function firstWords(names: Iterable<string>): string[] {
  return [...names].map((n) => n.toLowerCase().replace(/\.$/, "").split(/[\s]+/)[0].replace(/[^\p{L}'’-].*$/u, ""));
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
export const numberWords = (l: LocaleConstants): string[] => [...Object.keys(l.numbers), ...Object.keys(l.ordinals)];
