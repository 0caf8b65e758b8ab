// extractorFor / extractDocument: one extractor per kind; a detected kind dispatches to it.
import { describe, expect, it } from "vitest";
import { detectKind } from "../../src/sources/detectKind.js";
import { extractDocument, extractorFor } from "../../src/sources/extractors.js";
import type { SourceKind } from "../../src/sources/types.js";
import { NY, fixture } from "./helpers.js";

describe("extractorFor", () => {
  it.each(["ics", "html", "pdf", "text"] as const)("has an extractor of kind %s", (kind: SourceKind) => {
    expect(extractorFor(kind).kind).toBe(kind);
  });
});

describe("extractDocument", () => {
  it.each([
    ["recurring.ics", "text/calendar", "ical"],
    ["jsonld-event.html", "text/html; charset=utf-8", "json-ld"],
    ["microdata-listing.html", null, "microdata"],
    ["h-event.html", null, "h-event"],
    ["listing.html", null, "text"],
  ] as const)("reads %s (%s) via %s", async (name, contentType, via) => {
    const body = fixture(name);
    const kind = detectKind({ contentType, name, body });
    expect(kind).not.toBeNull();
    const { events } = await extractDocument(kind as SourceKind, body, NY);
    expect(events.length).toBeGreaterThan(0);
    expect(events[0].via).toBe(via);
  });

  it("reads plain text", async () => {
    const { events } = await extractDocument("text", Buffer.from("Book club Thursday 7pm at the library"), NY);
    expect(events.map((e) => [e.title, e.start, e.location])).toEqual([["Book club", "2026-11-26T19:00:00-05:00", "the library"]]);
  });

  it("passes a bad reference through as the parser's INVALID_REFERENCE", async () => {
    await expect(extractDocument("text", Buffer.from("Book club Thursday 7pm"), { ...NY, reference: "soon" })).rejects.toMatchObject({ code: "INVALID_REFERENCE" });
  });
});
