/**
 * "the Friday before Christmas", "the first Monday after Easter", "third tuesday after christmas 2014":
 * an (ordinal) weekday with "before"/"after" in front of a date moves that date to the weekday.
 */
import { addDays, weekdayOf } from "../../time/civil.js";
import { grammarFor, lookup, readNumber } from "../grammar.js";
import { previousWord } from "../textScan.js";
import type { DateMention, Mention, Refiner } from "../types.js";
import { copyMention } from "../extractors/mention.js";

export function mergeWeekdayAroundDateRefiner(): Refiner {
  let pattern: RegExp | null = null;
  return {
    name: "MergeWeekdayAroundDateRefiner",
    refine(ctx, mentions) {
      const g = grammarFor(ctx.locale);
      pattern ??= new RegExp(`(?:^|[^\\p{L}\\p{N}])((?:the\\s+)?(?:(${g.ordinalWord}|\\d(?:st|nd|rd|th))\\s+)?(${g.weekday})\\s+(before|after)\\s+)$`, "iu");
      const out: Mention[] = [];
      for (const m of mentions) {
        if (m.kind !== "date" || m.endDate) {
          out.push(m);
          continue;
        }
        const previous = out[out.length - 1];
        // Cheap guard first: the word right before the date must be "before" or "after".
        const word = previousWord(ctx.text, m.start);
        const joiner = word ? ctx.text.slice(word[0], word[1]).toLowerCase() : "";
        const hit = joiner === "before" || joiner === "after" ? pattern.exec(ctx.text.slice(Math.max(0, m.start - 60), m.start)) : null;
        const weekday = hit ? lookup(ctx.locale.weekdays, hit[3]) : null;
        const n = hit?.[2] ? readNumber(ctx.locale, hit[2]) : 1;
        // A weekday mention that the phrase swallowed goes away with it.
        if (!hit || weekday === null || n === null || n < 1) {
          out.push(m);
          continue;
        }
        const start = m.start - hit[1].length;
        if (previous && previous.start >= start) out.pop();
        if (out.some((x) => x.end > start)) {
          out.push(m);
          continue;
        }
        const after = hit[4].toLowerCase() === "after";
        let date = m.date;
        const step = after ? 1 : -1;
        date = addDays(date, step);
        while (weekdayOf(date) !== weekday) date = addDays(date, step);
        date = addDays(date, step * 7 * (n - 1));
        const merged: DateMention = copyMention(m, { date, start, text: ctx.text.slice(start, m.end), source: "MergeWeekdayAroundDateRefiner", soft: false, explicit: true, weekday });
        out.push(merged);
      }
      return out;
    },
  };
}
