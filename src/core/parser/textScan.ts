/** Small hand-written scans used on hot paths where an end-anchored regex would retry at every position. */

/** True for whitespace characters (ASCII and no-break space). */
export function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x2009 || c === 0x202f;
}

/** True for letters (any script) and, when `digits`, ASCII digits. */
export function isLetterAt(text: string, i: number, digits = false): boolean {
  const c = text.charCodeAt(i);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  if (digits && c >= 48 && c <= 57) return true;
  return c > 127 && /\p{L}/u.test(text[i]);
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
