/** US numeric dates, month first: "12/8", "12/8/2026", "3/3/15", "Tue 12/1". Fractions ("1/2 hour") are not dates. */
import { isValidDate } from "../../time/civil.js";
import { grammarFor, lookup } from "../grammar.js";
import { startsFor, weekdayWords } from "../triggers.js";
import type { LocaleConstants } from "../locales/types.js";
import { alignWeekday, fullYear, nextMonthDay } from "../resolve.js";
import type { Extractor } from "../types.js";
import { dateMention } from "./mention.js";

export function numericDateExtractor(locale: LocaleConstants, order: "mdy" | "dmy" = "mdy"): Extractor {
  const g = grammarFor(locale);
  const sep = order === "mdy" ? "/" : "[./]";
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}/.])(?:(${g.weekday}),?\\s+)?(\\d{1,2})${sep}(\\d{1,2})(?:${sep}(\\d{4}|\\d{2}))?(?![\\d/]|\\s*(?:h\\b|hours?|hrs?|of\\b|mile|cup|tsp|tbsp|inch|in\\b|lb|kg|oz|%))`,
    "giu",
  );
  return {
    name: "NumericDateExtractor",
    startsWith: startsFor(locale, "numericDate", () => weekdayWords(locale), true),
    trigger: { chars: order === "mdy" ? "/" : "/." },
    holdsLater: order === "mdy" ? ["/"] : ["/", "."],
    pattern,
    extract(ctx, m) {
      const [a, b] = [Number(m[2]), Number(m[3])];
      const [month, day] = order === "mdy" ? [a, b] : [b, a];
      if (month < 1 || month > 12 || day < 1 || day > 31) return null;
      if (order === "dmy" && !m[4] && m[0].includes(".") && !m[0].trim().endsWith(".")) {
        // "19.30" is a time, not the 19th of March.
        if (b > 12) return null;
      }
      const weekday = m[1] ? lookup(locale.weekdays, m[1]) ?? undefined : undefined;
      let date = m[4] ? { y: fullYear(m[4], ctx.today), m: month, d: day } : nextMonthDay(ctx.today, month, day);
      if (!date || !isValidDate(date.y, date.m, date.d)) return null;
      date = alignWeekday(date, weekday, Boolean(m[4]));
      return dateMention("NumericDateExtractor", m, m[4] ? 0.95 : 0.85, { date, explicit: true, weekday: weekday });
    },
  };
}
