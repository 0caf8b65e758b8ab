/**
 * Two times the range extractor could not read as one ("15:00 GMT - 18:00 GMT", "9am (PST) to 11am"):
 * a time, an optional zone, a joiner and a time become one range; the zone stays a separate mention.
 */
import { insertionSort } from "../insertionSort.js";
import type { Mention, Refiner } from "../types.js";
import { copyMention } from "../extractors/mention.js";

const JOIN = /^\s*(?:-|–|—|to|until|till|til)\s*$/i;

function isInTextOrder(mentions: readonly Mention[]): boolean {
  for (let i = 1; i < mentions.length; i++) if (mentions[i].start < mentions[i - 1].start) return false;
  return true;
}

export function mergeTimeRangeRefiner(): Refiner {
  return {
    name: "MergeTimeRangeRefiner",
    refine(ctx, mentions) {
      // A merge needs two times that are not ranges yet; without them the list is only put in text order.
      let open = 0;
      for (const m of mentions) if (m.kind === "time" && !m.endTime) open++;
      if (open < 2) return isInTextOrder(mentions) ? mentions : insertionSort([...mentions], (x, y) => x.start - y.start);
      const out: Mention[] = [];
      for (let i = 0; i < mentions.length; i++) {
        const a = mentions[i];
        const zone = mentions[i + 1]?.kind === "zone" ? mentions[i + 1] : undefined;
        const b = mentions[i + (zone ? 2 : 1)];
        const gapStart = zone ? zone.end : a.end;
        if (a.kind === "time" && !a.endTime && b?.kind === "time" && !b.endTime && JOIN.test(ctx.text.slice(gapStart, b.start))) {
          out.push(copyMention(a, { endTime: b.time, end: b.end, text: ctx.text.slice(a.start, b.end), source: "MergeTimeRangeRefiner", confidence: Math.min(a.confidence, b.confidence) }));
          if (zone) out.push(zone);
          i += zone ? 2 : 1;
          continue;
        }
        out.push(a);
      }
      // The list usually arrives and stays in text order; sorting (stably) is then a no-op worth skipping.
      return isInTextOrder(out) ? out : insertionSort(out, (x, y) => x.start - y.start);
    },
  };
}
