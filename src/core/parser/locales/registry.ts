/** The locales the parser knows, each one folder of data plus a configuration; and how one is picked. */
import { CalendarError } from "../../events/errors.js";
import type { Configuration } from "../pipeline.js";
import { DE } from "./de/constants.js";
import { germanConfiguration } from "./de/configuration.js";
import { EN } from "./en/constants.js";
import { englishConfiguration } from "./en/configuration.js";
import type { LocaleConstants } from "./types.js";

const LOCALES: Record<string, { constants: LocaleConstants; build: () => Configuration }> = {
  en: { constants: EN, build: englishConfiguration },
  de: { constants: DE, build: germanConfiguration },
};

const built = new Map<string, Configuration>();

/** Codes of the available locales. */
export const LOCALE_CODES = Object.keys(LOCALES);

export function localeFor(code: string): LocaleConstants {
  const entry = LOCALES[code];
  if (!entry) throw new CalendarError("INVALID_TEXT", `unknown locale: ${code}`, "locale");
  return entry.constants;
}

/** The configuration of a locale, built once (its regexes are compiled on first use). */
export function configurationFor(code: string): Configuration {
  let config = built.get(code);
  if (!config) {
    config = LOCALES[code].build();
    built.set(code, config);
  }
  return config;
}

const signatures = new Map<string, Set<string>>();

/** Signature words as a set, with optional trailing letters expanded ("montags?" → montag, montags). */
function signatureSet(code: string, words: readonly string[]): Set<string> {
  let set = signatures.get(code);
  if (!set) {
    set = new Set(words.flatMap((w) => (w.endsWith("?") ? [w.slice(0, -2), w.slice(0, -1)] : [w])));
    signatures.set(code, set);
  }
  return set;
}

const hints = new Map<string, RegExp>();

/** A quick test for any signature word as a substring: most texts hold none, and then no split is needed. */
function hintFor(code: string, words: readonly string[]): RegExp {
  let hint = hints.get(code);
  if (!hint) {
    hint = new RegExp(words.map((w) => w.replace(/s\?$/, "")).join("|"), "i");
    hints.set(code, hint);
  }
  return hint;
}

// Listed once: detection runs on every parse.
const DETECTABLE = Object.entries(LOCALES);

/** Picks the locale whose signature words appear in the text; English when none does. */
export function detectLocale(text: string): string {
  let words: string[] | null = null;
  for (const [code, { constants }] of DETECTABLE) {
    if (constants.signatureWords.length === 0 || !hintFor(code, constants.signatureWords).test(text)) continue;
    words ??= text.toLowerCase().split(/[^\p{L}]+/u);
    const set = signatureSet(code, constants.signatureWords);
    if (words.some((w) => set.has(w))) return code;
  }
  return "en";
}
