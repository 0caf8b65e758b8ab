/** Durations: "for 45 minutes", "for 3 hours", "for an hour and a half", "for 1.5 hrs", "for 8 weeks", "10 sessions". */
import { grammarFor } from "../grammar.js";
import { startsFor, triggerFor } from "../triggers.js";
import type { LocaleConstants } from "../locales/types.js";
import type { DurationMention, Extractor } from "../types.js";
import { makeDuration, spanOf } from "./mention.js";

const UNITS: Array<[RegExp, DurationMention["unit"], number]> = [
  [/^(m|mins?|minutes?)$/i, "minute", 1],
  [/^(h|hrs?|hours?)$/i, "minute", 60],
  [/^days?$/i, "day", 1440],
  [/^(wks?|weeks?)$/i, "week", 10080],
  [/^months?$/i, "month", 43200],
  [/^(times|sessions|classes|lessons|meetings|occurrences)$/i, "times", 0],
];

export function durationExtractor(locale: LocaleConstants): Extractor {
  const g = grammarFor(locale);
  const amount = `(?:\\d+(?:[.,]\\d+)?|${g.numberWord}|half\\s+an?)`;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:(?:for|lasts?|lasting|takes?|will\\s+last|will\\s+take)\\s+(?:about\\s+|around\\s+|approximately\\s+|roughly\\s+)?(${amount})\\s*-?\\s*(mins?|minutes?|hrs?|hours?|h|m|days?|wks?|weeks?|months?|times|sessions|classes|lessons)(\\s+and\\s+a\\s+half)?|(${amount})\\s+(times|sessions|classes|lessons|occurrences)(?:\\s+total)?|\\((\\d+)\\s*(mins?|minutes?|hrs?|hours?)\\))(?![\\p{L}\\p{N}])`,
    "giu",
  );
  return {
    name: "DurationExtractor",
    startsWith: startsFor(locale, "duration", () => ["for", "last", "lasts", "lasting", "take", "takes", "will", "half", ...Object.keys(locale.numbers)], true, "("),
    trigger: triggerFor(locale, "duration", () => ["for", "last", "lasts", "lasting", "take", "takes", "times", "sessions", "classes", "lessons", "occurrences"], false, "("),
    // The one form that begins with a digit is a count of sessions ("8 times", "6 classes").
    digitsHoldLater: ["times", "sessions", "classes", "lessons", "occurrences"],
    pattern,
    extract(_ctx, m) {
      const amountText = (m[1] ?? m[4] ?? m[6]).toLowerCase().replace(/\s+/g, " ");
      const unitText = m[2] ?? m[5] ?? m[7];
      const unit = UNITS.find(([re]) => re.test(unitText));
      if (!unit) return null;
      let amount = /^half an?$/.test(amountText) ? 0.5 : /^\d/.test(amountText) ? Number(amountText.replace(",", ".")) : locale.numbers[amountText] ?? NaN;
      if (!Number.isFinite(amount) || amount <= 0) return null;
      if (m[3]) amount += 0.5;
      return makeDuration("DurationExtractor", spanOf(m), 0.9, { minutes: Math.round(amount * unit[2]), unit: unit[1], amount });
    },
  };
}
