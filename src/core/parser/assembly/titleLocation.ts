/**
 * Title and location from what is left of an event's text once its date, time and recurrence phrases (and
 * the connector words in front of them) are taken out. The location follows a marker ("at", "@", "in" before
 * a name, "on" before a street) or is a separate item after the date ("… | Copacabana, 268 W 47th St |");
 * the title is the remaining words of the item that holds the date, or of the item before it.
 */
import { isLeadWord } from "../leadWords.js";
import type { Mention, ParsingContext } from "../types.js";
import { isJsSpace, lastIndexOfAt, previousWord } from "../textScan.js";
import { noiseRanges } from "./noise.js";
import { trimEdges, trimsToEmpty } from "./trimEdges.js";
import type { Part, Separator } from "./segment.js";

interface Piece {
  start: number;
  end: number;
  part: number;
  /** How the piece is separated from what comes before it. */
  boundary: Separator | "mention";
  /** A date/time phrase of the event comes earlier in the group. */
  afterMention: boolean;
}

export interface TitleLocation {
  title: string;
  titleSpan: [number, number] | null;
  location: string | null;
  locationSpan: [number, number] | null;
}

// The mask's store, reused: a Uint8Array of more than 64 bytes is kept off the V8 heap (a malloc and a
// GC-tracked backing store for every event read), and only one mask is read at a time, since nothing that
// reads titles calls itself. Cells past the current group's length hold stale marks and are never read.
let maskStore = new Uint8Array(512);

/**
 * Marks the removed characters: read mentions, their connector words, noise. The mask covers [start, end)
 * (cell i is text position start + i) and is valid until the next call.
 */
function buildMask(ctx: ParsingContext, start: number, end: number, removed: Mention[]): Uint8Array {
  if (maskStore.length < end - start) maskStore = new Uint8Array(Math.max(end - start, maskStore.length * 2));
  const mask = maskStore;
  mask.fill(0, 0, end - start);
  for (const m of removed) {
    mark(mask, start, end, m.start, m.end);
    // Up to two connector words right before the phrase go with it ("is on Friday", "at 3pm").
    let cursor = m.start;
    for (let k = 0; k < 2; k++) {
      const w = previousWord(ctx.text, cursor, start);
      if (!w || (w[0] > start && !isJsSpace(ctx.text.charCodeAt(w[0] - 1)))) break;
      const word = ctx.text.slice(w[0], w[1]).toLowerCase();
      if (!isLeadWord(ctx.locale, word)) break;
      mark(mask, start, end, w[0], cursor);
      cursor = w[0];
    }
  }
  const text = ctx.text.slice(start, end);
  for (const [a, b] of noiseRanges(text)) mark(mask, start, end, start + a, start + b);
  return mask;
}

/** Marks text positions [a, b) in a mask of [start, end), clipped to it. */
function mark(mask: Uint8Array, start: number, end: number, a: number, b: number): void {
  for (let i = Math.max(a, start); i < Math.min(b, end); i++) mask[i - start] = 1;
}

/** True when a cell of mask[from, to) is marked (a loop: no subarray view to allocate). */
function anyMarked(mask: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (mask[i] === 1) return true;
  return false;
}

/** The unmarked stretches of the parts that hold more than what trimming removes, in text order. */
function piecesOf(text: string, parts: Part[], mask: Uint8Array, base: number, firstMention: number): Piece[] {
  const pieces: Piece[] = [];
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    let boundary: Piece["boundary"] = part.sepBefore;
    let i = part.start;
    while (i < part.end) {
      while (i < part.end && mask[i - base]) {
        boundary = "mention";
        i++;
      }
      const s = i;
      while (i < part.end && !mask[i - base]) i++;
      if (i > s && !trimsToEmpty(text, s, i)) pieces.push({ start: s, end: i, part: index, boundary, afterMention: s >= firstMention });
    }
  }
  return pieces;
}

const TRAILING_JOINERS = new Set(["with", "and", "or", "w"]);
const LEADING_CONNECTORS = new Set(["on", "at", "@", "by", "from", "every", "starting"]);

/** A word of letters (or "@"): what may be dropped as a dangling connector. */
function isWordish(word: string): boolean {
  return word === "@" || /^[\p{L}]+$/u.test(word);
}

/** Removes noise prefixes ("Reminder:", "Join us for") and dangling connector words at either end. */
const framingPatterns = new Map<string, { leadIn: RegExp; tail: RegExp }>();

/** Strips sentence framing: "are we still on for drinks" → "drinks"; "Our Spring Concert will be held" → "Spring Concert". */
function unframe(ctx: ParsingContext, title: string): string {
  let p = framingPatterns.get(ctx.locale.code);
  if (!p) {
    const alt = (words: readonly string[]) => words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/'/g, "['’]").replace(/ /g, "\\s+")).join("|");
    p = { leadIn: new RegExp(`^.*?(?:^|\\s)(?:${alt(ctx.locale.titleLeadIns)})(?:\\s+|$)`, "iu"), tail: new RegExp(`\\s+(?:${alt(ctx.locale.titleTails)})(?:\\s.*)?$`, "iu") };
    framingPatterns.set(ctx.locale.code, p);
  }
  let out = title;
  const lead = p.leadIn.exec(out);
  if (lead) {
    // Framing alone ("I'm thinking") names nothing: the title is elsewhere.
    if (lead[0].trim().length >= out.trim().length) return "";
    out = out.slice(lead[0].length);
  }
  const tail = p.tail.exec(out);
  const framed = out !== title || Boolean(tail);
  if (tail && tail.index > 0) out = out.slice(0, tail.index);
  if (framed) {
    const first = out.split(" ")[0]?.toLowerCase();
    if (first && ctx.locale.titleDeterminers.has(first) && out.includes(" ")) out = out.slice(out.indexOf(" ") + 1);
  }
  return trimEdges(out);
}

const prefixesByFirst = new Map<string, Map<string, string[]>>();

/**
 * The locale's noise prefixes that begin with `first`, in list order (the first that fits is the one taken):
 * a title is compared only with the few that can match instead of all of them, per title and per round.
 */
function noisePrefixesFrom(ctx: ParsingContext, first: string): readonly string[] {
  let byFirst = prefixesByFirst.get(ctx.locale.code);
  if (!byFirst) {
    byFirst = new Map();
    for (const prefix of ctx.locale.noisePrefixes) {
      const list = byFirst.get(prefix[0]);
      if (list) list.push(prefix);
      else byFirst.set(prefix[0], [prefix]);
    }
    prefixesByFirst.set(ctx.locale.code, byFirst);
  }
  return byFirst.get(first) ?? NONE;
}

const NONE: readonly string[] = [];

function cleanTitle(ctx: ParsingContext, raw: string): string {
  let title = unframe(ctx, trimEdges(raw));
  for (let changed = true; changed; ) {
    changed = false;
    const lower = title.toLowerCase();
    if (lower.length === 0) break;
    for (const prefix of noisePrefixesFrom(ctx, lower[0])) {
      if (!changed && lower.startsWith(prefix) && (title.length === prefix.length || /[\s:,-]/.test(title[prefix.length]) || /[:\s]$/.test(prefix))) {
        title = trimEdges(title.slice(prefix.length));
        changed = true;
      }
    }
  }
  // Dangling connectors at either end ("Project deadline is", "on Sunday" leftovers), a few times over; a
  // pass that changes nothing would change nothing again.
  for (let k = 0, before = ""; k < 3 && title !== before; k++) {
    before = title;
    const space = lastIndexOfAt(title, " ", title.length);
    const last = space >= 0 ? title.slice(space + 1) : "";
    const lastLower = last.toLowerCase();
    // The set look-ups first: most last words are no connector, and then the pattern is not run.
    if (last && (ctx.locale.connectors.has(lastLower) || TRAILING_JOINERS.has(lastLower)) && isWordish(last)) title = trimEdges(title.slice(0, space));
    const firstSpace = title.indexOf(" ");
    const first = firstSpace > 0 ? title.slice(0, firstSpace).toLowerCase() : "";
    if (first && LEADING_CONNECTORS.has(first)) title = trimEdges(title.slice(firstSpace + 1));
  }
  return title;
}

interface MarkerHit {
  /** Offset of the location text inside the piece. */
  at: number;
  /** Offset of the marker word (title text ends there). */
  markerAt: number;
}

/**
 * Finds a location marker inside a piece: "at X", "@ X", "in X" (X capitalised or a number), "on X Street";
 * with a quick test that the piece holds "@" or one of the marker words before white space, which every
 * match does (most pieces hold none, and the full pattern is not run on them).
 */
const markerPatterns = new Map<string, { pattern: RegExp; hint: RegExp }>();

function markerPattern(ctx: ParsingContext): { pattern: RegExp; hint: RegExp } {
  const cached = markerPatterns.get(ctx.locale.code);
  if (cached) return cached;
  const streets = [...ctx.locale.streetWords].map((w) => w.replace(/\./g, "\\.")).join("|");
  const plain = ctx.locale.locationMarkers.filter((w) => w !== "@" && w !== "in" && w !== "on" && w !== "im");
  const capital = ctx.locale.locationMarkers.filter((w) => w === "in" || w === "im");
  const re = new RegExp(
    `(?:^|\\s)(?:(@)\\s*|(${plain.join("|")})\\s+(?!(?:least|most|all|once|home\\s+with|the\\s+latest|the\\s+earliest)\\b)|(${capital.join("|")})\\s+(?=[\\p{Lu}\\d])|(on)\\s+(?=(?:[\\p{Lu}\\d][\\p{L}\\d'.]*\\s+){1,4}(?:${streets})\\b))`,
    "iu",
  );
  // The words of the pattern's alternatives that begin with a word, each of which a space must follow.
  const hint = new RegExp(`@|(?:^|\\s)(?:${[...plain, ...capital, "on"].join("|")})\\s`, "iu");
  const made = { pattern: re, hint };
  markerPatterns.set(ctx.locale.code, made);
  return made;
}

function findMarker(ctx: ParsingContext, text: string): MarkerHit | null {
  const { pattern, hint } = markerPattern(ctx);
  if (!hint.test(text)) return null;
  const m = pattern.exec(text);
  if (!m) return null;
  // "in" introduces a place, but not a manner or a time ("in person", "in advance", "in the morning").
  if (m[3] && /^i[nm]\s+(?:person|advance|total|time|case|progress|general|order|full|an?\s|the\s+(?:morning|afternoon|evening|meantime)|january|february|march|april|may|june|july|august|september|october|november|december)\b/i.test(text.slice(m.index).trim())) return null;
  const markerAt = m.index + (m[0].length - m[0].trimStart().length);
  return { at: m.index + m[0].length, markerAt };
}

/**
 * Where a cleaned phrase sits in the text: from its first word's start in the first range that holds it to
 * its last word's end in the last such range (the ranges are the pieces it was read from).
 */
function spanOfWords(text: string, ranges: Array<[number, number]>, phrase: string): [number, number] {
  const firstSpace = phrase.indexOf(" ");
  const first = firstSpace < 0 ? phrase : phrase.slice(0, firstSpace);
  const last = phrase.slice(lastIndexOfAt(phrase, " ", phrase.length) + 1);
  // Searched in the text within each range's bounds (no slice per range): an occurrence counts when it lies
  // wholly inside the range, as in a search of the range's own text.
  let start = ranges[0][0];
  for (const [a, b] of ranges) {
    const at = text.indexOf(first, a);
    if (at >= 0 && at + first.length <= b) {
      start = at;
      break;
    }
  }
  let end = ranges[ranges.length - 1][1];
  for (let i = ranges.length - 1; i >= 0; i--) {
    const [a, b] = ranges[i];
    const from = Math.max(a, i === 0 ? start : a);
    const at = b - from >= last.length ? lastIndexOfAt(text, last, b - last.length) : -1;
    if (at >= from) {
      end = at + last.length;
      break;
    }
  }
  return [start, Math.max(start, end)];
}

/** A street address: a number, a name, a street word ("58 MAIN ST", "410 W 14th St"). */
const ADDRESS = /^[^\p{L}\p{N}]*\d+[A-Za-z]?\s+(?:[\p{L}\d.'-]+\s+){0,4}(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|way|place|pl|plaza|square|sq|court|ct|parkway|pkwy|highway|hwy)\b\.?/iu;

/** Common nouns that open a place description written in lower case ("corner of Elm & 5th", "school cafeteria"). */
const PLACE_NOUNS = /^[^\p{L}\p{N}]*(?:corner|room|suite|floor|building|hall|lobby|office|studio|school|church|park|cafe|café|cafeteria|library|gym|pool|field|court|center|centre|campus|auditorium|ballroom|basement|rooftop|backyard|garden|pier|station|terminal|gate|main|north|south|east|west|downtown|upstairs|downstairs)\b/iu;

/** Greetings and sign-offs, never places ("Thanks!", "Cheers"). */
const CLOSINGS = /^[^\p{L}]*(?:thanks|thank\s+you|thx|cheers|best|regards|best\s+regards|kind\s+regards|love|xoxo|bye|see\s+you|hi|hello|hey|dear|sincerely)\b/iu;

/** A clock time the extractors did not read ("9:30äm"): not a place, though it starts with a number. */
const CLOCK_LIKE = /^[^\p{L}\p{N}]*\d{1,2}[:.]\d\d/u;

/** An unmarked item reads as a place when it starts like a name or a number, or with a place noun. */
function looksLikePlace(text: string): boolean {
  if (!/\p{L}/u.test(text) || CLOSINGS.test(text) || CLOCK_LIKE.test(text)) return false;
  return /^[^\p{L}\p{N}]*[\p{Lu}\p{N}]/u.test(text) || PLACE_NOUNS.test(text);
}

/** Title candidates: the part holding the first phrase, then the parts before it nearest first, then after it. */
function titleOrder(pieces: Piece[], mentionPart: number): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) if (p.part === mentionPart) out.push(p);
  for (let i = pieces.length - 1; i >= 0; i--) if (pieces[i].part < mentionPart) out.push(pieces[i]);
  for (const p of pieces) if (p.part > mentionPart) out.push(p);
  return out;
}

/** Reads the title and location of one event group. */
export function readTitleLocation(ctx: ParsingContext, parts: Part[], removed: Mention[], firstMention: number): TitleLocation {
  const start = parts[0].start;
  const end = parts[parts.length - 1].end;
  const mask = buildMask(ctx, start, end, removed);
  const pieces = piecesOf(ctx.text, parts, mask, start, firstMention);
  let location: { start: number; end: number } | null = null;
  // The pieces read as the location (one to three, each added once): a list is cheaper than a set here.
  const locationPieces: Piece[] = [];
  let titleCut: { piece: Piece; end: number } | null = null;

  // 1. A marked location: in the item holding the date or time first, then after it, then before it.
  let firstPart = -1;
  for (let i = 0; i < parts.length && firstPart < 0; i++) if (parts[i].start <= firstMention && firstMention < Math.max(parts[i].end, parts[i].start + 1)) firstPart = i;
  // Whether the piece holds a marked location (and then takes it).
  const markedIn = (piece: Piece): boolean => {
    if (parts[piece.part].aside) return false;
    const hit = findMarker(ctx, ctx.text.slice(piece.start, piece.end));
    if (!hit) return false;
    const locStart = piece.start + hit.at;
    if (trimsToEmpty(ctx.text, locStart, piece.end)) return false;
    location = { start: locStart, end: piece.end };
    locationPieces.push(piece);
    if (hit.markerAt > 0) titleCut = { piece, end: piece.start + hit.markerAt };
    extend(piece);
    return true;
  };
  // First the pieces in the part holding the first phrase or after it, then those before it.
  let marked = false;
  for (const p of pieces) if (p.part >= firstPart && (marked = markedIn(p))) break;
  if (!marked) for (const p of pieces) if (p.part < firstPart && markedIn(p)) break;
  // 2. Otherwise a separate item after the date/time phrases.
  if (!location) {
    // An unmarked item reads as a place only when it looks like one: a name or a number first ("Hall B",
    // "Copacabana, 268 W 47th St"), not an instruction ("bring a dish").
    // The first piece is the title's when nothing comes before it ("Mon/Wed · 6–7pm · Yoga · Studio B"): the
    // place is looked for after it.
    const candidate = pieces.find((p, i) => i > 0 && p.afterMention && p.boundary !== "mention" && p.boundary !== "start" && parts[p.part].mentions.length === 0 && !parts[p.part].aside && looksLikePlace(ctx.text.slice(p.start, p.end)));
    if (candidate) {
      location = { start: candidate.start, end: candidate.end };
      locationPieces.push(candidate);
      extend(candidate);
    }
  }

  function extend(from: Piece): void {
    let last = from;
    for (const next of pieces) {
      if (next.start <= last.start) continue;
      if (next.part !== last.part + 1 || next.boundary === "mention") break;
      // Commas continue a place ("Dance Manhattan, 39 W 19th St"); a bar or dot only before a street address.
      const sep = parts[next.part].sepBefore;
      if (sep !== "soft" && !(sep === "hard" && ADDRESS.test(ctx.text.slice(next.start, next.end)))) break;
      if (parts[next.part].mentions.some((m) => removed.includes(m))) break;
      if (anyMarked(mask, last.end - start, Math.min(next.start, end) - start)) break;
      location!.end = next.end;
      locationPieces.push(next);
      last = next;
    }
  }

  // 3. The title: the pieces of the item holding the first date/time phrase, else the nearest item before it.
  const titlePieces = pieces.filter((p) => (!locationPieces.includes(p) || titleCut?.piece === p) && !parts[p.part].aside);
  const mentionPart = firstPart;
  const order = titleOrder(titlePieces, mentionPart);
  let title = "";
  let titleSpan: [number, number] | null = null;
  // The candidate is made from all title pieces of a part: a part already tried gives the same text again.
  let triedPart = -1;
  for (const piece of order) {
    if (piece.part === triedPart) continue;
    triedPart = piece.part;
    const same = titlePieces.filter((p) => p.part === piece.part);
    const ranges = same.map((p): [number, number] => [p.start, titleCut?.piece === p ? titleCut.end : p.end]);
    const candidate = cleanTitle(ctx, ranges.map(([a, b]) => ctx.text.slice(a, b)).join(" "));
    if (candidate.length > 0 && /[\p{L}\p{N}]/u.test(candidate)) {
      title = candidate;
      titleSpan = spanOfWords(ctx.text, ranges, candidate);
      break;
    }
  }
  const locationText = location ? trimEdges(ctx.text.slice(location.start, location.end)) : null;
  return {
    title,
    titleSpan,
    location: locationText && /[\p{L}\p{N}]/u.test(locationText) ? locationText : null,
    locationSpan: location && locationText ? spanOfWords(ctx.text, [[location.start, location.end]], locationText) : null,
  };
}
