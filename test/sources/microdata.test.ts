// Microdata: itemscope Event items with itemprop values; content/datetime attributes win; nested Place and PostalAddress.
import { describe, expect, it } from "vitest";
import { parseHtml } from "../../src/sources/html/dom.js";
import { extractMicrodata } from "../../src/sources/html/microdata.js";
import { NY, NY_PAGE, fixture, timing } from "./helpers.js";

describe("microdata on a library's event listing", () => {
  const { events, warnings } = extractMicrodata(parseHtml(fixture("microdata-listing.html").toString("utf8")), NY_PAGE("https://library.example.org/calendar"));

  it("reads the three dated events in page order and warns about the undated one", () => {
    expect(events.map((e) => e.title)).toEqual(["Author Talk: Ruth Ozeki", "Knitting Circle", "Winter Break Reading Camp"]);
    expect(warnings).toEqual(['microdata item 4 "Poetry Open Mic": no recognisable startDate ("to be announced"); skipped']);
    expect(events.every((e) => e.via === "microdata")).toBe(true);
  });

  it("takes <time datetime> over the text and joins a nested Place with its PostalAddress", () => {
    expect(timing(events[0])).toEqual({
      title: "Author Talk: Ruth Ozeki",
      start: "2026-12-03T18:00:00-05:00",
      end: "2026-12-03T19:30:00-05:00",
      allDay: false,
      timezone: "America/New_York",
      recurrence: null,
      location: "Community Room, 44 Maple Ave, Springfield",
    });
    expect(events[0].description).toBe("Ozeki reads from her new novel & takes questions.");
    expect(events[0].url).toBe("https://library.example.org/events/author-talk-ozeki");
  });

  it("reads <meta content> dates, a duration and a text location", () => {
    expect(timing(events[1])).toEqual({
      title: "Knitting Circle",
      start: "2026-12-05T10:00:00-05:00",
      end: "2026-12-05T12:00:00-05:00",
      allDay: false,
      timezone: "America/New_York",
      recurrence: null,
      location: "Reading Room",
    });
    expect(events[1].url).toBe("https://library.example.org/events/knitting");
  });

  it("reads a multi-day all-day event with an exclusive end date", () => {
    expect(timing(events[2])).toEqual({
      title: "Winter Break Reading Camp",
      start: "2026-12-28",
      end: "2026-12-31",
      allDay: true,
      timezone: "America/New_York",
      recurrence: null,
      location: "Children's Wing",
    });
    expect(events[2].url).toBeNull();
  });
});

describe("microdata details", () => {
  it("does not take a nested item's name as the event's", () => {
    const html = `<div itemscope itemtype="https://schema.org/MusicEvent">
      <div itemprop="performer" itemscope itemtype="https://schema.org/MusicGroup"><span itemprop="name">The Band</span></div>
      <span itemprop="name">Album release show</span><time itemprop="startDate" datetime="2026-12-04T20:00">Fri</time></div>`;
    const { events } = extractMicrodata(parseHtml(html), NY);
    expect(events.map((e) => [e.title, e.start])).toEqual([["Album release show", "2026-12-04T20:00:00-05:00"]]);
  });

  it("reads a human-written date in the text with the parser", () => {
    const html = `<div itemscope itemtype="http://schema.org/Event"><b itemprop="name">Bake sale</b> <span itemprop="startDate">Saturday, December 5, 9am</span></div>`;
    const { events } = extractMicrodata(parseHtml(html), NY);
    expect(events[0]).toMatchObject({ title: "Bake sale", start: "2026-12-05T09:00:00-05:00", allDay: false });
  });

  it("ignores items that are not events", () => {
    const html = `<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Mug</span><meta itemprop="releaseDate" content="2026-12-01"></div>`;
    expect(extractMicrodata(parseHtml(html), NY)).toEqual({ events: [], warnings: [] });
  });
});
