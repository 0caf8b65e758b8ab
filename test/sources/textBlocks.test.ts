// The HTML text fallback: page text as blocks (rows, items, heading sections, chrome left out) read by the parser.
import { describe, expect, it } from "vitest";
import { parseHtml } from "../../src/sources/html/dom.js";
import { htmlTextBlocks } from "../../src/sources/html/textBlocks.js";
import { eventsFromBlocks } from "../../src/sources/parseBlocks.js";
import { NY, fixture, timing, titled } from "./helpers.js";

const blocksOf = (html: string) => htmlTextBlocks(parseHtml(html));

describe("htmlTextBlocks", () => {
  it("gives one block per table row, cells joined with ' · ', without the header row, scripts, styles, nav and footer", () => {
    expect(blocksOf(fixture("class-schedule.html").toString("utf8"))).toEqual([
      { text: "Weekly class schedule\nAll classes are drop-in. Bring your own mat.", heading: true },
      { text: "Mon/Wed · 6:00-7:00pm · Vinyasa Flow · Studio B" },
      { text: "Tue/Thu · 7:30 AM · Sunrise Hatha · Studio A" },
      { text: "Fridays · 12:15–1:00pm · Lunchtime Stretch · Studio A" },
    ]);
  });

  it("gives one block per list item and one per heading with its following lines", () => {
    expect(blocksOf(fixture("listing.html").toString("utf8"))).toEqual([
      { text: "What's on in December", heading: true },
      { text: "Sat Dec 5 · Holiday Market · 10am–4pm · Town Square" },
      { text: "Dec 12 Carol sing 7pm at St. Mark's Church" },
      { text: "Dec 31 New Year's Eve party 9pm-1am at the Grange" },
      { text: "Friday, December 11", heading: true },
      { text: "8:00 PM Jazz trio" },
      { text: "9:30 PM Late set" },
      { text: "Winter concert\nSaturday December 19, 7pm\nCommunity Hall", heading: true },
      { text: "About us\nWe are a volunteer-run community center founded in 1987.", heading: true },
    ]);
  });

  it("splits <br> lines, keeps a list item's own lines and gives a nested list its own blocks", () => {
    expect(blocksOf("<div>Line one<br>Line two</div><ul><li><b>Dec 7</b><br>Book club<ul><li>6pm snacks</li></ul></li></ul>")).toEqual([
      { text: "Line one\nLine two", heading: false },
      { text: "Dec 7\nBook club" },
      { text: "6pm snacks" },
    ]);
  });
});

describe("text blocks through the parser", () => {
  it("reads a class schedule table as weekly classes", () => {
    const { events } = eventsFromBlocks(blocksOf(fixture("class-schedule.html").toString("utf8")), NY);
    expect(timing(titled(events, "Vinyasa Flow"))).toMatchObject({
      location: "Studio B",
      start: "2026-11-23T18:00:00-05:00",
      end: "2026-11-23T19:00:00-05:00",
      allDay: false,
      timezone: "America/New_York",
      recurrence: "FREQ=WEEKLY;BYDAY=MO,WE",
    });
    expect(timing(titled(events, "Sunrise Hatha"))).toMatchObject({ start: "2026-11-24T07:30:00-05:00", end: null, recurrence: "FREQ=WEEKLY;BYDAY=TU,TH", location: "Studio A" });
    expect(timing(titled(events, "Lunchtime Stretch"))).toMatchObject({ start: "2026-11-27T12:15:00-05:00", end: "2026-11-27T13:00:00-05:00", recurrence: "FREQ=WEEKLY;BYDAY=FR", location: "Studio A" });
    expect(events.every((e) => e.via === "text" && e.url === null)).toBe(true);
  });

  it("reads list items, carries a date heading down to time-only items, and reads a heading section as one event", () => {
    const { events, warnings } = eventsFromBlocks(blocksOf(fixture("listing.html").toString("utf8")), NY);
    expect(warnings).toEqual([]);
    expect(events.map(timing)).toEqual([
      { title: "Holiday Market", start: "2026-12-05T10:00:00-05:00", end: "2026-12-05T16:00:00-05:00", allDay: false, timezone: "America/New_York", recurrence: null, location: "Town Square" },
      { title: "Carol sing", start: "2026-12-12T19:00:00-05:00", end: null, allDay: false, timezone: "America/New_York", recurrence: null, location: "St. Mark's Church" },
      { title: "New Year's Eve party", start: "2026-12-31T21:00:00-05:00", end: "2027-01-01T01:00:00-05:00", allDay: false, timezone: "America/New_York", recurrence: null, location: "the Grange" },
      { title: "Jazz trio", start: "2026-12-11T20:00:00-05:00", end: null, allDay: false, timezone: "America/New_York", recurrence: null, location: null },
      { title: "Late set", start: "2026-12-11T21:30:00-05:00", end: null, allDay: false, timezone: "America/New_York", recurrence: null, location: null },
      { title: "Winter concert", start: "2026-12-19T19:00:00-05:00", end: null, allDay: false, timezone: "America/New_York", recurrence: null, location: "Community Hall" },
    ]);
  });

  it("stops carrying a date at the next heading", () => {
    const { events } = eventsFromBlocks([{ text: "Friday, December 11", heading: true }, { text: "Other news", heading: true }, { text: "8:00 PM Jazz trio" }], NY);
    expect(events.map((e) => e.start)).toEqual(["2026-11-23T20:00:00-05:00"]);
  });
});
