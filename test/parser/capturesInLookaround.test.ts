/**
 * The extraction pipeline takes a caseless twin's match as is where no letter of the matched span changed
 * case, which is sound only when every capture lies inside the match: `capturesInLookaround` tells the
 * patterns where one may not. These tests pin its reading of pattern sources and check the texts that take
 * that path parse as the case-insensitive pattern would.
 */
import { describe, expect, it } from "vitest";
import { capturesInLookaround } from "../../src/core/parser/pipeline.js";
import { parse } from "../../src/core/parser/parse.js";

const options = { reference: "2026-12-01T10:00:00Z", timezone: "Europe/Berlin" };

describe("capturesInLookaround", () => {
  it("finds captures inside lookaheads and lookbehinds, at any depth", () => {
    expect(capturesInLookaround("a(?=(b))")).toBe(true);
    expect(capturesInLookaround("(?<=(x))a")).toBe(true);
    expect(capturesInLookaround("(?!(?:c|(d)))e")).toBe(true);
    expect(capturesInLookaround("(?<=(?:a|(?<name>b)))c")).toBe(true);
  });

  it("ignores captures outside lookarounds, escaped brackets and brackets in classes", () => {
    expect(capturesInLookaround("(a)(?=b)(c)")).toBe(false);
    expect(capturesInLookaround("(?<name>a)(?!b)")).toBe(false);
    expect(capturesInLookaround("(?=\\()(a)")).toBe(false);
    expect(capturesInLookaround("(?=[(])(a)")).toBe(false);
    expect(capturesInLookaround("(?<![\\p{L}\\p{N}])(\\d+)(?![\\p{L}\\p{N}])")).toBe(false);
  });
});

describe("twin matches taken as they are", () => {
  it("reads lower-case phrases in mixed-case text as in all-lower-case text", () => {
    const mixed = parse("Team Sync friday the 12th at 3pm", options);
    const lower = parse("team sync friday the 12th at 3pm", options);
    expect(mixed.events.map((e) => [e.start, e.end])).toEqual(lower.events.map((e) => [e.start, e.end]));
    expect(mixed.events[0]?.title).toBe("Team Sync");
  });

  it("keeps the text's own letters where the matched span has capitals", () => {
    const result = parse("Dinner Friday The 12th At 7PM", options);
    expect(result.events[0]?.components.time?.text).toBe("7PM");
  });
});
