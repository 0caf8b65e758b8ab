// importCalendar on real-world-like feeds: Google, Outlook (Windows TZID), UTC-only, all-day, overrides, EXDATE.
import { describe, expect, it } from "vitest";
import { checkEvent } from "../../src/app/eventInput.js";
import { importCalendar } from "../../src/core/ical/import.js";
import { GOOGLE, OUTLOOK, UTC_ONLY, ics } from "./feeds.js";

const NY = "America/New_York";

/** A one-event calendar around `lines` (optionally after some VTIMEZONE lines). */
const single = (lines: string[], head: string[] = []) =>
  ics("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", ...head, "BEGIN:VEVENT", "UID:one@test", "DTSTAMP:20260105T120000Z", ...lines, "END:VEVENT", "END:VCALENDAR");

describe("importCalendar: a Google Calendar export", () => {
  const { events, warnings } = importCalendar(GOOGLE, { defaultTimezone: "Europe/Berlin" });

  it("reads the recurring master with its TZID zone, unfolded and unescaped text, RRULE and EXDATE", () => {
    expect(events[0]).toEqual({
      title: "Team standup",
      start: "2026-03-03T09:00:00-05:00",
      end: "2026-03-03T09:30:00-05:00",
      allDay: false,
      timezone: NY,
      recurrence: "FREQ=WEEKLY;BYDAY=TU",
      location: "Zoom",
      description: "Daily sync, notes in the doc:\nhttps://docs.example.com/d/1234567890; bring coffee",
      confidence: 1,
      uid: "7kq2c0ffee1234567890abcdef@google.com",
      // The EXDATE, then the occurrence the RECURRENCE-ID override replaces (after the DST change: -04:00).
      exdates: ["2026-03-17T09:00:00-04:00", "2026-03-10T09:00:00-04:00"],
    });
  });

  it("emits the RECURRENCE-ID override as its own single event with a derived UID", () => {
    expect(events[1]).toMatchObject({
      title: "Team standup (moved)",
      start: "2026-03-11T10:00:00-04:00",
      end: "2026-03-11T10:30:00-04:00",
      recurrence: null,
      exdates: [],
      uid: "7kq2c0ffee1234567890abcdef@google.com#2026-03-10T09:00:00-04:00",
    });
  });

  it("reads all-day events with their exclusive end, in the default zone", () => {
    expect(events[2]).toMatchObject({ title: "Winter break", start: "2026-12-24", end: "2026-12-27", allDay: true, timezone: "Europe/Berlin" });
  });

  it("keeps a UTC event's instant and shows it in the default zone", () => {
    expect(events[3]).toMatchObject({ title: "Call with London", start: "2026-04-01T17:00:00+02:00", end: "2026-04-01T18:00:00+02:00", timezone: "Europe/Berlin", recurrence: null });
  });

  it("has nothing to warn about", () => {
    expect(events).toHaveLength(4);
    expect(warnings).toEqual([]);
  });
});

describe("importCalendar: an Outlook export with Windows TZIDs", () => {
  const { events, warnings } = importCalendar(OUTLOOK, { defaultTimezone: "Europe/Berlin" });

  it("maps TZID \"Eastern Standard Time\" to America/New_York and keeps the rule as written", () => {
    expect(events[0]).toMatchObject({
      title: "Project review",
      start: "2026-03-02T09:00:00-05:00",
      end: "2026-03-02T10:00:00-05:00",
      timezone: NY,
      location: "Conf Room A",
      recurrence: "FREQ=WEEKLY;UNTIL=20260630T130000Z;INTERVAL=1;BYDAY=MO,WE;WKST=SU",
      // Outlook's DESCRIPTION:\n is an empty description.
      description: null,
    });
  });

  it("reads the comma-listed EXDATEs and adds the cancelled occurrence, which is not imported itself", () => {
    expect(events[0].exdates).toEqual(["2026-03-11T09:00:00-04:00", "2026-03-18T09:00:00-04:00", "2026-03-25T09:00:00-04:00"]);
    expect(events.map((e) => e.title)).toEqual(["Project review", "Independence Day"]);
  });

  it("reads the all-day event and warns about nothing", () => {
    expect(events[1]).toMatchObject({ start: "2026-07-03", end: "2026-07-04", allDay: true });
    expect(warnings).toEqual([]);
  });

  it("maps an Outlook display-name TZID by its VTIMEZONE offsets, with a warning", () => {
    const tzid = "(UTC-05:00) Eastern Time (US & Canada)";
    const vtimezone = OUTLOOK.split("\r\n").slice(5, 20).map((l) => (l === "TZID:Eastern Standard Time" ? `TZID:${tzid}` : l));
    const result = importCalendar(single([`DTSTART;TZID="${tzid}":20260715T140000`, "SUMMARY:Sync"], vtimezone), { defaultTimezone: "Europe/Berlin" });
    expect(result.events[0]).toMatchObject({ start: "2026-07-15T14:00:00-04:00", timezone: NY });
    expect(result.warnings).toEqual([`TZID ${JSON.stringify(tzid)} is not an IANA zone; its VTIMEZONE has the offsets of America/New_York, which is used`]);
  });

  it("does not trust a Windows name whose VTIMEZONE says otherwise", () => {
    // A file calling a fixed UTC+03:00 zone "W. Europe Standard Time" gets a zone with those offsets.
    const vtimezone = ["BEGIN:VTIMEZONE", "TZID:W. Europe Standard Time", "BEGIN:STANDARD", "DTSTART:16010101T000000", "TZOFFSETFROM:+0300", "TZOFFSETTO:+0300", "END:STANDARD", "END:VTIMEZONE"];
    const result = importCalendar(single(["DTSTART;TZID=W. Europe Standard Time:20260715T140000", "SUMMARY:x"], vtimezone), { defaultTimezone: "UTC" });
    expect(result.events[0].start).toBe("2026-07-15T14:00:00+03:00");
    expect(result.events[0].timezone).not.toBe("Europe/Berlin");
  });
});

describe("importCalendar: TZIDs", () => {
  it("takes an IANA name from the end of a path-like TZID", () => {
    const { events, warnings } = importCalendar(single(["DTSTART;TZID=/mozilla.org/20050126_1/Europe/Berlin:20260715T140000", "SUMMARY:x"]), { defaultTimezone: "UTC" });
    expect(events[0]).toMatchObject({ start: "2026-07-15T14:00:00+02:00", timezone: "Europe/Berlin" });
    expect(warnings).toEqual([]);
  });

  it("keeps the instants of a VTIMEZONE no IANA zone matches, stored in the default zone with a warning", () => {
    const vtimezone = ["BEGIN:VTIMEZONE", "TZID:Mars Base", "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0317", "TZOFFSETTO:+0317", "END:STANDARD", "END:VTIMEZONE"];
    const { events, warnings } = importCalendar(single(["DTSTART;TZID=Mars Base:20260715T140000", "SUMMARY:x"], vtimezone), { defaultTimezone: "UTC" });
    expect(events[0]).toMatchObject({ start: "2026-07-15T10:43:00+00:00", timezone: "UTC" });
    expect(warnings[0]).toMatch(/TZID "Mars Base" matches no IANA zone/);
  });

  it("reads an unknown TZID without VTIMEZONE in the default zone, with a warning", () => {
    const { events, warnings } = importCalendar(single(["DTSTART;TZID=Somewhere:20260715T140000", "SUMMARY:x"]), { defaultTimezone: "Asia/Tokyo" });
    expect(events[0]).toMatchObject({ start: "2026-07-15T14:00:00+09:00", timezone: "Asia/Tokyo" });
    expect(warnings).toEqual(['TZID "Somewhere" is unknown and has no VTIMEZONE; its times are read in Asia/Tokyo']);
  });

  it("reads floating times in the default zone", () => {
    const { events } = importCalendar(single(["DTSTART:20260303T090000", "DTEND:20260303T100000", "SUMMARY:x"]), { defaultTimezone: "Europe/Berlin" });
    expect(events[0]).toMatchObject({ start: "2026-03-03T09:00:00+01:00", end: "2026-03-03T10:00:00+01:00", timezone: "Europe/Berlin" });
  });
});

describe("importCalendar: a UTC-only feed", () => {
  const { events, warnings } = importCalendar(UTC_ONLY, { defaultTimezone: "Europe/Berlin" });

  it("shows single UTC events in the default zone at the same instant", () => {
    expect(events[0]).toMatchObject({ title: "JS Night", start: "2026-04-16T01:00:00+02:00", end: "2026-04-16T03:00:00+02:00", timezone: "Europe/Berlin", location: "Factory, Lohmühlenstraße 65, Berlin" });
  });

  it("keeps a repeating UTC event in UTC, so its occurrences stay at the same UTC time, and reads DURATION", () => {
    expect(events[1]).toMatchObject({
      start: "2026-01-15T18:00:00+00:00",
      end: "2026-01-15T19:30:00+00:00",
      timezone: "UTC",
      recurrence: "FREQ=WEEKLY;COUNT=10",
      exdates: ["2026-01-22T18:00:00+00:00"],
    });
    expect(warnings).toEqual([]);
  });
});

describe("importCalendar: details", () => {
  it("reads DURATION days as calendar days across a DST change", () => {
    const { events } = importCalendar(single(["DTSTART;TZID=America/New_York:20260307T090000", "DURATION:P1D", "SUMMARY:x"]), { defaultTimezone: "UTC" });
    expect(events[0].end).toBe("2026-03-08T09:00:00-04:00");
  });

  it("gives an all-day event without DTEND one day, and reads an all-day DURATION", () => {
    const bare = importCalendar(single(["DTSTART;VALUE=DATE:20260301", "SUMMARY:x"]), { defaultTimezone: "UTC" });
    const withDuration = importCalendar(single(["DTSTART;VALUE=DATE:20260301", "DURATION:P2D", "SUMMARY:x"]), { defaultTimezone: "UTC" });
    expect(bare.events[0].end).toBe("2026-03-02");
    expect(withDuration.events[0].end).toBe("2026-03-03");
  });

  it("leaves a timed event without DTEND or DURATION without an end", () => {
    expect(importCalendar(single(["DTSTART:20260301T100000Z", "SUMMARY:x"]), { defaultTimezone: "UTC" }).events[0].end).toBeNull();
  });

  it("reads EXDATE spread over several lines, and DATE EXDATEs of a timed event at DTSTART's time", () => {
    const { events } = importCalendar(
      single([
        "DTSTART;TZID=America/New_York:20260302T090000",
        "RRULE:FREQ=DAILY;COUNT=10",
        "EXDATE;TZID=America/New_York:20260303T090000",
        "EXDATE:20260304T140000Z,20260305T140000Z",
        "EXDATE;VALUE=DATE:20260309",
        "SUMMARY:x",
      ]),
      { defaultTimezone: "UTC" },
    );
    expect(events[0].exdates).toEqual(["2026-03-03T09:00:00-05:00", "2026-03-04T09:00:00-05:00", "2026-03-05T09:00:00-05:00", "2026-03-09T09:00:00-04:00"]);
  });

  it("drops an RRULE outside the supported subset with a warning and keeps the event single", () => {
    const { events, warnings } = importCalendar(single(["DTSTART:20260301T100000Z", "RRULE:FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1", "SUMMARY:x"]), { defaultTimezone: "UTC" });
    expect(events[0].recurrence).toBeNull();
    expect(warnings).toEqual(['line 8: RRULE "FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1" is not supported; the event is imported as a single occurrence']);
  });

  it("names an untitled event, reads our confidence and zone properties, and warns about RDATE and VTODO", () => {
    const text = ics(
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//test//EN",
      "BEGIN:VEVENT",
      "UID:a@test",
      "DTSTART;VALUE=DATE:20260301",
      "RRULE:FREQ=YEARLY",
      "RDATE;VALUE=DATE:20260401",
      "X-CALENDAR-API-CONFIDENCE:0.7",
      "X-CALENDAR-API-TIMEZONE:Asia/Tokyo",
      "END:VEVENT",
      "BEGIN:VTODO",
      "UID:todo@test",
      "SUMMARY:Buy milk",
      "END:VTODO",
      "END:VCALENDAR",
    );
    const { events, warnings } = importCalendar(text, { defaultTimezone: "UTC" });
    expect(events[0]).toMatchObject({ title: "(No title)", confidence: 0.7, timezone: "Asia/Tokyo", recurrence: "FREQ=YEARLY" });
    expect(warnings).toEqual(["line 8: RDATE is not supported and is ignored", "VTODO components are not imported"]);
  });

  it("imports an override whose recurring event is not in the file as a single event, with a warning", () => {
    const { events, warnings } = importCalendar(single(["RECURRENCE-ID:20260310T140000Z", "DTSTART:20260311T140000Z", "SUMMARY:moved"]), { defaultTimezone: "UTC" });
    expect(events).toEqual([expect.objectContaining({ title: "moved", uid: "one@test#2026-03-10T14:00:00+00:00", recurrence: null })]);
    expect(warnings[0]).toMatch(/RECURRENCE-ID of UID "one@test" has no recurring event/);
  });
});

describe("importCalendar: output the events API accepts", () => {
  it.each([
    ["Google", GOOGLE],
    ["Outlook", OUTLOOK],
    ["UTC-only", UTC_ONLY],
  ])("every event of the %s feed passes the event checks", (_name, text) => {
    for (const event of importCalendar(text, { defaultTimezone: "Europe/Berlin" }).events) expect(() => checkEvent(event)).not.toThrow();
  });
});
