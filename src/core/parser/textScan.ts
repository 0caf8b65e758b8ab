/** Small hand-written scans used on hot paths where an end-anchored regex would retry at every position. */

const isWordChar = (c: string): boolean => /[\p{L}]/u.test(c);

/**
 * The word that ends right before `end` (skipping whitespace), as `[start, end)`, or null when the
 * preceding non-space text is not a word (`@` counts as a word).
 */
export function previousWord(text: string, end: number, floor = 0): [number, number] | null {
  let i = end;
  while (i > floor && /\s/.test(text[i - 1])) i--;
  const wordEnd = i;
  if (i > floor && text[i - 1] === "@") return [i - 1, i];
  while (i > floor && isWordChar(text[i - 1])) i--;
  return i < wordEnd ? [i, wordEnd] : null;
}
