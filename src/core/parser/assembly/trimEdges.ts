/** Trimming of a title or location candidate: separators, bullets and dangling punctuation at its ends. */

// Characters trimmed from either end of a title or location (brackets and quotes only where they dangle).
const EDGE_BOTH = " \t\n\r\u00a0-–—*•·:>#|/\\~_=+,;";
const EDGE_START_ONLY = ".)]}[{(";
const EDGE_END_ONLY = "([{!?.…";

// The same sets as flags per UTF-16 code unit (trimming runs on every candidate title, often many times).
const TRIM_START = 1;
const TRIM_END = 2;
const EDGE_FLAGS = edgeFlags();

function edgeFlags(): Uint8Array {
  const all = EDGE_BOTH + EDGE_START_ONLY + EDGE_END_ONLY;
  let size = 0;
  for (let i = 0; i < all.length; i++) size = Math.max(size, all.charCodeAt(i) + 1);
  const flags = new Uint8Array(size);
  const mark = (chars: string, flag: number): void => {
    for (let i = 0; i < chars.length; i++) flags[chars.charCodeAt(i)] |= flag;
  };
  mark(EDGE_BOTH, TRIM_START | TRIM_END);
  mark(EDGE_START_ONLY, TRIM_START);
  mark(EDGE_END_ONLY, TRIM_END);
  return flags;
}

const edgeFlag = (text: string, i: number): number => {
  const c = text.charCodeAt(i);
  return c < EDGE_FLAGS.length ? EDGE_FLAGS[c] : 0;
};

/** Trims separators, bullets and dangling punctuation from both ends and collapses inner whitespace. */
export function trimEdges(text: string): string {
  let a = 0;
  let b = text.length;
  while (a < b && edgeFlag(text, a) & TRIM_START) a++;
  while (b > a && edgeFlag(text, b - 1) & TRIM_END) b--;
  const inner = text.slice(a, b);
  return /\s\s|[\t\n\r]/.test(inner) ? inner.replace(/\s+/g, " ") : inner;
}

/**
 * True when `trimEdges(text.slice(start, end))` would be empty (as it is when start >= end), read in place:
 * nothing is left once the start edge characters are skipped and the end edge characters dropped (collapsing
 * inner whitespace never empties a string). Asked of every piece of every event; needs no slice.
 */
export function trimsToEmpty(text: string, start: number, end: number): boolean {
  let a = start;
  let b = end;
  while (a < b && edgeFlag(text, a) & TRIM_START) a++;
  while (b > a && edgeFlag(text, b - 1) & TRIM_END) b--;
  return a >= b;
}
