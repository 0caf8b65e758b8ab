/** How `q` becomes words, and how each backend writes them as a query. */
import { describe, expect, it } from "vitest";
import { tsQuery } from "../../src/adapters/store/postgres/backend.js";
import { ftsQuery } from "../../src/adapters/store/sqlite/backend.js";
import { MAX_SEARCH_WORDS, searchWords } from "../../src/adapters/store/searchWords.js";

describe("searchWords", () => {
  it("splits on anything but letters, marks and digits, lower-cased", () => {
    expect(searchWords("Salsa  Social!")).toEqual(["salsa", "social"]);
    expect(searchWords("O'Brien's café, 7pm")).toEqual(["o", "brien", "s", "café", "7pm"]);
    expect(searchWords(`"salsa" AND havana*`)).toEqual(["salsa", "and", "havana"]);
  });

  it("has no words for punctuation only", () => {
    expect(searchWords(` "*:&|!() `)).toEqual([]);
    expect(searchWords("")).toEqual([]);
  });

  it(`keeps at most ${MAX_SEARCH_WORDS} words`, () => {
    expect(searchWords(Array.from({ length: 40 }, (_, i) => `w${i}`).join(" "))).toHaveLength(MAX_SEARCH_WORDS);
  });
});

describe("backend queries", () => {
  it("FTS5: quoted words, the last one a prefix", () => {
    expect(ftsQuery(["salsa", "hava"])).toBe(`"salsa" "hava"*`);
    expect(ftsQuery(['a"b'])).toBe(`"a""b"*`);
  });

  it("tsquery: quoted lexemes joined by &, the last one a prefix", () => {
    expect(tsQuery(["salsa", "hava"])).toBe(`'salsa' & 'hava':*`);
    expect(tsQuery(["it's"])).toBe(`'it''s':*`);
  });
});
