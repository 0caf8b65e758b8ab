/** Runs a configuration over a text: every extractor, then the refiners in order, then the assembler. */
import type { CalendarEvent } from "../events/event.js";
import { assemble } from "./assembly/assemble.js";
import type { Extractor, Mention, ParsingContext, Refiner, Trigger } from "./types.js";

/** An ordered list of units; the order of refiners matters and is commented where it is set. */
export interface Configuration {
  extractors: Extractor[];
  refiners: Refiner[];
}

/** Lower-cased word tokens of a text (letters, apostrophes, dots inside abbreviations kept out). */
function wordsOf(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? []);
}

function triggered(trigger: Trigger | undefined, text: string, words: Set<string>, digits: boolean): boolean {
  if (!trigger) return true;
  if (trigger.digits && digits) return true;
  if (trigger.chars) for (const c of trigger.chars) if (text.includes(c)) return true;
  if (trigger.words) for (const w of words) if (trigger.words.has(w)) return true;
  return false;
}

export function runPipeline(ctx: ParsingContext, config: Configuration): CalendarEvent[] {
  let mentions: Mention[] = [];
  const words = wordsOf(ctx.text);
  const digits = /\d/.test(ctx.text);
  for (const extractor of config.extractors) {
    if (!triggered(extractor.trigger, ctx.text, words, digits)) continue;
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
