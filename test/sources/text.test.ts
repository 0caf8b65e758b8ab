// The plain-text extractor: blank-line blocks, one event per dated line, a date line carried to time-only lines.
import { describe, expect, it } from "vitest";
import { textBlocks, textExtractor } from "../../src/sources/text.js";
import { NY, timing } from "./helpers.js";

const read = (text: string) => textExtractor.extract(Buffer.from(text, "utf8"), NY);

describe("textBlocks", () => {
  it("splits on blank lines (CRLF too) and trims", () => {
    expect(textBlocks("A\r\nB\r\n\r\n  \r\nC  \n")).toEqual([{ text: "A\nB" }, { text: "C" }]);
  });
});

describe("textExtractor", () => {
  it("reads an announcement spread over a block's lines as one event", async () => {
    const { events, warnings } = await read("Winter Craft Fair\nSaturday, December 12, 2026\n10am – 4pm\nLincoln High School Gym, 2200 Oak St\n");
    expect(warnings).toEqual([]);
    expect(events.map(timing)).toEqual([
      { title: "Winter Craft Fair", start: "2026-12-12T10:00:00-05:00", end: "2026-12-12T16:00:00-05:00", allDay: false, timezone: "America/New_York", recurrence: null, location: "Lincoln High School Gym, 2200 Oak St" },
    ]);
    expect(events[0]).toMatchObject({ via: "text", url: null });
    expect(events[0].components?.date?.text).toBe("Saturday, December 12, 2026");
  });

  it("reads a block whose lines each hold a date as one event per line", async () => {
    const { events } = await read("Dec 5 Holiday Market 10am-4pm at Town Square\nDec 12 Carol sing 7pm at St. Mark's Church\n");
    expect(events.map((e) => [e.title, e.start, e.location])).toEqual([
      ["Holiday Market", "2026-12-05T10:00:00-05:00", "Town Square"],
      ["Carol sing", "2026-12-12T19:00:00-05:00", "St. Mark's Church"],
    ]);
  });

  it("reads blocks separately and carries a date-only block to the time-only block after it", async () => {
    const { events } = await read("Yoga every Tuesday 7pm until Dec 15 at the Y\n\nFriday, December 11\n\n8:00 PM Jazz trio at Smoke\n");
    expect(events.map(timing)).toEqual([
      { title: "Yoga", start: "2026-11-24T19:00:00-05:00", end: null, allDay: false, timezone: "America/New_York", recurrence: "FREQ=WEEKLY;BYDAY=TU;UNTIL=20261215T235959", location: "the Y" },
      { title: "Jazz trio", start: "2026-12-11T20:00:00-05:00", end: null, allDay: false, timezone: "America/New_York", recurrence: null, location: "Smoke" },
    ]);
  });

  it("reads an all-day event", async () => {
    const { events } = await read("Office closed December 24-25");
    expect(timing(events[0])).toMatchObject({ start: "2026-12-24", end: "2026-12-26", allDay: true });
  });

  it("gives no event and one warning for text without a date", async () => {
    expect(await read("Buy milk\n\nCall the plumber")).toEqual({ events: [], warnings: ["no dated event was found in the text"] });
  });
});
