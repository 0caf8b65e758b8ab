/** Runs a configuration over a text: every extractor, then the refiners in order, then the assembler. */
import type { CalendarEvent } from "../events/event.js";
import { assemble } from "./assembly/assemble.js";
import { isLetterAt, isSpaceCode } from "./textScan.js";
import type { Extractor, Mention, ParsingContext, Refiner, Trigger } from "./types.js";

/** An ordered list of units; the order of refiners matters and is commented where it is set. */
export interface Configuration {
  extractors: Extractor[];
  refiners: Refiner[];
}

function triggered(trigger: Trigger | undefined, text: string, words: Set<string>, digits: boolean): boolean {
  if (!trigger) return true;
  if (trigger.digits && digits) return true;
  if (trigger.chars) for (const c of trigger.chars) if (text.includes(c)) return true;
  if (trigger.words) for (const w of words) if (trigger.words.has(w)) return true;
  return false;
}

/** A place where a match may begin, with what stands there: a lower-cased word, a number, or a symbol. */
interface Start {
  at: number;
  word: string | null;
  digit: boolean;
  char: string;
}

/**
 * Where a match may begin: the start of each word or number, and each symbol that can open a phrase
 * ("@", "(", "+", "-"). Extractors are tried only there, as sticky patterns, and only where their first
 * word or symbol can stand: a text of ten words costs a handful of attempts per extractor.
 */
function candidateStarts(text: string): { starts: Start[]; words: Set<string>; digits: boolean } {
  const starts: Start[] = [];
  const words = new Set<string>();
  let digits = false;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    if (c >= 48 && c <= 57) {
      digits = true;
      starts.push({ at: i, word: null, digit: true, char: text[i] });
      while (i < text.length && isLetterAt(text, i, true)) i++;
      continue;
    }
    if (isLetterAt(text, i)) {
      let j = i + 1;
      while (j < text.length && isLetterAt(text, j)) j++;
      const word = text.slice(i, j).toLowerCase();
      words.add(word);
      starts.push({ at: i, word, digit: false, char: text[i] });
      while (j < text.length && isLetterAt(text, j, true)) j++;
      i = j;
      continue;
    }
    starts.push({ at: i, word: null, digit: false, char: text[i] });
    i++;
  }
  return { starts, words, digits };
}

function mayStart(filter: Trigger | undefined, start: Start): boolean {
  if (!filter) return true;
  if (start.word !== null) return filter.words?.has(start.word) ?? false;
  if (start.digit) return filter.digits ?? false;
  return filter.chars?.includes(start.char) ?? false;
}

const sticky = new WeakMap<RegExp, RegExp>();

/** The same pattern with the sticky flag, so it matches only where it is placed. */
function stickyVersion(pattern: RegExp): RegExp {
  let version = sticky.get(pattern);
  if (!version) {
    // Candidate starts already sit at word boundaries: a leading "not after a letter" guard is redundant,
    // and without it the engine can reject most positions on their first character.
    const source = pattern.source.replace(/^\(\?<!\[\\p\{L\}\\p\{N\}[^\]]*\]\)/, "");
    version = new RegExp(source, pattern.flags.replace("g", "") + "y");
    sticky.set(pattern, version);
  }
  return version;
}

/** Runs a configuration over a text: extract, refine, assemble. */
export function runPipeline(ctx: ParsingContext, config: Configuration): CalendarEvent[] {
  const mentions = refineMentions(ctx, config, extractMentions(ctx, config));
  const events = assemble(ctx, mentions);
  ctx.debug?.({ step: "assemble", kind: "assembler", detail: `${events.length} event(s)` });
  return events;
}

/** Every extractor's readings, in configuration order. */
export function extractMentions(ctx: ParsingContext, config: Configuration): Mention[] {
  const mentions: Mention[] = [];
  const { starts, words, digits } = candidateStarts(ctx.text);
  for (const extractor of config.extractors) {
    if (!triggered(extractor.trigger, ctx.text, words, digits)) continue;
    const pattern = stickyVersion(extractor.pattern);
    const before = mentions.length;
    let floor = 0;
    for (const start of starts) {
      if (start.at < floor || !mayStart(extractor.startsWith, start)) continue;
      pattern.lastIndex = start.at;
      const match = pattern.exec(ctx.text);
      if (!match || match[0].length === 0) continue;
      floor = start.at + match[0].length;
      const mention = extractor.extract(ctx, match);
      if (mention) mentions.push(mention);
    }
    if (ctx.debug && mentions.length > before) {
      const found = mentions.slice(before);
      ctx.debug({ step: extractor.name, kind: "extractor", detail: found.map((m) => `${m.kind} "${m.text}"`).join("; "), spans: found.map((m) => [m.start, m.end]) });
    }
  }
  return mentions;
}

/** The refiners in order over the extracted readings. */
export function refineMentions(ctx: ParsingContext, config: Configuration, extracted: Mention[]): Mention[] {
  let mentions = extracted;
  for (const refiner of config.refiners) {
    const before = mentions;
    mentions = refiner.refine(ctx, mentions);
    if (ctx.debug && (before.length !== mentions.length || before.some((m, i) => m !== mentions[i]))) {
      ctx.debug({ step: refiner.name, kind: "refiner", detail: mentions.map((m) => `${m.kind} "${m.text}"`).join("; "), spans: mentions.map((m) => [m.start, m.end]) });
    }
  }
  return mentions;
}
