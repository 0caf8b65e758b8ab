/**
 * Multi-day spans inside one month: "May 12-14, 2027", "July 13 to 15", "from August 27th - 29th",
 * "1-8 september", "from the 13th to the 15th of July", "19th To 21st aug". All-day, exclusive end.
 * Spans across months ("March 3 to March 5") are merged from two dates by MergeDateRangeRefiner.
 */
import { addDays, compareDates, isValidDate } from "../../time/civil.js";
import { grammarFor, lookup, readNumber } from "../grammar.js";
import { monthWords, startsFor, triggerFor } from "../triggers.js";
import type { LocaleConstants } from "../locales/types.js";
import { fullYear, nextMonthDay } from "../resolve.js";
import type { Extractor } from "../types.js";
import { dateMention } from "./mention.js";

export function dateRangeExtractor(locale: LocaleConstants): Extractor {
  const g = grammarFor(locale);
  const to = "(?:-|–|—|to|through|thru|until|till|til)";
  const year = "(?:,?\\s+((?:19|20)\\d{2})(?!\\d|:))?";
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:from\\s+)?(?:(${g.month})\\s*(?:the\\s+)?(${g.dayNumber})\\s*${to}\\s*(?:the\\s+)?(${g.dayNumber})(?![\\p{L}\\p{N}:]|\\s*(?:am|pm|a\\.m|p\\.m|h\\b))${year}` +
      `|(?:the\\s+)?(${g.dayNumber})\\s*${to}\\s*(?:the\\s+)?(${g.dayNumber})(?:\\s+of)?\\s+(${g.month})(?![\\p{L}])${year})`,
    "giu",
  );
  return {
    name: "DateRangeExtractor",
    startsWith: startsFor(locale, "dateRange", () => ["from", "the", ...monthWords(locale), ...Object.keys(locale.ordinals)], true),
    trigger: triggerFor(locale, "month", () => monthWords(locale)),
    // Every span holds its joiner; "til" also covers "until" and "till".
    holdsLater: ["-", "–", "—", "to", "through", "thru", "til"],
    pattern,
    extract(ctx, m) {
      const month = lookup(locale.months, m[1] ?? m[7]);
      const from = readNumber(locale, (m[2] ?? m[5]).replace(/\.$/, ""));
      const to = readNumber(locale, (m[3] ?? m[6]).replace(/\.$/, ""));
      const yearText = m[4] ?? m[8];
      if (month === null || from === null || to === null || from < 1 || to > 31 || to <= from) return null;
      const start = yearText ? { y: fullYear(yearText, ctx.today), m: month, d: from } : nextMonthDay(ctx.today, month, from);
      if (!start || !isValidDate(start.y, month, to)) return null;
      const last = { y: start.y, m: month, d: to };
      if (compareDates(last, start) <= 0) return null;
      return dateMention("DateRangeExtractor", m, 0.95, { date: start, explicit: true, endDate: addDays(last, 1) });
    },
  };
}
