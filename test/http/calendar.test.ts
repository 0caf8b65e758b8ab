// GET /calendar.ics read back by ical.js (VTIMEZONE, RRULE across DST, all-day, escaping, stable UIDs) and
// POST /events/import: creates, re-import updates instead of duplicating, other content types are refused.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, expectProblem, type Harness, json, postJson } from "./harness.js";

const NY = "America/New_York";
const crlf = (...lines: string[]) => `${lines.join("\r\n")}\r\n`;

/** Parses with ical.js, registering the feed's own VTIMEZONEs so TZID times use them. */
function readFeed(text: string): { calendar: ICAL.Component; events: ICAL.Event[] } {
  ICAL.TimezoneService.reset();
  const first = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of first.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(vtimezone);
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)) };
}

const getIcs = (h: Harness, query = "") => h.app.inject({ method: "GET", url: `/calendar.ics${query}` });
const importIcs = (h: Harness, body: string, contentType = "text/calendar") => h.app.inject({ method: "POST", url: "/events/import", payload: body, headers: { "content-type": contentType } });

describe("GET /calendar.ics", () => {
  let h: Harness;
  const made: Record<string, { id: string; uid: string }> = {};
  beforeAll(async () => {
    h = await createHarness();
    const add = async (key: string, fields: Record<string, unknown>) => {
      const res = await postJson(h.app, "/events", fields);
      expect(res.statusCode, res.body).toBe(201);
      made[key] = json(res).events[0];
    };
    await add("weekly", { title: "Weekly planning", start: "2027-03-01T09:00:00-05:00", end: "2027-03-01T10:00:00-05:00", timezone: NY, recurrence: "FREQ=WEEKLY;BYDAY=MO;COUNT=4" });
    await add("allDay", { title: "Offsite", start: "2027-03-10", end: "2027-03-12", timezone: NY });
    await add("escaped", { title: "Dinner, drinks; fun", start: "2027-03-05T19:00:00-05:00", timezone: NY, location: "Bar \\ Grill", description: "line one\nline two" });
  });
  afterAll(() => h.close());

  it("serves text/calendar that ical.js reads: VTIMEZONE, one VEVENT per stored event, stable UIDs", async () => {
    const res = await getIcs(h);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/calendar/);
    expect(res.body.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    const { calendar, events } = readFeed(res.body);
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    const zones = calendar.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"));
    expect(zones).toContain(NY);
    expect(events.map((e) => e.uid).sort()).toEqual(Object.values(made).map((e) => e.uid).sort());
    // The same UIDs on every export.
    expect(readFeed((await getIcs(h)).body).events.map((e) => e.uid).sort()).toEqual(events.map((e) => e.uid).sort());
  });

  it("writes the recurring event with its RRULE in its zone: 09:00 local across the DST change", async () => {
    const { events } = readFeed((await getIcs(h)).body);
    const weekly = events.find((e) => e.uid === made.weekly.uid)!;
    expect(weekly.summary).toBe("Weekly planning");
    expect(weekly.isRecurring()).toBe(true);
    expect(weekly.startDate.zone?.tzid).toBe(NY);
    const iterator = weekly.iterator();
    const starts: string[] = [];
    for (let next = iterator.next(); next && starts.length < 10; next = iterator.next()) starts.push(next.toJSDate().toISOString());
    expect(starts).toEqual(["2027-03-01T14:00:00.000Z", "2027-03-08T14:00:00.000Z", "2027-03-15T13:00:00.000Z", "2027-03-22T13:00:00.000Z"]);
    expect(weekly.endDate.toJSDate().toISOString()).toBe("2027-03-01T15:00:00.000Z");
  });

  it("writes all-day events as DATE values with the exclusive end, and escapes text", async () => {
    const { events } = readFeed((await getIcs(h)).body);
    const offsite = events.find((e) => e.uid === made.allDay.uid)!;
    expect(offsite.startDate.isDate).toBe(true);
    expect(offsite.startDate.toString()).toBe("2027-03-10");
    expect(offsite.endDate.toString()).toBe("2027-03-12");
    const dinner = events.find((e) => e.uid === made.escaped.uid)!;
    expect(dinner.summary).toBe("Dinner, drinks; fun");
    expect(dinner.location).toBe("Bar \\ Grill");
    expect(dinner.description).toBe("line one\nline two");
  });

  it("applies the same filters as GET /events", async () => {
    const { events } = readFeed((await getIcs(h, "?q=dinner")).body);
    expect(events.map((e) => e.summary)).toEqual(["Dinner, drinks; fun"]);
    expectProblem(await getIcs(h, "?colour=red"), 400, "VALIDATION_FAILED");
  });
});

describe("POST /events/import", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const feed = (title: string) =>
    crlf(
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//test//import//EN",
      "BEGIN:VEVENT",
      "UID:standup-1@import.test",
      "DTSTAMP:20270101T000000Z",
      "DTSTART;TZID=America/New_York:20270301T090000",
      "DTEND;TZID=America/New_York:20270301T091500",
      "RRULE:FREQ=WEEKLY;BYDAY=MO",
      `SUMMARY:${title}`,
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:holiday-1@import.test",
      "DTSTAMP:20270101T000000Z",
      "DTSTART;VALUE=DATE:20270704",
      "DTEND;VALUE=DATE:20270705",
      "SUMMARY:Independence Day\\, observed",
      "END:VEVENT",
      "END:VCALENDAR",
    );

  it("creates the events of a text/calendar body (201)", async () => {
    const res = await importIcs(h, feed("Standup"));
    expect(res.statusCode, res.body).toBe(201);
    const body = json(res);
    expect(body).toMatchObject({ created: 2, updated: 0 });
    expect(await h.store.count()).toBe(2);
    const standup = await h.store.findByUid("standup-1@import.test");
    expect(standup).toMatchObject({ title: "Standup", start: "2027-03-01T09:00:00-05:00", recurrence: "FREQ=WEEKLY;BYDAY=MO", timezone: NY });
    expect(await h.store.findByUid("holiday-1@import.test")).toMatchObject({ title: "Independence Day, observed", allDay: true, start: "2027-07-04", end: "2027-07-05" });
  });

  it("re-importing the same body creates nothing new (updates by UID)", async () => {
    const res = await importIcs(h, feed("Standup"));
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ created: 0, updated: 2 });
    expect(await h.store.count()).toBe(2);
  });

  it("re-importing a changed event updates it in place", async () => {
    const before = await h.store.findByUid("standup-1@import.test");
    const res = await importIcs(h, feed("Standup (new room)"));
    expect(json(res)).toMatchObject({ created: 0, updated: 2 });
    const after = await h.store.findByUid("standup-1@import.test");
    expect(after).toMatchObject({ id: before!.id, title: "Standup (new room)" });
  });

  it("exports what it imported with the same UIDs", async () => {
    const { events } = readFeed((await getIcs(h)).body);
    expect(events.map((e) => e.uid).sort()).toEqual(["holiday-1@import.test", "standup-1@import.test"]);
  });

  it("refuses other content types with 415 UNSUPPORTED_MEDIA_TYPE and stores nothing", async () => {
    expectProblem(await importIcs(h, JSON.stringify({ calendar: feed("x") }), "application/json"), 415, "UNSUPPORTED_MEDIA_TYPE");
    expectProblem(await importIcs(h, "<calendar/>", "application/xml"), 415, "UNSUPPORTED_MEDIA_TYPE");
    expect(await h.store.count()).toBe(2);
  });

  it("refuses malformed iCalendar with 400 INVALID_ICALENDAR and stores nothing", async () => {
    expectProblem(await importIcs(h, crlf("BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART:garbage", "END:VCALENDAR")), 400, "INVALID_ICALENDAR");
    expect(await h.store.count()).toBe(2);
  });
});
