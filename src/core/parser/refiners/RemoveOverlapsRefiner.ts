/**
 * Keeps one reading per stretch of text: the longest mention wins; on equal length, the one from the
 * extractor listed first in the configuration (mentions arrive in configuration order).
 */
import type { Mention, Refiner } from "../types.js";

export function removeOverlapsRefiner(): Refiner {
  return {
    name: "RemoveOverlapsRefiner",
    refine(_ctx, mentions) {
      const ranked = mentions.map((m, order) => ({ m, order })).sort((a, b) => b.m.end - b.m.start - (a.m.end - a.m.start) || a.order - b.order);
      const kept: Mention[] = [];
      for (const { m } of ranked) {
        if (kept.every((k) => m.end <= k.start || m.start >= k.end)) kept.push(m);
      }
      return kept.sort((a, b) => a.start - b.start);
    },
  };
}
