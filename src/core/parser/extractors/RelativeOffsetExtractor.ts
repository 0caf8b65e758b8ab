/**
 * Offsets from now: "in 2 hours", "in 3 days", "in a week", "in 1/2 hour", "in 2 and a half hours",
 * "3 days from now", "a fortnight hence", "today in one hour". Minutes and hours give an instant; days and
 * longer give a day (all-day unless a time is stated).
 */
import { addDays, addMonths } from "../../time/civil.js";
import { grammarFor } from "../grammar.js";
import { startsFor, triggerFor } from "../triggers.js";
import type { LocaleConstants } from "../locales/types.js";
import type { Extractor, Mention } from "../types.js";
import { dateMention, makeInstant, spanOf } from "./mention.js";

const UNIT_MINUTES: Record<string, number> = { second: 1 / 60, minute: 1, hour: 60, day: 1440, week: 10080, fortnight: 20160, month: -1, year: -12 };

function unitOf(text: string): string | null {
  const t = text.toLowerCase();
  if (/^(s|secs?|seconds?)$/.test(t)) return "second";
  if (/^(m|mins?|minutes?|'|′)$/.test(t)) return "minute";
  if (/^(h|hrs?|hours?)$/.test(t)) return "hour";
  if (/^days?$/.test(t)) return "day";
  if (/^(w|wks?|weeks?)$/.test(t)) return "week";
  if (/^fortnights?$/.test(t)) return "fortnight";
  if (/^months?$/.test(t)) return "month";
  if (/^(y|yrs?|years?)$/.test(t)) return "year";
  return null;
}

export function relativeOffsetExtractor(locale: LocaleConstants): Extractor {
  const g = grammarFor(locale);
  const amount = `(?:\\d+(?:[.,]\\d+)?|\\d+/\\d+|${g.numberWord})(?:\\s+and\\s+an?\\s+half)?`;
  const unit = "(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|fortnights?|months?|years?|yrs?|h|m|'|′)";
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:(?:the\\s+)?upcoming\\s+(${amount})\\s+(days?)|(${amount})\\s+upcoming\\s+(days?)|(?:today\\s+)?(?:in|within)\\s+(?:the\\s+next\\s+)?(${amount})?\\s*(?:more\\s+)?(${unit})|(${amount})\\s*(?:more\\s+)?(${unit})\\s+(?:from\\s+(?:now|today|right\\s+now)|hence|later))(?![\\p{L}\\p{N}])`,
    "giu",
  );
  return {
    name: "RelativeOffsetExtractor",
    startsWith: startsFor(locale, "offset", () => ["the", "upcoming", "today", "in", "within", ...Object.keys(locale.numbers)], true),
    trigger: triggerFor(locale, "offset", () => ["in", "within", "upcoming", "hence", "later", "from", "today"]),
    // The forms that begin with a digit (an amount) go on with "upcoming" or end in "from now", "hence", "later".
    digitsHoldLater: ["upcoming", "from", "hence", "later"],
    pattern,
    extract(ctx, m): Mention | null {
      // Groups: 1-2 "upcoming N days", 3-4 "N upcoming days", 5-6 "in N units", 7-8 "N units from now".
      const amountText = (m[1] ?? m[3] ?? m[5] ?? m[7] ?? "1").toLowerCase();
      const unitText = m[2] ?? m[4] ?? m[6] ?? m[8];
      const unit = unitOf(unitText);
      if (!unit) return null;
      if (unitText === "m" && !m[5]) return null;
      const exact = /from\s+(?:right\s+)?now/i.test(m[0]);
      let n: number;
      const half = /\s+and\s+an?\s+half$/.test(amountText);
      const base = amountText.replace(/\s+and\s+an?\s+half$/, "");
      if (/^\d+\/\d+$/.test(base)) {
        const [a, b] = base.split("/").map(Number);
        if (b === 0) return null;
        n = a / b;
      } else if (/^\d/.test(base)) n = Number(base.replace(",", "."));
      else n = locale.numbers[base.replace(/\s+/g, " ")] ?? NaN;
      if (!Number.isFinite(n)) return null;
      if (half) n += 0.5;
      const minutes = UNIT_MINUTES[unit];
      if (minutes === -1 || minutes === -12) {
        const date = addMonths(ctx.today, Math.round(n * (minutes === -1 ? 1 : 12)));
        return dateMention("RelativeOffsetExtractor", m, 0.9, { date, explicit: true });
      }
      if (minutes >= 1440 && !exact) {
        const date = addDays(ctx.today, Math.round((n * minutes) / 1440));
        return dateMention("RelativeOffsetExtractor", m, 0.9, { date, explicit: true });
      }
      const epoch = ctx.reference + Math.round(n * minutes * 60_000);
      return makeInstant("RelativeOffsetExtractor", spanOf(m), 0.95, epoch);
    },
  };
}
