// Microformats: mf2 h-event with a nested h-card, and classic hCalendar vevent with abbr dates.
import { describe, expect, it } from "vitest";
import { parseHtml } from "../../src/sources/html/dom.js";
import { extractHEvents } from "../../src/sources/html/hEvent.js";
import { NY, fixture, timing } from "./helpers.js";

const LA = { reference: "2026-11-23T07:00:00-08:00", timezone: "America/Los_Angeles", baseUrl: "https://indieweb.example.org/events/" };

describe("h-event and vevent on one page", () => {
  const { events, warnings } = extractHEvents(parseHtml(fixture("h-event.html").toString("utf8")), LA);

  it("reads both, in page order", () => {
    expect(warnings).toEqual([]);
    expect(events.map((e) => [e.title, e.via])).toEqual([
      ["IndieWeb Camp Portland", "h-event"],
      ["PDX JavaScript Meetup", "h-event"],
    ]);
  });

  it("reads the mf2 event: dt-start/dt-end, a nested h-card location, e-description, a resolved u-url", () => {
    expect(timing(events[0])).toEqual({
      title: "IndieWeb Camp Portland",
      start: "2026-12-12T09:00:00-08:00",
      end: "2026-12-13T17:00:00-08:00",
      allDay: false,
      timezone: "America/Los_Angeles",
      recurrence: null,
      location: "Eliot Center, 1226 SW Salmon St, Portland",
    });
    expect(events[0].description).toBe("Two days of building your own website.");
    expect(events[0].url).toBe("https://indieweb.example.org/2026/portland");
  });

  it("reads the classic vevent: summary, abbr title dates as wall-clock time, location, url", () => {
    expect(timing(events[1])).toEqual({
      title: "PDX JavaScript Meetup",
      start: "2026-12-16T18:30:00-08:00",
      end: "2026-12-16T20:30:00-08:00",
      allDay: false,
      timezone: "America/Los_Angeles",
      recurrence: null,
      location: "Pioneer Courthouse Square",
    });
    expect(events[1].description).toBe("Lightning talks & pizza.");
    expect(events[1].url).toBe("https://example.com/meetups/js-dec");
  });
});

describe("h-event details", () => {
  it("joins a value-class date part and time part", () => {
    const html = `<div class="h-event"><span class="p-name">Story time</span>
      <span class="dt-start"><span class="value">2026-12-02</span> at <span class="value">10:30</span></span></div>`;
    expect(extractHEvents(parseHtml(html), NY).events[0]).toMatchObject({ title: "Story time", start: "2026-12-02T10:30:00-05:00" });
  });

  it("implies the name from a heading and reads an all-day date", () => {
    const html = `<article class="h-event"><h2>Toy drive</h2><time class="dt-start" datetime="2026-12-06">Dec 6</time></article>`;
    expect(timing(extractHEvents(parseHtml(html), NY).events[0])).toEqual({
      title: "Toy drive", start: "2026-12-06", end: null, allDay: true, timezone: "America/New_York", recurrence: null, location: null,
    });
  });

  it("keeps a nested h-event's properties out of the outer one", () => {
    const html = `<div class="h-event"><span class="p-name">Festival</span><time class="dt-start" datetime="2026-12-10">Dec 10</time>
      <div class="h-event"><span class="p-name">Opening act</span><time class="dt-start" datetime="2026-12-10T18:00">6pm</time></div></div>`;
    expect(extractHEvents(parseHtml(html), NY).events.map((e) => [e.title, e.start])).toEqual([
      ["Festival", "2026-12-10"],
      ["Opening act", "2026-12-10T18:00:00-05:00"],
    ]);
  });
});
