// Malformed iCalendar: INVALID_ICALENDAR naming the line for a broken file, a warning for one bad VEVENT among good ones.
import { describe, expect, it } from "vitest";
import { CalendarError } from "../../src/core/events/errors.js";
import { importCalendar } from "../../src/core/ical/import.js";
import { ics } from "./feeds.js";

const options = { defaultTimezone: "UTC" };

function failure(text: string): CalendarError {
  try {
    importCalendar(text, options);
  } catch (error) {
    if (error instanceof CalendarError) return error;
    throw error;
  }
  throw new Error("expected importCalendar to throw");
}

const event = (uid: string, ...lines: string[]) => ["BEGIN:VEVENT", `UID:${uid}`, ...lines, "END:VEVENT"];
const calendar = (...lines: string[]) => ics("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", ...lines, "END:VCALENDAR");

describe("importCalendar: malformed files", () => {
  it.each([
    ["empty text", "", /no BEGIN:VCALENDAR/],
    ["plain prose", "Lunch with Sam on Friday", /^line 1: expected ':'/],
    ["a vCard", ics("BEGIN:VCARD", "VERSION:3.0", "FN:Sam", "END:VCARD"), /^line 1: expected BEGIN:VCALENDAR, found BEGIN:VCARD/],
    ["a property before BEGIN:VCALENDAR", ics("VERSION:2.0", "BEGIN:VCALENDAR", "END:VCALENDAR"), /^line 1: VERSION outside BEGIN:VCALENDAR/],
    ["a missing END:VCALENDAR", ics("BEGIN:VCALENDAR", "VERSION:2.0", ...event("a", "DTSTART:20260301T100000Z")), /^line 1: BEGIN:VCALENDAR is never closed/],
    ["a crossed END", ics("BEGIN:VCALENDAR", "BEGIN:VEVENT", "END:VCALENDAR", "END:VEVENT"), /^line 3: END:VCALENDAR closes BEGIN:VEVENT of line 2/],
    ["an END without BEGIN", ics("BEGIN:VCALENDAR", "END:VCALENDAR", "END:VEVENT"), /^line 3: END:VEVENT without a matching BEGIN/],
    ["a broken line in the calendar header", calendar("this line has no colon"), /^line 4: expected ':'/],
    ["a broken line in a VTIMEZONE", calendar("BEGIN:VTIMEZONE", "TZID;:x", "END:VTIMEZONE"), /^line 5: a parameter lacks NAME=/],
    ["the only event with an impossible date", calendar(...event("a", "DTSTART:20260230T100000Z")), /^line 6: DTSTART has a bad date or date-time "20260230T100000Z"/],
    ["the only event without DTSTART", calendar(...event("a", "SUMMARY:x")), /^line 4: VEVENT has no DTSTART/],
    ["a DATE DTSTART with a date-time DTEND", calendar(...event("a", "DTSTART;VALUE=DATE:20260301", "DTEND:20260302T100000Z")), /^line 7: DTEND is a date-time but DTSTART is a date/],
    ["VALUE=DATE on a date-time", calendar(...event("a", "DTSTART;VALUE=DATE:20260301T100000")), /^line 6: DTSTART says VALUE=DATE but holds a date-time/],
    ["a bad DURATION", calendar(...event("a", "DTSTART:20260301T100000Z", "DURATION:1 hour")), /^line 7: DURATION is not a duration: "1 hour"/],
  ])("throws INVALID_ICALENDAR for %s", (_name, text, message) => {
    const error = failure(text);
    expect(error.code).toBe("INVALID_ICALENDAR");
    expect(error.message).toMatch(message);
  });

  it("says how many other VEVENTs were unreadable when none can be read", () => {
    const error = failure(calendar(...event("a", "DTSTART:2026"), ...event("b", "DTSTART:x"), ...event("c", "SUMMARY:none")));
    expect(error.message).toBe('line 6: DTSTART has a bad date or date-time "2026" (and 2 more unreadable VEVENTs)');
  });

  it("refuses a defaultTimezone that is not an IANA zone", () => {
    expect(() => importCalendar(calendar(), { defaultTimezone: "Mars/Olympus" })).toThrowError(expect.objectContaining({ code: "INVALID_TIMEZONE", field: "defaultTimezone" }));
  });

  it("reads a calendar without events as no events", () => {
    expect(importCalendar(calendar(), options)).toEqual({ events: [], warnings: [] });
  });
});

describe("importCalendar: one bad VEVENT among good ones", () => {
  it("skips an event with a bad date and says which line", () => {
    const text = calendar(...event("good", "DTSTART:20260301T100000Z", "SUMMARY:kept"), ...event("bad", "DTSTART:20261301T100000Z", "SUMMARY:lost"));
    const { events, warnings } = importCalendar(text, options);
    expect(events.map((e) => e.title)).toEqual(["kept"]);
    expect(warnings).toEqual(['line 11: DTSTART has a bad date or date-time "20261301T100000Z"; the VEVENT of line 9 was skipped']);
  });

  it("skips an event holding a broken line (an unfolded continuation without its leading space)", () => {
    const text = calendar(...event("bad", "DTSTART:20260301T100000Z", "DESCRIPTION:first line", "second line lost its fold"), ...event("good", "DTSTART:20260302T100000Z", "SUMMARY:kept"));
    const { events, warnings } = importCalendar(text, options);
    expect(events.map((e) => e.uid)).toEqual(["good"]);
    expect(warnings).toEqual(["line 8: expected ':' after the property name and parameters; the VEVENT of line 4 was skipped"]);
  });

  it("ignores one unreadable EXDATE value with a warning and keeps the rest of the event", () => {
    const text = calendar(...event("a", "DTSTART:20260301T100000Z", "RRULE:FREQ=DAILY;COUNT=3", "EXDATE:20260302T100000Z,nonsense"));
    const { events, warnings } = importCalendar(text, options);
    expect(events[0].exdates).toEqual(["2026-03-02T10:00:00+00:00"]);
    expect(warnings).toEqual(['line 8: EXDATE has a bad date or date-time "nonsense"; that exception date is ignored']);
  });

  it("drops an end before the start with a warning", () => {
    const { events, warnings } = importCalendar(calendar(...event("a", "DTSTART:20260301T100000Z", "DTEND:20260301T090000Z")), options);
    expect(events[0].end).toBeNull();
    expect(warnings).toEqual(["line 7: the event ends before it starts; the end is dropped"]);
  });
});
