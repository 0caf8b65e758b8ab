// JSON-LD: schema.org Event and subtypes in single objects, arrays and @graph; Place and PostalAddress; eventSchedule.
import { describe, expect, it } from "vitest";
import { parseHtml } from "../../src/sources/html/dom.js";
import { extractJsonLd } from "../../src/sources/html/jsonLd.js";
import { NY, NY_PAGE, fixture, timing, titled } from "./helpers.js";

const page = (...blocks: unknown[]): string =>
  `<html><head>${blocks.map((b) => `<script type="application/ld+json">${typeof b === "string" ? b : JSON.stringify(b)}</script>`).join("")}</head><body></body></html>`;
const read = (html: string, ctx = NY) => extractJsonLd(parseHtml(html), ctx);

describe("JSON-LD on a concert page", () => {
  const { events, warnings } = read(fixture("jsonld-event.html").toString("utf8"), NY_PAGE("https://bluenote.example.com/calendar/"));

  it("reads the MusicEvent and ignores the breadcrumb list", () => {
    expect(warnings).toEqual([]);
    expect(events).toHaveLength(1);
  });

  it("collapses and decodes the name, joins Place and PostalAddress, strips markup from the description", () => {
    expect(timing(events[0])).toEqual({
      title: "Winter Jazz & Blues Night",
      start: "2026-12-10T19:30:00-05:00",
      end: "2026-12-10T22:45:00-05:00",
      allDay: false,
      timezone: "America/New_York",
      recurrence: null,
      location: "The Blue Note, 131 W 3rd St, New York",
    });
    expect(events[0].description).toBe("An evening of jazz & blues with the Maya Lin Trio.");
  });

  it("resolves the relative url against the page address and marks the provenance", () => {
    expect(events[0].url).toBe("https://bluenote.example.com/events/winter-jazz-blues-night");
    expect(events[0].via).toBe("json-ld");
    expect(events[0].confidence).toBe(1);
  });
});

describe("JSON-LD with @graph, @id references, a top-level array and schedules", () => {
  const { events, warnings } = read(fixture("jsonld-graph-schedule.html").toString("utf8"), NY_PAGE("https://clay.example.org/classes/"));

  it("turns a weekly Tue/Thu class into a rule bounded by endDate, in its scheduleTimezone", () => {
    const event = titled(events, "Beginner Wheel Throwing");
    expect(timing(event)).toEqual({
      title: "Beginner Wheel Throwing",
      start: "2026-12-01T18:30:00-06:00",
      end: "2026-12-01T20:30:00-06:00",
      allDay: false,
      timezone: "America/Chicago",
      recurrence: "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270225T235959",
      location: "Riverside Clay Studio, 2210 N Elston Ave, Chicago",
    });
    expect(event.exdates).toEqual(["2026-12-24T18:30:00-06:00"]);
    expect(event.url).toBe("https://clay.example.org/classes/beginner-wheel");
  });

  it("starts a schedule without startDate at its first occurrence after the reference, with COUNT and a duration", () => {
    const event = titled(events, "Open Studio Saturday");
    expect(timing(event)).toEqual({
      title: "Open Studio Saturday",
      start: "2026-11-28T10:00:00-05:00",
      end: "2026-11-28T13:00:00-05:00",
      allDay: false,
      timezone: "America/New_York",
      recurrence: "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA;COUNT=6",
      location: "Riverside Clay Studio, back room",
    });
    expect(event.url).toBe("https://clay.example.org/classes/open-studio");
  });

  it("reads a date-only event with an inclusive endDate as all-day with an exclusive end", () => {
    expect(timing(titled(events, "Holiday Pottery Sale"))).toEqual({
      title: "Holiday Pottery Sale",
      start: "2026-12-12",
      end: "2026-12-14",
      allDay: true,
      timezone: "America/New_York",
      recurrence: null,
      location: "Riverside Clay Studio, 2210 N Elston Ave, Chicago",
    });
  });

  it("skips the cancelled event and the one without a date, each with a warning", () => {
    expect(events.map((e) => e.title)).toEqual(["Beginner Wheel Throwing", "Open Studio Saturday", "Holiday Pottery Sale"]);
    expect(warnings).toEqual([
      'JSON-LD item 2 "Glaze Lab (cancelled)": the event is cancelled and was skipped',
      'JSON-LD item 5 "Spring kiln opening": no recognisable startDate ("TBA"); skipped',
    ]);
  });
});

describe("JSON-LD dates and values", () => {
  it("reads a floating startDate as wall-clock time in the context zone", () => {
    const { events } = read(page({ "@type": "Event", name: "Trivia", startDate: "2026-12-10T19:00" }));
    expect(timing(events[0])).toMatchObject({ start: "2026-12-10T19:00:00-05:00", end: null, allDay: false, timezone: "America/New_York" });
  });

  it("shows a UTC startDate in the context zone", () => {
    const { events } = read(page({ "@type": "Event", name: "Trivia", startDate: "2026-12-11T00:00:00Z" }));
    expect(events[0]).toMatchObject({ start: "2026-12-10T19:00:00-05:00", timezone: "America/New_York" });
  });

  it("keeps the page's wall clock in a fixed-offset zone when the offset is not the context zone's", () => {
    const { events } = read(page({ "@type": "Event", name: "Webinar", startDate: "2026-12-10T09:00:00-08:00", endDate: "2026-12-10T10:00:00-08:00" }));
    expect(events[0]).toMatchObject({ start: "2026-12-10T09:00:00-08:00", end: "2026-12-10T10:00:00-08:00", timezone: "Etc/GMT+8" });
  });

  it("reads a human-written date with the parser", () => {
    const { events } = read(page({ "@type": "Event", name: "Gala", startDate: "December 12, 2026 at 7pm" }));
    expect(events[0]).toMatchObject({ start: "2026-12-12T19:00:00-05:00", allDay: false });
  });

  it("uses a duration when there is no endDate", () => {
    const { events } = read(page({ "@type": "TheaterEvent", name: "Hamlet", startDate: "2026-12-10T19:30:00-05:00", duration: "PT2H45M" }));
    expect(events[0].end).toBe("2026-12-10T22:15:00-05:00");
  });

  it("drops an endDate before the startDate with a warning", () => {
    const { events, warnings } = read(page({ "@type": "Event", name: "Oops", startDate: "2026-12-10T19:00", endDate: "2026-12-10T18:00" }));
    expect(events[0].end).toBeNull();
    expect(warnings).toEqual(['JSON-LD item 1 "Oops": endDate is before startDate; the end is dropped']);
  });

  it("takes a text location, the first of several, a subtype list and a prefixed type", () => {
    const { events } = read(page([{ "@type": ["Thing", "schema:FoodEvent"], name: "Chili cook-off", startDate: "2026-12-06", location: ["Fire Hall", "Backup: Elks Lodge"] }]));
    expect(events[0]).toMatchObject({ title: "Chili cook-off", start: "2026-12-06", allDay: true, location: "Fire Hall" });
  });

  it("finds events nested in an ItemList and forgives raw newlines and trailing commas", () => {
    const list = `{"@context":"https://schema.org","@type":"ItemList","itemListElement":[
      {"@type":"ListItem","position":1,"item":{"@type":"SportsEvent","name":"Derby
 night","startDate":"2026-12-05T19:00",},},
    ]}`;
    const { events, warnings } = read(page(list));
    expect(warnings).toEqual([]);
    expect(events.map((e) => [e.title, e.start])).toEqual([["Derby night", "2026-12-05T19:00:00-05:00"]]);
  });

  it("warns about a block that is not JSON and reads the others", () => {
    const { events, warnings } = read(page("{not json", { "@type": "Event", name: "Swap meet", startDate: "2026-12-05" }));
    expect(events).toHaveLength(1);
    expect(warnings).toEqual(["JSON-LD block 1 is not valid JSON and was skipped"]);
  });

  it("skips an event without a name", () => {
    const { events, warnings } = read(page({ "@type": "Event", startDate: "2026-12-05" }));
    expect(events).toEqual([]);
    expect(warnings).toEqual(["JSON-LD item 1: the event has no name and was skipped"]);
  });
});
