/**
 * Keeps one reading per stretch of text: the longest mention wins; on equal length, the one from the
 * extractor listed first in the configuration (mentions arrive in configuration order).
 */
import { insertionSort } from "../insertionSort.js";
import type { Mention, Refiner } from "../types.js";

const length = (m: Mention): number => m.end - m.start;

function overlapsAny(m: Mention, kept: readonly Mention[]): boolean {
  for (const k of kept) if (m.end > k.start && m.start < k.end) return true;
  return false;
}

/** True when each mention starts at or after the end of the one before it. */
function inOrderApart(mentions: readonly Mention[]): boolean {
  for (let i = 1; i < mentions.length; i++) if (mentions[i].start < mentions[i - 1].end) return false;
  return true;
}

export function removeOverlapsRefiner(): Refiner {
  return {
    name: "RemoveOverlapsRefiner",
    refine(_ctx, mentions) {
      // Already in text order with no two overlapping (as with one mention or none): nothing is dropped and
      // the stable sort by start would give the same list back.
      if (inOrderApart(mentions)) return mentions;
      // Ranks positions rather than wrapper objects: the sort is stable, so equal lengths keep list order.
      const ranked = insertionSort(mentions.map((_, i) => i), (a, b) => length(mentions[b]) - length(mentions[a]));
      const kept: Mention[] = [];
      for (const i of ranked) {
        const m = mentions[i];
        if (!overlapsAny(m, kept)) kept.push(m);
      }
      return insertionSort(kept, (a, b) => a.start - b.start);
    },
  };
}
