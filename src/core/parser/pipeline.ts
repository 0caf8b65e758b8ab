/** Runs a configuration over a text: every extractor, then the refiners in order, then the assembler. */
import type { CalendarEvent } from "../events/event.js";
import { assemble } from "./assembly/assemble.js";
import { isLetterAt, isSpaceCode } from "./textScan.js";
import type { Extractor, Mention, ParsingContext, Refiner } from "./types.js";

/** An ordered list of units; the order of refiners matters and is commented where it is set. */
export interface Configuration {
  extractors: Extractor[];
  refiners: Refiner[];
}


const sticky = new WeakMap<RegExp, RegExp>();

const caseless = new WeakMap<RegExp, RegExp | null>();

/**
 * A case-sensitive twin of a case-insensitive pattern, run on the lower-cased text as a cheap first test:
 * most places do not match, and matching without case folding is markedly faster. Where it matches, the
 * original pattern is run on the original text, so extractors see exactly the match they always saw.
 * Null for patterns that are not case-insensitive or that spell upper-case letters.
 */
function caselessVersion(pattern: RegExp): RegExp | null {
  let version = caseless.get(pattern);
  if (version === undefined) {
    const sticky = stickyVersion(pattern);
    const letters = sticky.source.replace(/\\[pP]\{[^}]*\}/g, "").replace(/\\./g, "");
    version = sticky.flags.includes("i") && !/[A-Z]/.test(letters) ? new RegExp(sticky.source, sticky.flags.replace("i", "")) : null;
    caseless.set(pattern, version);
  }
  return version;
}

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

/** Milliseconds since `began` on the injected stopwatch (undefined without one). */
function elapsed(ctx: ParsingContext, began: number): number | undefined {
  return ctx.stopwatch ? Math.round((ctx.stopwatch() - began) * 1000) / 1000 : undefined;
}

/** Runs a configuration over a text: extract, refine, assemble. */
export function runPipeline(ctx: ParsingContext, config: Configuration): CalendarEvent[] {
  const mentions = refineMentions(ctx, config, extractMentions(ctx, config));
  const began = ctx.debug && ctx.stopwatch ? ctx.stopwatch() : 0;
  const events = assemble(ctx, mentions);
  ctx.debug?.({ step: "assemble", kind: "assembler", detail: `${events.length} event(s)`, durationMs: elapsed(ctx, began) });
  return events;
}

/**
 * Which extractors a word, a digit or a symbol can trigger (make worth running on this text) or start (begin
 * a match at that place), as bit masks over the configuration's extractors; built once per configuration.
 */
interface Dispatch {
  triggerWords: Map<string, number>;
  triggerDigits: number;
  triggerChars: Array<[number, string]>;
  alwaysOn: number;
  startWords: Map<string, number>;
  startDigits: number;
  startChars: Map<string, number>;
  startAnywhere: number;
}

const dispatches = new WeakMap<Configuration, Dispatch>();

function dispatchFor(config: Configuration): Dispatch {
  let d = dispatches.get(config);
  if (d) return d;
  if (config.extractors.length > 31) throw new Error("a configuration holds at most 31 extractors");
  const made: Dispatch = { triggerWords: new Map(), triggerDigits: 0, triggerChars: [], alwaysOn: 0, startWords: new Map(), startDigits: 0, startChars: new Map(), startAnywhere: 0 };
  const or = (map: Map<string, number>, key: string, bit: number): void => void map.set(key, (map.get(key) ?? 0) | bit);
  config.extractors.forEach((extractor, i) => {
    const bit = 1 << i;
    const t = extractor.trigger;
    if (!t) made.alwaysOn |= bit;
    else {
      for (const w of t.words ?? []) or(made.triggerWords, w, bit);
      if (t.digits) made.triggerDigits |= bit;
      if (t.chars) made.triggerChars.push([bit, t.chars]);
    }
    const s = extractor.startsWith;
    if (!s) made.startAnywhere |= bit;
    else {
      for (const w of s.words ?? []) or(made.startWords, w, bit);
      if (s.digits) made.startDigits |= bit;
      for (const c of s.chars ?? "") or(made.startChars, c, bit);
    }
  });
  dispatches.set(config, made);
  return made;
}

/**
 * Every extractor's readings, in configuration order. A match may begin only at the start of a word or
 * number, or at a symbol that can open a phrase ("@", "(", "+", "-"); each extractor is tried only there,
 * as a sticky pattern, and only where its first word or symbol can stand and the text holds a word it needs.
 */
export function extractMentions(ctx: ParsingContext, config: Configuration): Mention[] {
  const text = ctx.text;
  const lower = text.toLowerCase();
  // Lower-casing can change a string's length (rare letters): then the first test is skipped.
  const sameLength = lower.length === text.length;
  const d = dispatchFor(config);
  const at: number[] = [];
  const can: number[] = [];
  let active = d.alwaysOn;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    at.push(i);
    if (c >= 48 && c <= 57) {
      active |= d.triggerDigits;
      can.push(d.startDigits | d.startAnywhere);
      while (i < text.length && isLetterAt(text, i, true)) i++;
    } else if (isLetterAt(text, i)) {
      let j = i + 1;
      while (j < text.length && isLetterAt(text, j)) j++;
      const word = text.slice(i, j).toLowerCase();
      active |= d.triggerWords.get(word) ?? 0;
      can.push((d.startWords.get(word) ?? 0) | d.startAnywhere);
      while (j < text.length && isLetterAt(text, j, true)) j++;
      i = j;
    } else {
      can.push((d.startChars.get(text[i]) ?? 0) | d.startAnywhere);
      i++;
    }
  }
  for (const [bit, chars] of d.triggerChars) if (!(active & bit)) for (const ch of chars) if (text.includes(ch)) active |= bit;
  const mentions: Mention[] = [];
  for (let e = 0; e < config.extractors.length; e++) {
    const bit = 1 << e;
    if (!(active & bit)) continue;
    const extractor = config.extractors[e];
    const pattern = stickyVersion(extractor.pattern);
    const quick = sameLength ? caselessVersion(extractor.pattern) : null;
    const before = mentions.length;
    const began = ctx.debug && ctx.stopwatch ? ctx.stopwatch() : 0;
    let floor = 0;
    for (let k = 0; k < at.length; k++) {
      if (!(can[k] & bit) || at[k] < floor) continue;
      if (quick) {
        quick.lastIndex = at[k];
        if (!quick.test(lower)) continue;
      }
      pattern.lastIndex = at[k];
      const match = pattern.exec(text);
      if (!match || match[0].length === 0) continue;
      floor = at[k] + match[0].length;
      const mention = extractor.extract(ctx, match);
      if (mention) mentions.push(mention);
    }
    if (ctx.debug && mentions.length > before) {
      const found = mentions.slice(before);
      ctx.debug({ step: extractor.name, kind: "extractor", detail: found.map((m) => `${m.kind} "${m.text}"`).join("; "), spans: found.map((m) => [m.start, m.end]), durationMs: elapsed(ctx, began) });
    }
  }
  return mentions;
}

/** The refiners in order over the extracted readings. */
export function refineMentions(ctx: ParsingContext, config: Configuration, extracted: Mention[]): Mention[] {
  let mentions = extracted;
  for (const refiner of config.refiners) {
    const before = mentions;
    const began = ctx.debug && ctx.stopwatch ? ctx.stopwatch() : 0;
    mentions = refiner.refine(ctx, mentions);
    if (ctx.debug && (before.length !== mentions.length || before.some((m, i) => m !== mentions[i]))) {
      ctx.debug({ step: refiner.name, kind: "refiner", detail: mentions.map((m) => `${m.kind} "${m.text}"`).join("; "), spans: mentions.map((m) => [m.start, m.end]), durationMs: elapsed(ctx, began) });
    }
  }
  return mentions;
}
