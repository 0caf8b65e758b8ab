/** Small hand-written scans used on hot paths where an end-anchored regex would retry at every position. */

/** True for whitespace characters (ASCII and no-break space). */
export function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x2009 || c === 0x202f;
}

/**
 * True for exactly the code units the regex class `\s` matches (ECMAScript white space and line terminators:
 * tab, LF, VT, FF, CR, space, NBSP, U+1680, U+2000–U+200A, LS, PS, U+202F, U+205F, U+3000, BOM), for hot
 * paths that would otherwise run `/\s/.test` on one character.
 */
export function isJsSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * For `Extractor.mayStartAt`: false when `lower` holds `word` at `at`, then white space (`\s`), then a
 * character that is not in `next`; true otherwise (anything else there is not judged). For patterns whose
 * every form that begins with `word` goes on with `word\s+` and a word beginning with one of `next`.
 */
export function wordThen(lower: string, at: number, word: string, next: string): boolean {
  if (!lower.startsWith(word, at)) return true;
  let j = at + word.length;
  if (j >= lower.length || !isJsSpace(lower.charCodeAt(j))) return true;
  while (j < lower.length && isJsSpace(lower.charCodeAt(j))) j++;
  return j < lower.length && next.includes(lower[j]);
}

/** True for the ASCII digits 0–9. */
export const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/** Where the run of letters at `i` ends (`i` when there is none). */
export function wordEnd(text: string, i: number): number {
  while (i < text.length && isLetterAt(text, i)) i++;
  return i;
}

/** Past any white space (`\s`) at `i`. */
export function skipSpace(text: string, i: number): number {
  while (i < text.length && isJsSpace(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Whether each code unit beyond ASCII is a letter (`\p{L}` read on that one code unit), per block of 256,
 * each block worked out by the pattern the first time a code unit of it is asked about: the answer depends
 * on the code unit alone (a surrogate half on its own is no letter), and a pattern test per character was
 * the cost of every non-ASCII character the scans passed.
 */
const letterBlocks: Array<Uint8Array | undefined> = new Array<Uint8Array | undefined>(256).fill(undefined);

function letterBlock(block: number): Uint8Array {
  const table = new Uint8Array(256);
  for (let k = 0; k < 256; k++) table[k] = /\p{L}/u.test(String.fromCharCode(block * 256 + k)) ? 1 : 0;
  letterBlocks[block] = table;
  return table;
}

/** True for letters (any script) and, when `digits`, ASCII digits. */
export function isLetterAt(text: string, i: number, digits = false): boolean {
  const c = text.charCodeAt(i);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  if (digits && c >= 48 && c <= 57) return true;
  if (c <= 127 || c !== c) return false;
  return (letterBlocks[c >> 8] ?? letterBlock(c >> 8))[c & 255] === 1;
}

/**
 * The word that ends right before `end` (skipping whitespace), as `[start, end)`, or null when the
 * preceding non-space text is not a word (`@` counts as a word).
 */
export function previousWord(text: string, end: number, floor = 0): [number, number] | null {
  let i = end;
  while (i > floor && isSpaceCode(text.charCodeAt(i - 1))) i--;
  const wordEnd = i;
  if (i > floor && text[i - 1] === "@") return [i - 1, i];
  while (i > floor && isLetterAt(text, i - 1)) i--;
  return i < wordEnd ? [i, wordEnd] : null;
}

/**
 * Where `needle` last begins in `text` at or before `from` (-1 if nowhere): `text.lastIndexOf(needle, from)`
 * for a non-negative `from`, as a loop. V8 runs `lastIndexOf` in a runtime call, which costs more than the
 * short searches of titles and matches.
 */
export function lastIndexOfAt(text: string, needle: string, from: number): number {
  if (needle.length === 0) return Math.min(from, text.length);
  const first = needle.charCodeAt(0);
  for (let i = Math.min(from, text.length - needle.length); i >= 0; i--) {
    if (text.charCodeAt(i) === first && text.startsWith(needle, i)) return i;
  }
  return -1;
}
