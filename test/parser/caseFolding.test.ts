/**
 * The extraction pipeline runs a case-insensitive pattern as its caseless twin on the lower-cased text
 * wherever that gives the same matches: every text whose lower case keeps its length and which holds no
 * character of FOLDS_APART. These tests derive that claim from the engine's own case folding, for every
 * letter the shipped locales' patterns spell, and check that texts on both sides of it parse alike.
 */
import { describe, expect, it } from "vitest";
import { configurationFor, LOCALE_CODES } from "../../src/core/parser/locales/registry.js";
import { FOLDS_APART } from "../../src/core/parser/pipeline.js";
import { parse } from "../../src/core/parser/parse.js";

const options = { reference: "2026-12-01T10:00:00Z", timezone: "Europe/Berlin" };

/** The lower-case letters the extractor patterns of every locale spell (escapes and \p{…} left out). */
function patternLetters(): string[] {
  const letters = new Set<string>();
  for (const code of LOCALE_CODES) {
    for (const extractor of configurationFor(code).extractors) {
      const source = extractor.pattern.source.replace(/\\[pP]\{[^}]*\}/g, "").replace(/\\./g, "");
      for (const ch of source) if (/\p{L}/u.test(ch)) letters.add(ch.toLowerCase());
    }
  }
  return [...letters];
}

/** BMP characters (no surrogates) whose lower case is one code unit, as the twin needs. */
function sameLengthCharacters(): string[] {
  const out: string[] = [];
  for (let cp = 0; cp <= 0xffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCharCode(cp);
    if (ch.toLowerCase().length === 1) out.push(ch);
  }
  return out;
}

describe("caseless twins", () => {
  it("agree with case-insensitive matching on every character outside FOLDS_APART", () => {
    const letters = patternLetters();
    expect(letters).toContain("a");
    const characters = sameLengthCharacters();
    const apart = new Set<string>();
    for (const letter of letters) {
      const folded = new RegExp(`^${letter}$`, "iu");
      for (const ch of characters) if (folded.test(ch) !== (ch.toLowerCase() === letter)) apart.add(ch);
    }
    // \w and \b fold too under the u and i flags.
    const word = /^\w$/iu;
    const plainWord = /^\w$/u;
    for (const ch of characters) if (word.test(ch) !== plainWord.test(ch.toLowerCase())) apart.add(ch);
    expect([...apart].sort()).toEqual(["ſ"]);
    for (const ch of apart) expect(FOLDS_APART.test(ch), `FOLDS_APART holds ${ch}`).toBe(true);
  });

  it("reads mixed-case text with accents, curly quotes and dashes as its lower case", () => {
    const text = "Réunion d’équipe – FRIDAY at 3PM in Salle Ÿ";
    const mixed = parse(text, options).events;
    const lower = parse(text.toLowerCase(), options).events;
    expect(mixed).toHaveLength(1);
    expect(mixed[0].start).toBe("2026-12-04T15:00:00+01:00");
    expect(mixed[0].title).toBe("Réunion d’équipe");
    expect(lower.map((e) => e.start)).toEqual(mixed.map((e) => e.start));
    expect(mixed[0].components.time).toMatchObject({ text: "3PM", span: [29, 32] });
    expect(mixed[0].components.date).toMatchObject({ text: "FRIDAY", span: [19, 25] });
    expect(mixed[0].location).toBe("Salle Ÿ");
    expect(lower[0].components.time?.span).toEqual([29, 32]);
    expect(lower[0].components.date?.span).toEqual([19, 25]);
  });

  it("keeps the case-insensitive pattern for texts holding a long s", () => {
    const text = "Meſſe Friday at 3PM";
    const events = parse(text, options).events;
    expect(events).toHaveLength(1);
    expect(events[0].start).toBe("2026-12-04T15:00:00+01:00");
    expect(events[0].title).toBe("Meſſe");
  });
});
