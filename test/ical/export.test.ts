// exportCalendar read back by ical.js: calendar properties, VEVENT properties, TZID instants, all-day ends, rules.
import { describe, expect, it } from "vitest";
import { exportCalendar } from "../../src/core/ical/export.js";
import { parseIsoInstant } from "../../src/core/time/zone.js";
import { NOW, epochOf, parseWithIcalJs, stored } from "./helpers.js";

const NY = "America/New_York";

describe("exportCalendar: the calendar", () => {
  it("writes VERSION, PRODID, CALSCALE, METHOD, X-WR-CALNAME and, for one shared zone, X-WR-TIMEZONE", () => {
    const text = exportCalendar([stored({ start: "2026-03-03T09:00:00-05:00" })], { now: NOW, calendarName: "Team, Ops" });
    const { calendar } = parseWithIcalJs(text);
    expect(calendar.name).toBe("vcalendar");
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//calendar-api//calendar-api//EN");
    expect(calendar.getFirstPropertyValue("calscale")).toBe("GREGORIAN");
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    // Non-standard properties are TEXT (RFC 5545 §3.8.8.2), so the comma is escaped; ical.js leaves X- values raw.
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Team\\, Ops");
    expect(calendar.getFirstPropertyValue("x-wr-timezone")).toBe(NY);
  });

  it("uses the given PRODID and leaves X-WR-CALNAME out when no name is given", () => {
    const text = exportCalendar([], { now: NOW, prodId: "-//Acme//Cal 2//EN" });
    const { calendar } = parseWithIcalJs(text);
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//Acme//Cal 2//EN");
    expect(calendar.hasProperty("x-wr-calname")).toBe(false);
    expect(calendar.getAllSubcomponents("vevent")).toHaveLength(0);
  });

  it("leaves X-WR-TIMEZONE out when events are in different zones, and writes one VTIMEZONE per TZID zone", () => {
    const text = exportCalendar(
      [stored({ start: "2026-03-03T09:00:00-05:00" }), stored({ start: "2026-03-03T09:00:00+01:00", timezone: "Europe/Berlin" }), stored({ start: "2026-03-04", allDay: true, timezone: "Asia/Tokyo" })],
      { now: NOW },
    );
    const { calendar } = parseWithIcalJs(text);
    expect(calendar.hasProperty("x-wr-timezone")).toBe(false);
    // All-day events use VALUE=DATE and need no VTIMEZONE.
    expect(calendar.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"))).toEqual(["America/New_York", "Europe/Berlin"]);
  });

  it("ends every line with CRLF and has no bare LF", () => {
    const text = exportCalendar([stored({ start: "2026-03-03T09:00:00-05:00", description: "a\nb" })], { now: NOW });
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });
});

describe("exportCalendar: one VEVENT per event", () => {
  it("writes UID, DTSTAMP, SUMMARY, LOCATION, DESCRIPTION, CREATED, LAST-MODIFIED and the confidence", () => {
    const event = stored({ start: "2026-03-03T09:00:00-05:00", end: "2026-03-03T10:30:00-05:00", title: "Planning", location: "Room 4", description: "Agenda", confidence: 0.8 });
    const { events } = parseWithIcalJs(exportCalendar([event], { now: NOW }));
    const vevent = events[0].component;
    expect(events[0].uid).toBe(event.uid);
    expect(events[0].summary).toBe("Planning");
    expect(events[0].location).toBe("Room 4");
    expect(events[0].description).toBe("Agenda");
    expect(vevent.getFirstPropertyValue("dtstamp")?.toString()).toBe("2026-01-05T12:00:00Z");
    expect(vevent.getFirstPropertyValue("created")?.toString()).toBe("2026-01-01T10:00:00Z");
    expect(vevent.getFirstPropertyValue("last-modified")?.toString()).toBe("2026-01-02T11:30:00Z");
    expect(vevent.getFirstPropertyValue("x-calendar-api-confidence")).toBe("0.8");
  });

  it("writes timed values as wall-clock time with TZID, at the same instants", () => {
    const event = stored({ start: "2026-07-14T18:00:00+02:00", end: "2026-07-14T20:15:00+02:00", timezone: "Europe/Berlin" });
    const text = exportCalendar([event], { now: NOW });
    expect(text).toContain("DTSTART;TZID=Europe/Berlin:20260714T180000\r\n");
    expect(text).toContain("DTEND;TZID=Europe/Berlin:20260714T201500\r\n");
    const [parsed] = parseWithIcalJs(text).events;
    expect(parsed.startDate.zone?.tzid).toBe("Europe/Berlin");
    expect(epochOf(parsed.startDate)).toBe(parseIsoInstant(event.start, "UTC"));
    expect(epochOf(parsed.endDate)).toBe(parseIsoInstant(event.end as string, "UTC"));
  });

  it("reads the wall-clock time in the event's zone even when the stored offset is another zone's", () => {
    const event = stored({ start: "2026-11-27T02:00:00Z", timezone: NY });
    const text = exportCalendar([event], { now: NOW });
    expect(text).toContain("DTSTART;TZID=America/New_York:20261126T210000\r\n");
  });

  it("leaves DTEND out for a timed event without an end", () => {
    const text = exportCalendar([stored({ start: "2026-03-03T09:00:00-05:00", end: null })], { now: NOW });
    expect(text).not.toContain("DTEND");
  });

  it("writes all-day events as VALUE=DATE with an exclusive DTEND (the next day when there is no end)", () => {
    const oneDay = stored({ start: "2026-12-24", end: null, allDay: true });
    const threeDays = stored({ start: "2026-12-24", end: "2026-12-27", allDay: true });
    const text = exportCalendar([oneDay, threeDays], { now: NOW });
    expect(text).toContain("DTSTART;VALUE=DATE:20261224\r\nDTEND;VALUE=DATE:20261225\r\n");
    expect(text).toContain("DTSTART;VALUE=DATE:20261224\r\nDTEND;VALUE=DATE:20261227\r\n");
    const [a, b] = parseWithIcalJs(text).events;
    expect(a.startDate.isDate).toBe(true);
    expect(a.duration.toString()).toBe("P1D");
    expect(b.duration.toString()).toBe("P3D");
  });

  it("writes UTC events with Z and keeps their zone in X-CALENDAR-API-TIMEZONE", () => {
    const text = exportCalendar([stored({ start: "2026-03-03T09:00:00Z", end: "2026-03-03T10:00:00Z", timezone: "UTC" })], { now: NOW });
    expect(text).toContain("DTSTART:20260303T090000Z\r\nDTEND:20260303T100000Z\r\n");
    expect(text).toContain("X-CALENDAR-API-TIMEZONE:UTC\r\n");
    expect(text).not.toContain("BEGIN:VTIMEZONE");
  });

  it("writes both 01:30s of a fall-back night in UTC: RFC 5545 reads the wall-clock time as the first, ical.js as the second", () => {
    const first = stored({ start: "2026-11-01T01:30:00-04:00", end: "2026-11-01T01:45:00-04:00" });
    const second = stored({ start: "2026-11-01T01:30:00-05:00" });
    const text = exportCalendar([first, second], { now: NOW });
    expect(text).toContain("DTSTART:20261101T053000Z\r\nDTEND:20261101T054500Z\r\n");
    expect(text).toContain("DTSTART:20261101T063000Z\r\n");
    const [a, b] = parseWithIcalJs(text).events;
    expect(epochOf(a.startDate)).toBe(Date.parse("2026-11-01T05:30:00Z"));
    expect(epochOf(b.startDate)).toBe(Date.parse("2026-11-01T06:30:00Z"));
  });

  it("leaves out an event whose start cannot be read", () => {
    const text = exportCalendar([stored({ start: "not a date" }), stored({ start: "2026-03-03T09:00:00-05:00", title: "kept" })], { now: NOW });
    expect(parseWithIcalJs(text).events.map((e) => e.summary)).toEqual(["kept"]);
  });
});

describe("exportCalendar: recurrence", () => {
  it("writes RRULE as stored and EXDATE in DTSTART's form", () => {
    const event = stored({ start: "2026-03-03T09:00:00-05:00", recurrence: "FREQ=WEEKLY;BYDAY=TU", exdates: ["2026-03-17T09:00:00-04:00", "2026-03-24T09:00:00-04:00"] });
    const text = exportCalendar([event], { now: NOW });
    expect(text).toContain("RRULE:FREQ=WEEKLY;BYDAY=TU\r\n");
    expect(text).toContain("EXDATE;TZID=America/New_York:20260317T090000,20260324T090000\r\n");
    expect(parseWithIcalJs(text).events[0].component.getAllProperties("rrule")).toHaveLength(1);
  });

  it("a weekly 09:00 rule stays at 09:00 local across the March DST change when ical.js expands it", () => {
    const event = stored({ start: "2026-02-24T09:00:00-05:00", end: "2026-02-24T09:30:00-05:00", recurrence: "FREQ=WEEKLY;BYDAY=TU;COUNT=6", exdates: ["2026-03-17T09:00:00-04:00"] });
    const [parsed] = parseWithIcalJs(exportCalendar([event], { now: NOW })).events;
    const iterator = parsed.iterator();
    const got: string[] = [];
    for (let next = iterator.next(); next; next = iterator.next()) {
      expect(next.hour).toBe(9);
      got.push(new Date(epochOf(next)).toISOString());
    }
    // EXDATE removes the 17th; the change to EDT on March 8 moves the UTC hour from 14 to 13.
    expect(got).toEqual(["2026-02-24T14:00:00.000Z", "2026-03-03T14:00:00.000Z", "2026-03-10T13:00:00.000Z", "2026-03-24T13:00:00.000Z", "2026-03-31T13:00:00.000Z"]);
  });

  it("writes all-day EXDATEs as VALUE=DATE", () => {
    const event = stored({ start: "2026-01-01", allDay: true, recurrence: "FREQ=MONTHLY;COUNT=3", exdates: ["2026-02-01"] });
    const text = exportCalendar([event], { now: NOW });
    expect(text).toContain("EXDATE;VALUE=DATE:20260201\r\n");
    const [parsed] = parseWithIcalJs(text).events;
    const iterator = parsed.iterator();
    const dates: string[] = [];
    for (let next = iterator.next(); next; next = iterator.next()) dates.push(next.toString());
    expect(dates).toEqual(["2026-01-01", "2026-03-01"]);
  });

  it("turns a floating UNTIL into UTC for a timed event, and a date-time UNTIL into a DATE for an all-day one", () => {
    const timed = stored({ start: "2026-03-03T09:00:00-05:00", recurrence: "FREQ=DAILY;UNTIL=20260310T090000" });
    const dateUntil = stored({ start: "2026-03-03T09:00:00-05:00", recurrence: "FREQ=DAILY;UNTIL=20260305" });
    const allDay = stored({ start: "2026-03-03", allDay: true, recurrence: "FREQ=DAILY;UNTIL=20260305T120000Z" });
    const text = exportCalendar([timed, dateUntil, allDay], { now: NOW });
    expect(text).toContain("RRULE:FREQ=DAILY;UNTIL=20260310T130000Z\r\n");
    // A date UNTIL includes that whole day.
    expect(text).toContain("RRULE:FREQ=DAILY;UNTIL=20260306T045959Z\r\n");
    expect(text).toContain("RRULE:FREQ=DAILY;UNTIL=20260305\r\n");
    const counts = parseWithIcalJs(text).events.map((e) => {
      const iterator = e.iterator();
      let n = 0;
      while (iterator.next()) n += 1;
      return n;
    });
    expect(counts).toEqual([8, 3, 3]);
  });
});
