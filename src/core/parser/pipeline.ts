/** Runs a configuration over a text: every extractor, then the refiners in order, then the assembler. */
import type { CalendarEvent } from "../events/event.js";
import { assemble } from "./assembly/assemble.js";
import type { Extractor, Mention, ParsingContext, Refiner } from "./types.js";

/** An ordered list of units; the order of refiners matters and is commented where it is set. */
export interface Configuration {
  extractors: Extractor[];
  refiners: Refiner[];
}

export function runPipeline(ctx: ParsingContext, config: Configuration): CalendarEvent[] {
  let mentions: Mention[] = [];
  for (const extractor of config.extractors) {
    const pattern = extractor.pattern;
    pattern.lastIndex = 0;
    const before = mentions.length;
    for (let match = pattern.exec(ctx.text); match; match = pattern.exec(ctx.text)) {
      if (match[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      const mention = extractor.extract(ctx, match);
      if (mention) mentions.push(mention);
    }
    if (ctx.debug && mentions.length > before) {
      const found = mentions.slice(before);
      ctx.debug({ step: extractor.name, kind: "extractor", detail: found.map((m) => `${m.kind} "${m.text}"`).join("; "), spans: found.map((m) => [m.start, m.end]) });
    }
  }
  for (const refiner of config.refiners) {
    const before = mentions;
    mentions = refiner.refine(ctx, mentions);
    if (ctx.debug && (before.length !== mentions.length || before.some((m, i) => m !== mentions[i]))) {
      ctx.debug({ step: refiner.name, kind: "refiner", detail: mentions.map((m) => `${m.kind} "${m.text}"`).join("; "), spans: mentions.map((m) => [m.start, m.end]) });
    }
  }
  const events = assemble(ctx, mentions);
  ctx.debug?.({ step: "assemble", kind: "assembler", detail: `${events.length} event(s)` });
  return events;
}
