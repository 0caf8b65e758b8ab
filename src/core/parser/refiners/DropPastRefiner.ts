/**
 * Days the text points back to are not events: "last Tuesday", "earlier today", "yesterday", "3 days ago".
 * Drops such day mentions (and any time read with them is left without a day, so it goes too).
 */
import { compareDates } from "../../time/civil.js";
import { previousWord } from "../textScan.js";
import type { Mention, Refiner } from "../types.js";

const AGO = /^\s+ago\b/iu;

export function dropPastRefiner(): Refiner {
  return {
    name: "DropPastRefiner",
    refine(ctx, mentions) {
      const past = new Set<Mention>();
      for (const m of mentions) {
        if (m.kind !== "date") continue;
        const word = previousWord(ctx.text, m.start);
        const before = word ? ctx.text.slice(word[0], word[1]).toLowerCase() : "";
        const after = ctx.text.slice(m.end, m.end + 6);
        if (ctx.locale.pastWords.has(before) || AGO.test(after) || (compareDates(m.date, ctx.today) < 0 && !m.endDate && m.source === "RelativeDayExtractor")) past.add(m);
      }
      if (past.size === 0) return mentions;
      // A text that only speaks of the past has no event: its times go with its days.
      const onlyPast = mentions.every((m) => past.has(m) || m.kind === "time" || m.kind === "zone" || m.kind === "duration");
      return mentions.filter((m) => !past.has(m) && !(onlyPast && m.kind === "time"));
    },
  };
}
