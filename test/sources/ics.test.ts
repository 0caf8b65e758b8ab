// The iCalendar extractor: the core importer's events with via "ical" and their URL; a malformed file is INVALID_SOURCE.
import { describe, expect, it } from "vitest";
import { CalendarError } from "../../src/core/events/errors.js";
import { icsExtractor } from "../../src/sources/ics.js";
import { SourceFormatError } from "../../src/sources/types.js";
import { NY, fixture } from "./helpers.js";

describe("icsExtractor on a choir feed with RRULE, EXDATE and a RECURRENCE-ID override", () => {
  const result = icsExtractor.extract(fixture("recurring.ics"), NY);

  it("keeps the weekly master with its zone, rule, exdates (the moved occurrence included), UID and URL", async () => {
    const { events, warnings } = await result;
    expect(warnings).toEqual([]);
    expect(events).toHaveLength(3);
    expect(events[0]).toEqual({
      title: "Choir rehearsal",
      start: "2026-12-02T19:30:00-05:00",
      end: "2026-12-02T21:30:00-05:00",
      allDay: false,
      timezone: "America/New_York",
      recurrence: "FREQ=WEEKLY;BYDAY=WE;UNTIL=20270331T235959Z",
      location: "St. Paul's Parish Hall, 315 W 22nd St",
      description: "Bring your folder and a pencil.",
      confidence: 1,
      uid: "rehearsal-2026@riverside-choir.example.org",
      exdates: ["2026-12-23T19:30:00-05:00", "2026-12-30T19:30:00-05:00", "2026-12-16T19:30:00-05:00"],
      via: "ical",
      url: "https://riverside-choir.example.org/rehearsals",
    });
  });

  it("emits the override as a single event that takes its master's URL", async () => {
    const { events } = await result;
    expect(events[1]).toMatchObject({
      title: "Choir rehearsal (dress rehearsal, long)",
      start: "2026-12-16T18:00:00-05:00",
      end: "2026-12-16T22:00:00-05:00",
      allDay: false,
      timezone: "America/New_York",
      recurrence: null,
      location: "Riverside Church",
      uid: "rehearsal-2026@riverside-choir.example.org#2026-12-16T19:30:00-05:00",
      via: "ical",
      url: "https://riverside-choir.example.org/rehearsals",
    });
  });

  it("reads an all-day event with its exclusive end date and no URL", async () => {
    const { events } = await result;
    expect(events[2]).toMatchObject({ title: "Winter concert day", start: "2026-12-20", end: "2026-12-21", allDay: true, recurrence: null, url: null });
  });
});

describe("icsExtractor on broken input", () => {
  it("wraps INVALID_ICALENDAR into SourceFormatError INVALID_SOURCE, keeping the core error as cause", async () => {
    const error = await icsExtractor.extract(Buffer.from("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n"), NY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceFormatError);
    expect(error).toBeInstanceOf(CalendarError);
    expect((error as SourceFormatError).code).toBe("INVALID_SOURCE");
    expect((error as SourceFormatError).message).toMatch(/^malformed iCalendar: /);
    expect(((error as SourceFormatError).cause as CalendarError).code).toBe("INVALID_ICALENDAR");
  });

  it("rejects text that is no calendar at all", async () => {
    await expect(icsExtractor.extract(Buffer.from("Yoga Monday 6pm"), NY)).rejects.toMatchObject({ code: "INVALID_SOURCE" });
  });

  it("lets a bad default zone through as the core's INVALID_TIMEZONE", async () => {
    await expect(icsExtractor.extract(fixture("recurring.ics"), { ...NY, timezone: "Mars/Olympus" })).rejects.toMatchObject({ code: "INVALID_TIMEZONE" });
  });
});
