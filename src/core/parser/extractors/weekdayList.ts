/** Reads the weekdays named in a list ("Monday, Wednesday and Friday", "Tue/Thu", "Mondays") as RRULE day codes. */
import type { LocaleConstants } from "../locales/types.js";

export const DAY_CODES = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"] as const;

/** RRULE codes in Monday-first order, without duplicates; empty when a word is not a weekday. */
export function weekdayCodes(locale: LocaleConstants, text: string): string[] {
  const days = new Set<number>();
  for (const word of text.toLowerCase().split(/[^\p{L}.]+/u)) {
    if (!word) continue;
    const clean = word.replace(/\.$/, "");
    const day = locale.weekdays[clean] ?? locale.weekdayPlurals[clean] ?? locale.weekdays[clean.replace(/s$/, "")];
    if (day === undefined) continue;
    days.add(day);
  }
  return [...days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7)).map((d) => DAY_CODES[d]);
}

/** A list of weekdays joined by commas, "and", "&", "or" or slashes, as a regex source. */
export function weekdayListSource(day: string, and = "and|or"): string {
  return `(?:${day})(?:\\s*(?:,\\s*(?:${and})|,|${and}|&|\\+|/)\\s*(?:${day}))*`;
}
