/**
 * Splits a text into parts at separators (lines, semicolons, bars, spaced dashes, commas, sentence ends)
 * that do not fall inside a mention, then groups consecutive parts into one event each: a part starts a new
 * event when it brings a day or a time the current event already has.
 */
import { insertionSort } from "../insertionSort.js";
import { isLeadWord } from "../leadWords.js";
import type { Mention, ParsingContext } from "../types.js";

export type Separator = "start" | "hard" | "soft" | "line";

const STRENGTH: Record<Separator, number> = { start: 0, soft: 1, hard: 2, line: 3 };

export interface Part {
  start: number;
  end: number;
  sepBefore: Separator;
  mentions: Mention[];
  /** Text inside brackets: a remark, never the title or the place unless nothing else is. */
  aside?: boolean;
}

const ABBREVIATION_BEFORE_DOT = /(?:^|[^\p{L}])(?:[A-Z][a-z]{0,2}|[ap]\.m|[ap]\.m\.)$/u;

/**
 * The separator starting at `i`, as [length, kind], or null: line breaks, ";", "|", "·", "•", tabs, brackets,
 * " - " (a spaced dash), " // ", commas, and sentence ends (". X", "! X") that are not abbreviations.
 */
function separatorAt(text: string, i: number): [number, Separator] | null {
  const c = text[i];
  if (c === "\n" || c === "\r") {
    let j = i;
    while (j < text.length && (text[j] === "\n" || text[j] === "\r")) j++;
    return [j - i, "line"];
  }
  if (c === ";" || c === "|" || c === "•" || c === "·" || c === "\t" || c === "(" || c === ")") return [1, "hard"];
  if (c === ",") return [1, "soft"];
  if (c === " " && (text[i + 1] === "-" || text[i + 1] === "–" || text[i + 1] === "—" || text[i + 1] === "/")) {
    let j = i + 1;
    const dash = text[j] !== "/";
    while (j < text.length && (dash ? text[j] === "-" || text[j] === "–" || text[j] === "—" : text[j] === "/")) j++;
    if (!dash && j - i - 1 !== 2) return null;
    if (text[j] === " ") return [j + 1 - i, "hard"];
    return null;
  }
  if ((c === "." || c === "!" || c === "?") && text[i + 1] === " " && /[A-Z\d]/.test(text[i + 2] ?? "")) {
    if (c === "." && ABBREVIATION_BEFORE_DOT.test(text.slice(Math.max(0, i - 4), i))) return null;
    return [1, "hard"];
  }
  return null;
}

/** ASCII code units that can begin a separator in `separatorAt` (1), as a table read per character. */
const OPENS_SEPARATOR = (() => {
  const table = new Uint8Array(0x80);
  for (const c of "\n\r;|\t(),. !?") table[c.charCodeAt(0)] = 1;
  return table;
})();

/** What may follow a space that begins a separator (" - ", " – ", " — ", " // "). */
const opensSpacedSeparator = (c: number): boolean => c === 45 /* - */ || c === 0x2013 || c === 0x2014 || c === 47 /* / */;

/** The mentions of some parts, in part order (a plain loop: `flatMap` is markedly slower on such small arrays). */
export function mentionsOf(parts: readonly Part[]): Mention[] {
  const out: Mention[] = [];
  for (const part of parts) for (const m of part.mentions) out.push(m);
  return out;
}

/** Parts of the text in order; separators inside a mention's span are ignored. */
export function splitParts(ctx: ParsingContext, mentions: Mention[]): Part[] {
  const text = ctx.text;
  const parts: Part[] = [];
  let cursor = 0;
  let sep: Separator = "start";
  let mentionIndex = 0;
  let inBrackets = false;
  const sorted = mentions.length > 1 ? insertionSort([...mentions], (a, b) => a.start - b.start) : mentions;
  for (let i = 0; i < text.length; ) {
    while (mentionIndex < sorted.length && sorted[mentionIndex].end <= i) mentionIndex++;
    const inside = mentionIndex < sorted.length && sorted[mentionIndex].start <= i;
    const code = text.charCodeAt(i);
    // Most characters cannot begin a separator: they skip the call (separatorAt would return null for them),
    // and so does a space that no dash or slash follows.
    const found = inside || (code < 0x80 && !OPENS_SEPARATOR[code]) || (code === 32 && !opensSpacedSeparator(text.charCodeAt(i + 1))) ? null : separatorAt(text, i);
    if (!found) {
      i++;
      continue;
    }
    const [length, kind] = found;
    if (i > cursor || parts.length === 0) {
      parts.push({ start: cursor, end: i, sepBefore: sep, mentions: [], aside: inBrackets });
      sep = kind;
    } else if (STRENGTH[kind] > STRENGTH[sep]) sep = kind; // "\n•": the line break is what counts
    if (text[i] === "(") inBrackets = true;
    else if (text[i] === ")") inBrackets = false;
    i += length;
    cursor = i;
  }
  parts.push({ start: cursor, end: text.length, sepBefore: sep, mentions: [], aside: inBrackets });
  for (const mention of mentions) {
    const part = parts.find((p) => mention.start >= p.start && mention.start < Math.max(p.end, p.start + 1)) ?? parts[parts.length - 1];
    part.mentions.push(mention);
  }
  return parts.filter((p) => p.end > p.start || p.mentions.length > 0);
}

export interface Traits {
  day: boolean;
  time: boolean;
  /** A recurrence with its days ("weekdays at 7:45am"): a following bare date or span bounds it. */
  recurrence?: boolean;
  /** Only dates (no time, no recurrence). */
  datesOnly?: boolean;
}

/** What a set of mentions says about an event: does it give a day, a time? Bounds and adjectives do not count. */
export function traitsOf(ctx: ParsingContext, mentions: Mention[]): Traits {
  let day = false;
  let time = false;
  let recurrence = false;
  for (const m of mentions) {
    if (m.kind === "date") {
      if (m.lead && (ctx.locale.untilWords.has(m.lead) || (ctx.locale.startingWords.has(m.lead) && m.lead !== "from"))) continue;
      if (m.soft && isAdjectival(ctx, m)) continue;
      day = true;
    } else if (m.kind === "recurrence") {
      day = day || (!m.adjectival && !m.rule.open);
      recurrence = recurrence || !m.adjectival;
    }
    else if (m.kind === "instant") day = true;
    else if (m.kind === "dateTimeRange") day = time = true;
    else if (m.kind === "time" && !(m.soft && isAdjectival(ctx, m))) time = true;
  }
  return { day, time, recurrence, datesOnly: day && !time && !recurrence && mentions.every((m) => m.kind === "date") };
}

/** A soft mention directly followed by a word that is not a connector modifies that word ("Christmas market"). */
const NEXT_WORD = /\s+([\p{L}][\p{L}'’]*)/uy;

/**
 * Whether a word other than a connector follows the mention (it modifies that word). Remembered on the mention
 * (`followedByWord`), as the assembler asks several times per mention: a field, not a WeakMap, whose entries
 * cost a hash insertion per mention and ephemeron work in every garbage collection.
 */
export function isAdjectival(ctx: ParsingContext, m: Mention): boolean {
  let known = m.followedByWord;
  if (known === undefined) {
    known = readAdjectival(ctx, m);
    m.followedByWord = known;
  }
  return known;
}

function readAdjectival(ctx: ParsingContext, m: Mention): boolean {
  NEXT_WORD.lastIndex = m.end;
  const after = NEXT_WORD.exec(ctx.text);
  if (!after) return false;
  const word = after[1].toLowerCase();
  if (isLeadWord(ctx.locale, word)) return false;
  if (/^(and|or|at|night|morning|evening|afternoon|noon|midnight|next|this|week|the|am|pm|a|p|o'clock)$/.test(word)) return false;
  if (ctx.locale.months[word] !== undefined || ctx.locale.weekdays[word] !== undefined) return false;
  return true;
}

/**
 * A header line ("Wedding day, Sat Dec 4:") gives its day to the lines below it instead of being an event:
 * it ends in a colon, says a day but no time, and the next line says a time.
 */
function headerLines(ctx: ParsingContext, parts: Part[]): ReadonlySet<Part> {
  // Most texts have no header line: they all share one empty set, and a set is made only for a header.
  let headers: Set<Part> | null = null;
  let lineStart = 0;
  for (let i = 0; i < parts.length; i++) {
    if (i > 0 && parts[i].sepBefore === "line") lineStart = i;
    const next = parts[i + 1];
    if (!next || next.sepBefore !== "line" || !endsWithColon(ctx.text, parts[i].start, parts[i].end)) continue;
    const line = parts.slice(lineStart, i + 1);
    const traits = traitsOf(ctx, mentionsOf(line));
    let end = i + 1;
    while (end < parts.length && (end === i + 1 || parts[end].sepBefore !== "line")) end++;
    const nextTraits = traitsOf(ctx, mentionsOf(parts.slice(i + 1, end)));
    if (traits.day && !traits.time && nextTraits.time && !nextTraits.day) for (const p of line) (headers ??= new Set()).add(p);
  }
  return headers ?? NO_HEADERS;
}

const NO_HEADERS: ReadonlySet<Part> = new Set();

/** True when text[start, end) ends in a colon, optionally followed by whitespace (`/:\s*$/` without a slice). */
function endsWithColon(text: string, start: number, end: number): boolean {
  let i = end;
  while (i > start && /\s/.test(text[i - 1])) i--;
  return i > start && text[i - 1] === ":";
}

/** A group made of header lines: it gives its day to the groups after it and is not an event itself. */
export type HeaderGroup = Part[] & { header?: boolean };

/** Groups parts into events; header lines form groups of their own, marked as headers. */
export function groupParts(ctx: ParsingContext, parts: Part[]): Part[][] {
  const groups: Part[][] = [];
  const headers = headerLines(ctx, parts);
  let current: Part[] = [];
  let have: Traits = { day: false, time: false };
  for (const part of parts) {
    if (headers.has(part)) {
      if (current.length > 0 && !headers.has(current[0])) {
        groups.push(current);
        current = [];
        have = { day: false, time: false };
      }
      current.push(part);
      continue;
    }
    if (current.length > 0 && headers.has(current[0])) {
      groups.push(current);
      current = [];
      have = { day: false, time: false };
    }
    const traits = traitsOf(ctx, part.mentions);
    const bound = have.recurrence && traits.datesOnly;
    const clash = !bound && ((traits.day && have.day) || (traits.time && have.time));
    if (clash && current.length > 0 && part.sepBefore !== "start") {
      groups.push(current);
      current = [];
      have = { day: false, time: false };
    }
    current.push(part);
    have = { day: have.day || traits.day, time: have.time || traits.time, recurrence: have.recurrence || traits.recurrence };
  }
  if (current.length > 0) groups.push(current);
  for (const g of groups) if (headers.has(g[0])) (g as HeaderGroup).header = true;
  return groups;
}
