/**
 * How alike two events' words are, 0..1 and symmetric. Titles are compared two ways and the better one
 * counts: word sets (robust to order, punctuation, accents and small additions) and character trigrams
 * (robust to plurals and misspellings within words).
 */
import { type TextProfile, profileText } from "./text.js";

/**
 * Weight of the title when both events have a location; the location gets the rest. Below 0.72 on purpose:
 * an identical title alone must not reach the default threshold when the venues clearly differ.
 */
export const TITLE_WEIGHT = 0.6;
/**
 * Factor applied when both texts hold numbers and share none ("Salsa Level 1" / "Salsa Level 2",
 * "12 Main St" / "14 Main St"): the trigrams of the other words would otherwise call them the same.
 */
export const NUMBER_MISMATCH_FACTOR = 0.5;

/** The words an event is compared by; `TextProfile`s are what the index caches. */
export interface EventText {
  title: string;
  location: string | null;
}

/**
 * Similarity of two profiles: the larger of
 * - the word score, the mean of the Dice coefficient (2|A∩B| / (|A|+|B|), which penalises additions) and
 *   the overlap coefficient (|A∩B| / min(|A|,|B|), which forgives them: "Jazz Night" ⊂ "Jazz night @ Blue
 *   Note" scores (0.67 + 1) / 2 = 0.83), and
 * - the Dice coefficient of the word-padded character trigrams.
 * Then lowered by NUMBER_MISMATCH_FACTOR when the numbers differ. An empty text is similar to nothing.
 */
export function profileSimilarity(a: TextProfile, b: TextProfile): number {
  const na = a.tokens.length;
  const nb = b.tokens.length;
  if (na === 0 || nb === 0) return 0;
  const shared = sharedWords(a.tokens, b.tokens);
  const words = ((2 * shared) / (na + nb) + shared / Math.min(na, nb)) / 2;
  const trigrams = (2 * sharedCodes(a.trigrams, b.trigrams)) / (a.trigrams.length + b.trigrams.length);
  const score = Math.max(words, trigrams);
  const numbersDiffer = a.numbers.length > 0 && b.numbers.length > 0 && sharedWords(a.numbers, b.numbers) === 0;
  return numbersDiffer ? score * NUMBER_MISMATCH_FACTOR : score;
}

/** Title similarity of two texts (see `profileSimilarity`). */
export function titleSimilarity(a: string, b: string): number {
  return profileSimilarity(profileText(a), profileText(b));
}

/** Location similarity: the same measure as titles; 0 when either is missing or empty. */
export function locationSimilarity(a: string | null, b: string | null): number {
  if (a === null || b === null) return 0;
  return profileSimilarity(profileText(a), profileText(b));
}

/**
 * Similarity of two events' profiles: TITLE_WEIGHT·title + (1 − TITLE_WEIGHT)·location when both have a
 * location (a profile with no words counts as missing), the title alone otherwise.
 */
export function profiledEventSimilarity(a: TextProfile, aLocation: TextProfile | null, b: TextProfile, bLocation: TextProfile | null): number {
  const title = profileSimilarity(a, b);
  if (aLocation === null || bLocation === null || aLocation.tokens.length === 0 || bLocation.tokens.length === 0) return title;
  return TITLE_WEIGHT * title + (1 - TITLE_WEIGHT) * profileSimilarity(aLocation, bLocation);
}

/** Similarity of two events' title and location (see `profiledEventSimilarity`). */
export function eventSimilarity(a: EventText, b: EventText): number {
  const location = (text: string | null): TextProfile | null => (text === null ? null : profileText(text));
  return profiledEventSimilarity(profileText(a.title), location(a.location), profileText(b.title), location(b.location));
}

// Two copies of one merge, one per element type, so each stays monomorphic (it is the hottest loop).

/** How many words two sorted distinct lists share. */
function sharedWords(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared;
}

/** How many codes two sorted distinct arrays share. */
function sharedCodes(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}
