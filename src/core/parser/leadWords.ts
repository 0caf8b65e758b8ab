/**
 * The words that may stand before a date/time phrase and go with it: a locale's connectors, its "until"
 * words and its "starting" words, as one set per locale. Several steps ask of one word whether it is any
 * of the three; one look-up in the union answers that, where asking the three sets took three for every
 * word that is none (most words).
 */
import type { LocaleConstants } from "./locales/types.js";

const unions = new Map<LocaleConstants, ReadonlySet<string>>();

// The locale asked last and its set: a parse asks about one locale, so mostly no map look-up is needed.
let lastLocale: LocaleConstants | undefined;
let lastUnion: ReadonlySet<string> = new Set();

/** True when `word` (lower-cased) is a connector, an "until" word or a "starting" word of the locale. */
export function isLeadWord(locale: LocaleConstants, word: string): boolean {
  if (locale !== lastLocale) {
    let union = unions.get(locale);
    if (!union) unions.set(locale, (union = new Set([...locale.connectors, ...locale.untilWords, ...locale.startingWords])));
    lastLocale = locale;
    lastUnion = union;
  }
  return lastUnion.has(word);
}
