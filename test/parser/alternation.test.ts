/**
 * `alternation` writes a word list as a trie; it must match exactly what the same words sorted longest first
 * and joined with "|" match, at every place of every text, with the same preference (the same span).
 */
import { describe, expect, it } from "vitest";
import { alternation, escapeRegex } from "../../src/core/parser/grammar.js";
import { seededRandom } from "./helpers.js";

/** The flat form the trie replaces: longest first, spaces as `\s+`. */
function flat(words: string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map((w) => escapeRegex(w).replace(/ /g, "\\s+")).join("|");
}

/** Every match of `source` (sticky, at each place) in `text`, as "place:span" strings. */
function matchesAt(source: string, flags: string, text: string): string[] {
  const re = new RegExp(`(?:${source})`, flags + "y");
  const out: string[] = [];
  for (let i = 0; i <= text.length; i++) {
    re.lastIndex = i;
    const m = re.exec(text);
    out.push(m ? `${i}:${m[0].length}` : `${i}:-`);
  }
  return out;
}

describe("alternation", () => {
  it("shares beginnings and tries the word that ends at a branch last", () => {
    expect(alternation(["sep", "sept", "sat"])).toBe("s(?:ep(?:t|)|at)");
    expect(alternation(["new year", "new years eve"])).toBe("new\\s+year(?:s\\s+eve|)");
    expect(alternation(["a.m."])).toBe("a\\.m\\.");
  });

  it("prefers the longest word where several begin at the same place", () => {
    const re = new RegExp(`^(?:${alternation(["sep", "sept", "september"])})`);
    expect(re.exec("september 3")?.[0]).toBe("september");
    expect(re.exec("sept. 3")?.[0]).toBe("sept");
    expect(re.exec("sep 3")?.[0]).toBe("sep");
  });

  it("keeps the longer word's fallback when what follows rules it out", () => {
    // Where "sept" is followed by a letter the longer word fails and the pattern backtracks to "sep", which fails too.
    const source = `(?:${alternation(["sep", "sept"])})(?![a-z])`;
    expect(matchesAt(source, "u", "sept sep septx")).toEqual(matchesAt(`(?:${flat(["sep", "sept"])})(?![a-z])`, "u", "sept sep septx"));
  });

  it("matches as the flat longest-first list does, over random word lists and texts", () => {
    const next = seededRandom(20261204);
    const letters = "abn .";
    const word = (): string => Array.from({ length: 1 + Math.floor(next() * 5) }, () => letters[Math.floor(next() * letters.length)]).join("").trim() || "a";
    for (let round = 0; round < 300; round++) {
      const words = Array.from({ length: 1 + Math.floor(next() * 8) }, word);
      const text = Array.from({ length: 24 }, () => (letters + "\t")[Math.floor(next() * (letters.length + 1))]).join("");
      for (const flags of ["u", "iu", ""]) {
        for (const tail of ["", "(?![a-z])", "n?b"]) {
          expect(matchesAt(`(?:${alternation(words)})${tail}`, flags, text), `${JSON.stringify(words)} on ${JSON.stringify(text)} /${flags}`).toEqual(matchesAt(`(?:${flat(words)})${tail}`, flags, text));
        }
      }
    }
  });
});
