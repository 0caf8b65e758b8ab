/** Runs a configuration over a text: every extractor, then the refiners in order, then the assembler. */
import type { CalendarEvent } from "../events/event.js";
import { assemble } from "./assembly/assemble.js";
import { isDigitCode, isLetterAt, isSpaceCode } from "./textScan.js";
import type { Extractor, Mention, ParsingContext, Refiner } from "./types.js";
import { WordTrie } from "./wordTrie.js";

/** An ordered list of units; the order of refiners matters and is commented where it is set. */
export interface Configuration {
  extractors: Extractor[];
  refiners: Refiner[];
}


const sticky = new WeakMap<RegExp, RegExp>();

const caseless = new WeakMap<RegExp, RegExp | null>();

/**
 * A case-sensitive twin of a case-insensitive pattern, run on the lower-cased text instead of the pattern on
 * the text: matching without case folding is markedly faster. Where it matches, its strings are read again
 * from the original text at the same places (`inOriginal`), so extractors see exactly the match the pattern
 * would give, and the case-folding pattern is not run (nor compiled: V8 compiles each pattern to its own
 * machine code, and a parse that ran both versions of every pattern it matched kept twice the code hot,
 * which is what other code evicts first). Null for patterns that are not case-insensitive or that spell
 * upper-case letters.
 */
function caselessVersion(pattern: RegExp): RegExp | null {
  let version = caseless.get(pattern);
  if (version === undefined) {
    const sticky = stickyVersion(pattern);
    const letters = sticky.source.replace(/\\[pP]\{[^}]*\}/g, "").replace(/\\./g, "");
    // A cased class (\p{Lu}, \p{Ll}…) matches other letters once case is folded: such a pattern gets no twin.
    const casedClass = /\\[pP]\{(?:Lu|Ll|Lt|Uppercase|Lowercase|Cased|Upper|Lower)/.test(sticky.source);
    version = sticky.flags.includes("i") && !/[A-Z]/.test(letters) && !casedClass ? new RegExp(sticky.source, sticky.flags.replace("i", "")) : null;
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

/**
 * True when a capturing group of the pattern stands inside a lookahead or lookbehind: only there can a
 * capture lie outside the span of the whole match. Reads the source: escapes and character classes are
 * skipped, so a "(" inside them is not taken for a group.
 */
export function capturesInLookaround(source: string): boolean {
  // Per open group, whether it is a lookaround; `around` counts the open ones.
  const open: boolean[] = [];
  let around = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (c === "[") {
      for (i++; i < source.length && source[i] !== "]"; i++) if (source[i] === "\\") i++;
    } else if (c === "(") {
      const lookaround = /^\?(?:=|!|<=|<!)/.test(source.slice(i + 1, i + 4));
      const capturing = source[i + 1] !== "?" || (source[i + 2] === "<" && !lookaround);
      if (capturing && around > 0) return true;
      open.push(lookaround);
      if (lookaround) around++;
    } else if (c === ")" && open.pop()) around--;
  }
  return false;
}

/** True when `text` and `lower` hold the same code units over [from, to): no letter there changed case. */
function sameCaseOver(text: string, lower: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) !== lower.charCodeAt(i)) return false;
  return true;
}

/**
 * A twin's match on the lower-cased text made the match of the original pattern on `text`, whose match is at
 * the same places: each string is read from `text` there (the two strings line up code unit for code unit).
 * A capture's place is where its text stands in the whole match, which is known when it stands there once;
 * false (the match left as it was) when a capture's text stands there twice or the pattern names its groups.
 * Changed in place, so it keeps the shape of an exec result. Only for patterns whose captures all lie in the
 * match (`capturesInside`). `d` (match indices) would give the places, but V8 builds them in a runtime call
 * on every match, which cost more than this.
 */
export function inOriginal(match: RegExpExecArray, text: string): boolean {
  if (match.groups !== undefined) return false;
  const whole = match[0];
  for (let i = 1; i < match.length; i++) {
    const part = match[i];
    // A second occurrence after the first (`lastIndexOf` would say the same, in a runtime call).
    if (part !== undefined && part.length > 0 && whole.indexOf(part, whole.indexOf(part) + 1) !== -1) return false;
  }
  const start = match.index;
  for (let i = 1; i < match.length; i++) {
    const part = match[i];
    if (part === undefined || part.length === 0) continue;
    const at = start + whole.indexOf(part);
    match[i] = text.slice(at, at + part.length);
  }
  match[0] = text.slice(start, start + whole.length);
  match.input = text;
  return true;
}

/** A limit not computed yet (`lastOccurrence` gives -1 or more). */
const NOT_YET = -2;


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

/** What one lower-cased word does: which extractors it triggers and which it can start (bit masks). */
interface WordBits {
  trigger: number;
  start: number;
}

/**
 * Which extractors a word, a digit or a symbol can trigger (make worth running on this text) or start (begin
 * a match at that place), as bit masks over the configuration's extractors, and each extractor's compiled
 * patterns; built once per configuration so a parse walks a trie per word and looks nothing up per extractor.
 */
interface Dispatch {
  words: WordTrie<WordBits>;
  triggerDigits: number;
  /**
   * Trigger characters that the scan visits one by one (symbols: not spaces, letters or digits), as bits per
   * code unit: ASCII in the array, others in the map. The scan ORs them in as it passes, so a text is not
   * searched again for each of them.
   */
  triggerSymbols: Int32Array;
  triggerSymbolsOther: Map<number, number>;
  /** Any other trigger characters (none in the shipped locales), found with `includes` after the scan. */
  triggerChars: Array<[number, string]>;
  alwaysOn: number;
  startDigits: number;
  /** Extractors a symbol can start, by code unit (ASCII; others in `startCharsOther`). */
  startChars: Int32Array;
  startCharsOther: Map<number, number>;
  startAnywhere: number;
  sticky: RegExp[];
  caseless: Array<RegExp | null>;
  /** Per extractor, whether its pattern's captures all lie inside its match (none in a lookaround). */
  capturesInside: boolean[];
  /**
   * Per extractor, its `extract` and `mayStartAt` methods, read once here: extractors come in several object
   * shapes, and reading the methods off them on every parse was a megamorphic look-up each time.
   */
  extract: ReadonlyArray<Extractor["extract"]>;
  mayStartAt: ReadonlyArray<Extractor["mayStartAt"]>;
  /** Per extractor, its `holdsLater` strings indexed for `lastOccurrence` (null when it has none). */
  holdsLater: ReadonlyArray<NeedleIndex | null>;
  /** Per extractor, its `digitsHoldLater` strings, as above. */
  digitsHoldLater: ReadonlyArray<NeedleIndex | null>;
  /** How many distinct needle sets the two lists hold (each index knows its number, `NeedleIndex.id`). */
  needleSets: number;
}

const dispatches = new WeakMap<Configuration, Dispatch>();

function dispatchFor(config: Configuration): Dispatch {
  let d = dispatches.get(config);
  if (d) return d;
  if (config.extractors.length > 31) throw new Error("a configuration holds at most 31 extractors");
  const made: Dispatch = {
    words: new WordTrie(), triggerDigits: 0, triggerSymbols: new Int32Array(0x80), triggerSymbolsOther: new Map(), triggerChars: [], alwaysOn: 0, startDigits: 0,
    startChars: new Int32Array(0x80), startCharsOther: new Map(), startAnywhere: 0,
    sticky: config.extractors.map((e) => stickyVersion(e.pattern)),
    caseless: config.extractors.map((e) => caselessVersion(e.pattern)),
    capturesInside: config.extractors.map((e) => !capturesInLookaround(e.pattern.source)),
    extract: config.extractors.map((e) => e.extract),
    mayStartAt: config.extractors.map((e) => e.mayStartAt),
    holdsLater: [],
    digitsHoldLater: [],
    needleSets: 0,
  };
  // Extractors that give the same strings share one index (and so one scan per parse).
  const indexes = new Map<string, NeedleIndex>();
  const shared = (needles: readonly string[] | undefined): NeedleIndex | null => {
    if (!needles || needles.length === 0) return null;
    const key = [...new Set(needles)].sort().join("\u0000");
    let index = indexes.get(key);
    if (!index) indexes.set(key, (index = needleIndex(needles, indexes.size)));
    return index;
  };
  made.holdsLater = config.extractors.map((e) => shared(e.holdsLater));
  made.digitsHoldLater = config.extractors.map((e) => shared(e.digitsHoldLater));
  made.needleSets = indexes.size;
  const bitsOf = (word: string): WordBits => made.words.getOrAdd(word, () => ({ trigger: 0, start: 0 }));
  config.extractors.forEach((extractor, i) => {
    const bit = 1 << i;
    const t = extractor.trigger;
    if (!t) made.alwaysOn |= bit;
    else {
      for (const w of t.words ?? []) bitsOf(w).trigger |= bit;
      if (t.digits) made.triggerDigits |= bit;
      for (const c of t.chars ?? "") {
        const code = c.charCodeAt(0);
        if (c.length !== 1 || isSpaceCode(code) || isLetterAt(c, 0, true)) made.triggerChars.push([bit, c]);
        else if (code < 0x80) made.triggerSymbols[code] |= bit;
        else made.triggerSymbolsOther.set(code, (made.triggerSymbolsOther.get(code) ?? 0) | bit);
      }
    }
    const s = extractor.startsWith;
    if (!s) made.startAnywhere |= bit;
    else {
      for (const w of s.words ?? []) bitsOf(w).start |= bit;
      if (s.digits) made.startDigits |= bit;
      for (const c of s.chars ?? "") {
        const code = c.charCodeAt(0);
        // The scan reads one code unit at a time: a character outside the BMP never starts a match there.
        if (c.length !== 1) continue;
        if (code < 0x80) made.startChars[code] |= bit;
        else made.startCharsOther.set(code, (made.startCharsOther.get(code) ?? 0) | bit);
      }
    }
  });
  dispatches.set(config, made);
  return made;
}

/** Where a match may begin (`at`, ascending) and which extractors may begin there (`can`, bit masks). */
interface Starts {
  at: number[];
  can: number[];
  /** Extractors the text triggers. */
  active: number;
  /** Extractors that some place of the text can start (the union of `can`). */
  startable: number;
}

/**
 * One pass over the text: the start of every word, number and symbol, and the extractors each can start and
 * the text triggers. Words are looked up lower-cased, read in place from `lower` when it lines up with the text.
 */
function scanStarts(text: string, lower: string, sameLength: boolean, d: Dispatch): Starts {
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
    if (isDigitCode(c)) {
      active |= d.triggerDigits;
      can.push(d.startDigits | d.startAnywhere);
      while (i < text.length && isLetterAt(text, i, true)) i++;
    } else if (isLetterAt(text, i)) {
      // The trie is walked in the same loop that finds the word's end (state 0: no stored word goes on).
      let state = sameLength ? d.words.step(0, lower.charCodeAt(i)) : 0;
      let j = i + 1;
      for (; j < text.length && isLetterAt(text, j); j++) if (state !== 0) state = d.words.step(state, lower.charCodeAt(j));
      const bits = sameLength ? d.words.valueAt(state) : d.words.get(text.slice(i, j).toLowerCase());
      if (bits) active |= bits.trigger;
      can.push((bits ? bits.start : 0) | d.startAnywhere);
      while (j < text.length && isLetterAt(text, j, true)) j++;
      i = j;
    } else {
      // Every character that is not a space, a letter or a digit is visited here, one at a time.
      if (c < 0x80) {
        active |= d.triggerSymbols[c];
        can.push(d.startChars[c] | d.startAnywhere);
      } else {
        active |= d.triggerSymbolsOther.get(c) ?? 0;
        can.push((d.startCharsOther.get(c) ?? 0) | d.startAnywhere);
      }
      i++;
    }
  }
  for (const [bit, chars] of d.triggerChars) if (!(active & bit)) for (const ch of chars) if (text.includes(ch)) active |= bit;
  let startable = 0;
  for (const bits of can) startable |= bits;
  return { at, can, active, startable };
}

const ASCII_ONLY = /^[\u0000-\u007f]*$/;

/**
 * Characters that a case-insensitive pattern folds to a letter other than their lower case: the long s "ſ"
 * matches /s/iu (and \w, \b there) but lower-cases to itself. Exported for the test that derives it.
 */
export const FOLDS_APART = /\u017f/;

/** Needles for `lastOccurrence`: those that begin with an ASCII code unit by that unit, the rest in a list. */
interface NeedleIndex {
  /** Its number among the configuration's distinct needle sets, for the per-parse memo of `lastOccurrence`. */
  id: number;
  /** Per ASCII code unit, the needles that begin with it (undefined where none does). */
  ascii: Array<string[] | undefined>;
  /** Per ASCII code unit, 1 where some needle begins with it: the scan's quick test for most code units. */
  startsAscii: Uint8Array;
  /** Needles that begin with any other code unit ("–", "—"). */
  other: string[];
}

/** A set of `holdsLater` (or `digitsHoldLater`) strings indexed for the backward scan, as set number `id`. */
function needleIndex(needles: readonly string[], id: number): NeedleIndex {
  const index: NeedleIndex = { id, ascii: new Array<string[] | undefined>(0x80).fill(undefined), startsAscii: new Uint8Array(0x80), other: [] };
  for (const needle of needles) {
    const first = needle.charCodeAt(0);
    if (first < 0x80) {
      (index.ascii[first] ??= []).push(needle);
      index.startsAscii[first] = 1;
    } else index.other.push(needle);
  }
  return index;
}

/** True when `needle` stands in `lower` at `at`, its first code unit being already known to match. */
function restMatches(lower: string, at: number, needle: string): boolean {
  if (at + needle.length > lower.length) return false;
  for (let k = 1; k < needle.length; k++) if (lower.charCodeAt(at + k) !== needle.charCodeAt(k)) return false;
  return true;
}

/**
 * The last place in `lower` where any needle begins; -1 when none does. One backward scan that stops at the
 * first place from the end where a needle begins (the same answer as the largest `lastIndexOf` over the
 * needles, which is a runtime call per needle, each over the whole text): most code units have no needle
 * beginning with them, and the others are compared a code unit at a time, no call.
 */
function lastOccurrence(lower: string, needles: NeedleIndex): number {
  for (let i = lower.length - 1; i >= 0; i--) {
    const c = lower.charCodeAt(i);
    if (c < 0x80) {
      if (needles.startsAscii[c] === 0) continue;
      for (const needle of needles.ascii[c]!) if (restMatches(lower, i, needle)) return i;
    } else if (needles.other.length > 0) {
      for (const needle of needles.other) if (needle.charCodeAt(0) === c && restMatches(lower, i, needle)) return i;
    }
  }
  return -1;
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
  const { at, can, active, startable } = scanStarts(text, lower, sameLength, d);
  const ascii = sameLength && ASCII_ONLY.test(text);
  // A case-insensitive pattern (which holds no cased class) and its caseless twin on the lower-cased text
  // take the same path and match the same spans wherever lower-casing a character gives what the pattern's
  // case folding compares it as: every character whose lower case is one code unit, except the long s
  // (FOLDS_APART; the test "caseTwin" checks this over the BMP). So where the twin fails, the pattern
  // fails; where it matches, the pattern matches at the same places. Its match is taken as is when the text
  // is all lower case, or when no letter of the matched span changed case and every capture lies in that
  // span; otherwise its strings are read again from the text at those places (`inOriginal`), and where those
  // places are not known the pattern is run on the text (rare).
  const twinExact = sameLength && (ascii || !FOLDS_APART.test(text));
  const foldFree = twinExact && text === lower;
  const mentions: Mention[] = [];
  // Each needle set's last place in this text, found when an extractor first needs it (NOT_YET until then).
  const lastAt: number[] = [];
  for (let i = 0; i < d.needleSets; i++) lastAt.push(NOT_YET);
  const lastOf = (needles: NeedleIndex): number => {
    let at = lastAt[needles.id];
    if (at === NOT_YET) lastAt[needles.id] = at = lastOccurrence(lower, needles);
    return at;
  };
  for (let e = 0; e < config.extractors.length; e++) {
    const bit = 1 << e;
    // Not triggered, or no place can start it: then it has nothing to try (and no limits are worked out).
    if (!(active & startable & bit)) continue;
    const extractor = config.extractors[e];
    const pattern = d.sticky[e];
    const quick = sameLength ? d.caseless[e] : null;
    // A match needs one of its `holdsLater` strings after its first character: no start at or after the
    // last of them can match (its quick test would fail, so this changes nothing but the work done).
    const holdsLater = d.holdsLater[e];
    const limit = quick && holdsLater !== null ? lastOf(holdsLater) : text.length;
    // The same for digit starts with `digitsHoldLater` (digits are where most starts fail), found when the
    // first digit start comes up (NOT_YET until then: many texts give an extractor no digit start to try).
    const digitsHoldLater = d.digitsHoldLater[e];
    let digitLimit = quick && digitsHoldLater !== null ? NOT_YET : text.length;
    // `mayStartAt` reads `lower` at the start, so only where it lines up with the text and compares as the
    // pattern does (not with a long s, which a folding pattern reads as "s").
    const mayStartAt = twinExact ? d.mayStartAt[e] : undefined;
    const extract = d.extract[e];
    const before = mentions.length;
    const began = ctx.debug && ctx.stopwatch ? ctx.stopwatch() : 0;
    let floor = 0;
    for (let k = 0; k < at.length && at[k] < limit; k++) {
      if (!(can[k] & bit) || at[k] < floor) continue;
      if (digitLimit !== text.length && isDigitCode(text.charCodeAt(at[k]))) {
        if (digitLimit === NOT_YET) digitLimit = lastOf(digitsHoldLater!);
        if (at[k] >= digitLimit) continue;
      }
      if (mayStartAt && !mayStartAt(lower, at[k])) continue;
      let match: RegExpExecArray | null;
      if (quick && foldFree) {
        quick.lastIndex = at[k];
        match = quick.exec(text);
      } else if (quick && twinExact) {
        quick.lastIndex = at[k];
        match = quick.exec(lower);
        if (match && d.capturesInside[e] && sameCaseOver(text, lower, at[k], at[k] + match[0].length)) match.input = text;
        else if (match && !(d.capturesInside[e] && inOriginal(match, text))) {
          pattern.lastIndex = at[k];
          match = pattern.exec(text);
        }
      } else {
        if (quick) {
          quick.lastIndex = at[k];
          if (!quick.test(lower)) continue;
        }
        pattern.lastIndex = at[k];
        match = pattern.exec(text);
      }
      if (!match || match[0].length === 0) continue;
      floor = at[k] + match[0].length;
      const mention = extract.call(extractor, ctx, match);
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
