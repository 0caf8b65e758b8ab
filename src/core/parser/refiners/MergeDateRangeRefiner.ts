/**
 * "March 3 to March 5, 2027", "from Dec 30 until Jan 2": two dates joined by to/through/until become one
 * all-day span with an exclusive end. A later year written on the end carries over to the start.
 */
import { addDays, compareDates } from "../../time/civil.js";
import type { DateMention, Mention, Refiner } from "../types.js";
import { copyMention } from "../extractors/mention.js";

const JOIN = /^\s*(?:-|–|—|to|through|thru|until|till|til)\s*$/i;

export function mergeDateRangeRefiner(): Refiner {
  return {
    name: "MergeDateRangeRefiner",
    refine(ctx, mentions) {
      // A merge needs two dates: most lists have fewer, and are returned as they are.
      let dates = 0;
      for (const m of mentions) if (m.kind === "date") dates++;
      if (dates < 2) return mentions;
      const out: Mention[] = [];
      for (let i = 0; i < mentions.length; i++) {
        const a = mentions[i];
        const b = mentions[i + 1];
        if (a.kind === "date" && b?.kind === "date" && a.explicit && b.explicit && !a.endDate && !b.endDate && !a.time && !b.time && JOIN.test(ctx.text.slice(a.end, b.start))) {
          const end = b.date;
          let start = a.date;
          if (compareDates(end, start) < 0 && a.source !== "IsoDateExtractor") start = { y: start.y - 1, m: start.m, d: start.d };
          if (compareDates(end, start) >= 0 && compareDates(end, addDays(start, 366)) < 0) {
            const merged: DateMention = copyMention(a, { date: start, endDate: addDays(end, 1), end: b.end, text: ctx.text.slice(a.start, b.end), source: "MergeDateRangeRefiner" });
            out.push(merged);
            i++;
            continue;
          }
        }
        out.push(a);
      }
      return out;
    },
  };
}
