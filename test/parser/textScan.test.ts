/**
 * The character tests the scans use instead of patterns must answer as the patterns do, for every code unit:
 * `isLetterAt` as `/\p{L}/u` on that one code unit, `isJsSpace` as `/\s/`.
 */
import { describe, expect, it } from "vitest";
import { isJsSpace, isLetterAt, lastIndexOfAt, previousWord, wordEnd } from "../../src/core/parser/textScan.js";
import { seededRandom } from "./helpers.js";

describe("isLetterAt", () => {
  it("says letter exactly where /\\p{L}/u does, for all 65,536 code units", () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const unit = String.fromCharCode(c);
      if (isLetterAt(unit, 0) !== /\p{L}/u.test(unit)) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });

  it("reads the code unit at the index, also the second time a block is asked", () => {
    const text = "a1 ж٣ä😀";
    const first = [...text].map((_, i) => isLetterAt(text, i));
    expect([...Array(text.length).keys()].map((i) => isLetterAt(text, i))).toEqual([true, false, false, true, false, true, false, false]);
    expect([...text].map((_, i) => isLetterAt(text, i))).toEqual(first);
  });

  it("counts ASCII digits only when asked, and nothing past the end", () => {
    expect(isLetterAt("7", 0)).toBe(false);
    expect(isLetterAt("7", 0, true)).toBe(true);
    expect(isLetterAt("٣", 0, true)).toBe(false);
    expect(isLetterAt("ab", 2)).toBe(false);
    expect(isLetterAt("ab", -1)).toBe(false);
  });
});

describe("isJsSpace", () => {
  it("says space exactly where /\\s/ does, for all 65,536 code units", () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isJsSpace(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });
});

describe("word scans", () => {
  it("find word ends and the word before a place across scripts", () => {
    const text = "Treffen в кафе at 7";
    expect(wordEnd(text, 8)).toBe(9);
    expect(wordEnd(text, 10)).toBe(14);
    expect(previousWord(text, 15)).toEqual([10, 14]);
    expect(previousWord(text, 18)).toEqual([15, 17]);
  });
});

describe("lastIndexOfAt", () => {
  it("answers as String.prototype.lastIndexOf(needle, from) for from >= 0, on random texts", () => {
    const next = seededRandom(4);
    const alphabet = ["a", "b", " ", "ab", "ba", "é", "😀"];
    for (let round = 0; round < 3000; round++) {
      const text = Array.from({ length: Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
      const needle = Array.from({ length: Math.floor(next() * 3) }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
      const from = Math.floor(next() * (text.length + 3));
      expect(lastIndexOfAt(text, needle, from), `${JSON.stringify(needle)} in ${JSON.stringify(text)} from ${from}`).toBe(text.lastIndexOf(needle, from));
    }
  });
});
