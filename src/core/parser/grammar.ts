/** Regex building blocks made from a locale's vocabulary, shared by the extractors (built once per locale). */
import type { LocaleConstants } from "./locales/types.js";

/** Escapes a word for use inside a RegExp source. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * An alternation of the words that matches as "longest first" would ("sept" wins over "sep"), written as a
 * trie: words that share a beginning share it in the source ("s(?:ep(?:t|)|at)"), and a space between words
 * matches any white space (`\\s+`). The same matches, in the same order of preference, as the words sorted
 * longest first and joined with "|": at every branch the ways on are distinct characters (or white space
 * against a character), so at most one of them can go on at any place, and the word that ends there is tried
 * last, after every longer word that goes through it. V8 compiles a flat list of words to machine code that
 * tests each word from its first letter; the trie tests each shared beginning once, for a fraction of the
 * code (the holiday names: several hundred kilobytes less), which every parse runs.
 */
export function alternation(words: Iterable<string>): string {
  const root: TrieNode = { next: new Map(), end: false };
  for (const word of new Set(words)) {
    let node = root;
    for (const ch of word) {
      const token = ch === " " ? "\\s+" : escapeRegex(ch);
      let child = node.next.get(token);
      if (!child) node.next.set(token, (child = { next: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  return trieSource(root);
}

interface TrieNode {
  next: Map<string, TrieNode>;
  end: boolean;
}

function trieSource(node: TrieNode): string {
  const ways = [...node.next].map(([token, child]) => token + trieSource(child));
  if (ways.length === 0) return "";
  if (node.end) ways.push("");
  return ways.length === 1 ? ways[0] : `(?:${ways.join("|")})`;
}

export interface Grammar {
  /** Weekday name or abbreviation (optionally followed by a dot). */
  weekday: string;
  weekdayPlural: string;
  month: string;
  /** A day-of-month as digits with optional ordinal suffix, or an ordinal word. */
  dayNumber: string;
  ordinalWord: string;
  /** The ordinal words themselves ("first", "twenty-second"), as `ordinalWord` matches them. */
  ordinalWords: readonly string[];
  numberWord: string;
  /** A count: digits or a number word. */
  count: string;
  meridiem: string;
  zone: string;
}

const cache = new Map<string, Grammar>();

/** The grammar of a locale (cached: extractors are built from it once). */
export function grammarFor(locale: LocaleConstants): Grammar {
  const hit = cache.get(locale.code);
  if (hit) return hit;
  const ordinalWords = Object.keys(locale.ordinals).filter((w) => /[a-z]/i.test(w) && !/last/.test(w));
  const numberWords = Object.keys(locale.numbers);
  const grammar: Grammar = {
    weekday: `(?:${alternation(Object.keys(locale.weekdays).map((w) => w.replace(/\.$/, "")))})\\.?`,
    weekdayPlural: alternation(Object.keys(locale.weekdayPlurals)),
    month: `(?:${alternation(Object.keys(locale.months).map((w) => w.replace(/\.$/, "")))})\\.?`,
    dayNumber: `(?:\\d{1,2}(?:st|nd|rd|th|\\.)?|${alternation(ordinalWords)})`,
    ordinalWord: alternation(ordinalWords),
    ordinalWords,
    numberWord: alternation(numberWords),
    count: `(?:\\d+|${alternation(numberWords)})`,
    // "a.m.", "a. m", "am", "a m", "a", "a." and the same with "p", written with the letter first: the same
    // alternatives in the same order as "a\\.\\s?m\\.?|p\\.\\s?m\\.?|am\\b|…", which V8 compiled to
    // several times the machine code (each alternative repeated the letter tests), in every time pattern.
    meridiem: "(?:[ap](?:\\.\\s?m\\.?|\\s?m\\b|\\b\\.?))",
    zone: alternation(Object.keys(locale.zones)),
  };
  cache.set(locale.code, grammar);
  return grammar;
}

/**
 * `text.replace(/\s+/g, " ")`, skipping the regex for the usual word: printable ASCII with at most single
 * spaces between words (vocabulary look-ups run on every match). Anything else (tabs, runs of spaces, any
 * non-ASCII code unit, which may be a Unicode space) goes through the regex, so the result is always the same.
 */
export function collapseSpaces(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c < 0x7f) continue;
    if (c === 32 && i + 1 < text.length && text.charCodeAt(i + 1) > 32) continue;
    return text.replace(/\s+/g, " ");
  }
  return text;
}

/** Reads "3", "third", "3rd", "twenty-first" as a number; null when it is not one. */
export function readNumber(locale: LocaleConstants, text: string | undefined): number | null {
  if (text === undefined) return null;
  const t = collapseSpaces(text.toLowerCase()).trim();
  const digits = /^(\d+)(?:st|nd|rd|th|\.)?$/.exec(t);
  if (digits) return Number(digits[1]);
  return locale.ordinals[t] ?? locale.numbers[t] ?? null;
}

/** Looks a word up in a vocabulary table, ignoring case and a trailing dot. */
export function lookup(table: Readonly<Record<string, number>>, text: string | undefined): number | null {
  if (text === undefined) return null;
  const key = collapseSpaces(text.toLowerCase());
  return table[key] ?? (key.endsWith(".") ? table[key.slice(0, -1)] : undefined) ?? null;
}
