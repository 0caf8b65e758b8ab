/**
 * Single frequency words: "daily", "nightly", "weekly", "biweekly", "monthly", "yearly", "annually",
 * "weekdays", "on weekends". "Weekly" and the like only set the frequency: the day comes from another
 * mention or from the first occurrence. Before a noun ("Weekly sync") the word is adjectival.
 */
import { startsFor, triggerFor } from "../triggers.js";
import type { LocaleConstants } from "../locales/types.js";
import type { Extractor, RecurrenceSpec } from "../types.js";
import { copyRule, makeRecurrence, newRule, spanOf } from "./mention.js";

const WORDS: Record<string, RecurrenceSpec> = {
  daily: { freq: "DAILY" },
  nightly: { freq: "DAILY" },
  "every night": { freq: "DAILY" },
  "every morning": { freq: "DAILY" },
  "every evening": { freq: "DAILY" },
  weekly: { freq: "WEEKLY", open: true },
  biweekly: { freq: "WEEKLY", interval: 2, open: true },
  "bi-weekly": { freq: "WEEKLY", interval: 2, open: true },
  fortnightly: { freq: "WEEKLY", interval: 2, open: true },
  monthly: { freq: "MONTHLY", open: true },
  yearly: { freq: "YEARLY", open: true },
  annually: { freq: "YEARLY", open: true },
  weekdays: { freq: "WEEKLY", byDay: ["MO", "TU", "WE", "TH", "FR"] },
  weekends: { freq: "WEEKLY", byDay: ["SA", "SU"] },
};

export function frequencyWordExtractor(_locale: LocaleConstants, words: Record<string, RecurrenceSpec> = WORDS): Extractor {
  // The table's rules in the one shape rules have (see `newRule`), made once (`Object.assign` stores the
  // table's fields into it without a field look-up site of ours seeing the table's shapes).
  const rules = new Map(Object.entries(words).map(([word, rule]): [string, RecurrenceSpec] => [word, Object.assign(newRule(rule.freq), rule)]));
  const keys = Object.keys(words).sort((a, b) => b.length - a.length).map((k) => k.replace(/ /g, "\\s+"));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:on\\s+)?(${keys.join("|")})(?![\\p{L}\\p{N}])`, "giu");
  return {
    name: "FrequencyWordExtractor",
    startsWith: startsFor(_locale, `frequency:${Object.keys(words).join()}`, () => ["on", ...Object.keys(words)]),
    trigger: triggerFor(_locale, `frequency:${Object.keys(words).join()}`, () => Object.keys(words)),
    pattern,
    extract(ctx, m) {
      const rule = rules.get(m[1].toLowerCase().replace(/\s+/g, " "));
      if (!rule) return null;
      const after = ctx.text.slice(m.index + m[0].length);
      const adjectival = /^\s+(?!at\b|on\b|from\b|in\b|for\b|until\b|starting\b|every\b|and\b|the\b|@)[\p{L}\d]/u.test(after);
      const copy = copyRule(rule);
      copy.byDay = rule.byDay ? [...rule.byDay] : undefined;
      return makeRecurrence("FrequencyWordExtractor", spanOf(m), 0.85, copy, adjectival);
    },
  };
}
