/**
 * Keeps one reading per stretch of text: the longest mention wins; on equal length, the one from the
 * extractor listed first in the configuration (mentions arrive in configuration order).
 */
import type { Mention, Refiner } from "../types.js";

const length = (m: Mention): number => m.end - m.start;

function overlapsAny(m: Mention, kept: readonly Mention[]): boolean {
  for (const k of kept) if (m.end > k.start && m.start < k.end) return true;
  return false;
}

export function removeOverlapsRefiner(): Refiner {
  return {
    name: "RemoveOverlapsRefiner",
    refine(_ctx, mentions) {
      // Ranks positions rather than wrapper objects: the sort is stable, so equal lengths keep list order.
      const ranked = mentions.map((_, i) => i).sort((a, b) => length(mentions[b]) - length(mentions[a]));
      const kept: Mention[] = [];
      for (const i of ranked) {
        const m = mentions[i];
        if (!overlapsAny(m, kept)) kept.push(m);
      }
      return kept.sort((a, b) => a.start - b.start);
    },
  };
}
