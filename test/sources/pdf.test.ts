// The PDF extractor on PDFs drawn in the test: a flyer, a two-event schedule; corrupt and encrypted files fail.
import { beforeAll, describe, expect, it } from "vitest";
import { pdfExtractor } from "../../src/sources/pdf.js";
import { SourceFormatError } from "../../src/sources/types.js";
import { NY, fixture, timing } from "./helpers.js";
import { drawPdf, flyer, passwordProtectedPdf, schedule } from "./pdfFixtures.js";

// Loading pdfjs and its in-thread worker takes seconds on a cold, busy machine: pay it once, outside the tests.
beforeAll(async () => {
  await pdfExtractor.extract(await drawPdf([[{ text: "warm-up", y: 700, size: 12 }]]), NY);
}, 60_000);

describe("pdfExtractor", { timeout: 20_000 }, () => {
  it("reads a flyer whose title, date/time and venue lines are set apart", async () => {
    const { events, warnings } = await pdfExtractor.extract(await flyer(), NY);
    expect(warnings).toEqual([]);
    expect(events.map(timing)).toEqual([
      { title: "Winter Craft Fair", start: "2026-12-12T10:00:00-05:00", end: "2026-12-12T16:00:00-05:00", allDay: false, timezone: "America/New_York", recurrence: null, location: "Lincoln High School Gym, 2200 Oak St" },
    ]);
    expect(events[0].via).toBe("text");
  });

  it("reads a two-event schedule block by block", async () => {
    const { events } = await pdfExtractor.extract(await schedule(), NY);
    expect(events.map(timing)).toEqual([
      { title: "Intro to Watercolor", start: "2026-12-03T18:00:00-05:00", end: "2026-12-03T20:00:00-05:00", allDay: false, timezone: "America/New_York", recurrence: null, location: "Room 204" },
      { title: "Bookbinding Basics", start: "2026-12-12T13:00:00-05:00", end: "2026-12-12T16:00:00-05:00", allDay: false, timezone: "America/New_York", recurrence: null, location: "Room 110" },
    ]);
  });

  it("reads every page", async () => {
    const body = await drawPdf([[{ text: "Dec 5 Holiday Market 10am-4pm", y: 700, size: 12 }], [{ text: "Dec 12 Carol sing 7pm", y: 700, size: 12 }]]);
    expect((await pdfExtractor.extract(body, NY)).events.map((e) => e.title)).toEqual(["Holiday Market", "Carol sing"]);
  });

  it("warns about a PDF without text", async () => {
    expect(await pdfExtractor.extract(await drawPdf([[]]), NY)).toEqual({
      events: [],
      warnings: ["the PDF has no text layer (a scan?); nothing was read", "no dated event was found in the text"],
    });
  });

  it("throws SourceFormatError INVALID_SOURCE for corrupt bytes named .pdf", async () => {
    const error = await pdfExtractor.extract(fixture("corrupt.pdf"), NY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceFormatError);
    expect(error).toMatchObject({ code: "INVALID_SOURCE", kind: "pdf", message: "not a readable PDF: Invalid PDF structure." });
  });

  it("throws SourceFormatError for a truncated PDF", async () => {
    const whole = await flyer();
    await expect(pdfExtractor.extract(whole.subarray(0, Math.floor(whole.length / 3)), NY)).rejects.toMatchObject({ code: "INVALID_SOURCE" });
  });

  it("throws SourceFormatError naming the password for an encrypted PDF", async () => {
    await expect(pdfExtractor.extract(passwordProtectedPdf(), NY)).rejects.toMatchObject({
      code: "INVALID_SOURCE",
      message: "the PDF is encrypted with a password and cannot be read",
    });
  });
});
