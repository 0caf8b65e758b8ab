/** Text normalisation and the pre-computed word and trigram sets that similarity compares. */
import { STOPWORDS } from "./vocabulary.js";

/** What a text is compared by; build it once per record (`profileText`) so comparisons allocate nothing. */
export interface TextProfile {
  /** Distinct content words, sorted. */
  tokens: readonly string[];
  /**
   * Distinct character trigrams of each word padded with a space on both sides, encoded as integers, sorted.
   * A plain array of small integers: cheaper to keep and collect than many small typed arrays.
   */
  trigrams: readonly number[];
  /** The tokens holding a digit ("2", "3rd"), sorted; usually empty. */
  numbers: readonly string[];
}

/**
 * Lower case, accents and other combining marks removed (NFKD), every run of characters that is neither
 * a letter nor a digit turned into one space, trimmed: "Yoga — Débutants!" → "yoga debutants".
 */
export function normaliseText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The profile of a text: its normalised words without stopwords (all of them when only stopwords remain). */
export function profileText(text: string): TextProfile {
  const normalised = normaliseText(text);
  const words = normalised === "" ? [] : normalised.split(" ");
  const content = words.filter((w) => !STOPWORDS.has(w));
  const tokens = [...new Set(content.length > 0 ? content : words)].sort();
  return { tokens, trigrams: trigramsOf(tokens), numbers: tokens.filter((t) => /\p{N}/u.test(t)) };
}

/**
 * A trigram as one non-negative int32: three 10-bit code units side by side when all are below 1024 (Latin,
 * Greek, Cyrillic…: exact), else a 30-bit hash with bit 30 set (other scripts: collisions are possible but
 * rare at 2^30, and only ever raise a score slightly).
 */
function trigramCode(a: number, b: number, c: number): number {
  if (a < 1024 && b < 1024 && c < 1024) return (a << 20) | (b << 10) | c;
  const h = Math.imul(Math.imul(a, 0x9e3779b1) ^ b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35);
  return 0x40000000 | (h & 0x3fffffff);
}

function trigramsOf(tokens: readonly string[]): number[] {
  let length = 0;
  for (const token of tokens) length += token.length;
  const codes = new Int32Array(length);
  let n = 0;
  for (const token of tokens) {
    // The padded word " token " has token.length trigrams.
    const padded = ` ${token} `;
    for (let i = 0; i + 3 <= padded.length; i++) codes[n++] = trigramCode(padded.charCodeAt(i), padded.charCodeAt(i + 1), padded.charCodeAt(i + 2));
  }
  codes.sort();
  // Drop repeats ("banana" has "ana" twice).
  const distinct: number[] = [];
  for (let i = 0; i < n; i++) if (i === 0 || codes[i] !== codes[i - 1]) distinct.push(codes[i]);
  return distinct;
}
