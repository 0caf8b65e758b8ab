/**
 * A caseless twin matches the lower-cased text; `inOriginal` turns its match into the one the case-folding
 * pattern gives on the original text, reading each capture at the one place its text stands in the match,
 * and declines (so the pattern itself is run) where that place is not known.
 */
import { describe, expect, it } from "vitest";
import { inOriginal } from "../../src/core/parser/pipeline.js";
import { parse } from "../../src/core/parser/parse.js";

/** The twin's match of `source` at `at` in the lower case of `text`. */
function twinMatch(source: string, text: string, at: number): RegExpExecArray {
  const twin = new RegExp(source, "uy");
  twin.lastIndex = at;
  const match = twin.exec(text.toLowerCase());
  if (!match) throw new Error(`no match of ${source} in ${text}`);
  return match;
}

describe("inOriginal", () => {
  it("reads the whole match and every capture from the original text", () => {
    const text = "Party on FRIDAY Dec 5";
    const match = twinMatch("(friday)\\s+(dec)\\s+(\\d+)", text, 9);
    expect(inOriginal(match, text)).toBe(true);
    expect([...match]).toEqual(["FRIDAY Dec 5", "FRIDAY", "Dec", "5"]);
    expect(match.index).toBe(9);
    expect(match.input).toBe(text);
    // What the case-folding pattern gives on the text itself.
    const folding = new RegExp("(friday)\\s+(dec)\\s+(\\d+)", "iuy");
    folding.lastIndex = 9;
    expect([...match]).toEqual([...folding.exec(text)!]);
  });

  it("leaves unset and empty captures as they are", () => {
    const text = "MON";
    const match = twinMatch("(tue)?(mon)()", text, 0);
    expect(inOriginal(match, text)).toBe(true);
    expect([...match]).toEqual(["MON", undefined, "MON", ""]);
  });

  it("declines when a capture's text stands twice in the match", () => {
    const text = "Mon and MON";
    const match = twinMatch("(mon) and (mon)", text, 0);
    expect(inOriginal(match, text)).toBe(false);
  });

  it("leaves the parse of such texts as the case-folding pattern reads them", () => {
    const options = { reference: "2026-12-01T10:00:00Z", timezone: "Europe/Berlin" };
    const mixed = parse("Yoga MONDAYS and Mondays 7pm", options);
    const lower = parse("yoga mondays and mondays 7pm", options);
    expect(mixed.events.map((e) => [e.start, e.recurrence])).toEqual(lower.events.map((e) => [e.start, e.recurrence]));
    expect(mixed.events[0]?.components.recurrence?.text).toBe("MONDAYS and Mondays");
  });
});
