// Export → import gives back the same events; export → ical.js → our import agree on every instant.
import { describe, expect, it } from "vitest";
import { exportCalendar } from "../../src/core/ical/export.js";
import { importCalendar } from "../../src/core/ical/import.js";
import type { StoredEvent } from "../../src/ports/eventStore.js";
import { parseIsoInstant } from "../../src/core/time/zone.js";
import { NOW, epochOf, parseWithIcalJs, stored } from "./helpers.js";

const EVENTS: StoredEvent[] = [
  stored({ title: "Standup", start: "2026-03-03T09:00:00-05:00", end: "2026-03-03T09:15:00-05:00", recurrence: "FREQ=WEEKLY;BYDAY=TU,TH", exdates: ["2026-03-10T09:00:00-04:00", "2026-03-12T09:00:00-04:00"], location: "Room 1, 2nd floor" }),
  stored({ title: "Retro; then drinks, maybe", start: "2026-10-20T17:30:00+02:00", end: "2026-10-20T19:00:00+02:00", timezone: "Europe/Berlin", description: "Agenda:\n1. What went well\n2. What didn't 🙃\\done", confidence: 0.62 }),
  stored({ title: "Offsite", start: "2026-06-10", end: "2026-06-13", allDay: true, timezone: "Europe/Berlin" }),
  stored({ title: "Trash day", start: "2026-01-05", end: "2026-01-06", allDay: true, timezone: "Asia/Tokyo", recurrence: "FREQ=WEEKLY;BYDAY=MO", exdates: ["2026-01-12"] }),
  stored({ title: "UTC sync", start: "2026-05-01T12:00:00+00:00", end: "2026-05-01T12:30:00+00:00", timezone: "UTC", recurrence: "FREQ=MONTHLY;BYMONTHDAY=1;COUNT=6" }),
  stored({ title: "Night shift handover", start: "2026-11-01T01:30:00-05:00", end: null }),
  stored({ title: "Diwali call", start: "2026-11-08T19:00:00+05:30", end: "2026-11-08T20:00:00+05:30", timezone: "Asia/Kolkata", recurrence: "FREQ=DAILY;UNTIL=20261112T133000Z" }),
  stored({ title: "Sydney planning", start: "2026-04-05T02:30:00+10:00", end: "2026-04-05T03:30:00+10:00", timezone: "Australia/Sydney" }),
];

/** The fields an import can give back, as the store would take them. */
function expected(event: StoredEvent) {
  return {
    title: event.title,
    start: event.start,
    end: event.end,
    allDay: event.allDay,
    timezone: event.timezone,
    recurrence: event.recurrence,
    location: event.location,
    description: event.description,
    confidence: event.confidence,
    uid: event.uid,
    exdates: event.exdates,
  };
}

describe("export → import round trip", () => {
  const text = exportCalendar(EVENTS, { now: NOW, calendarName: "Round trip" });

  it("gives back every event field for field, without warnings", () => {
    // A default zone no event uses: nothing may fall back to it.
    const { events, warnings } = importCalendar(text, { defaultTimezone: "Pacific/Honolulu" });
    expect(warnings).toEqual([]);
    expect(events).toEqual(EVENTS.map(expected));
  });

  it("agrees with ical.js on every start and end instant", () => {
    const parsed = parseWithIcalJs(text).events;
    const timed = EVENTS.map((e, i) => [e, parsed[i]] as const).filter(([e]) => !e.allDay);
    for (const [event, theirs] of timed) {
      expect(epochOf(theirs.startDate)).toBe(parseIsoInstant(event.start, "UTC"));
      if (event.end !== null) expect(epochOf(theirs.endDate)).toBe(parseIsoInstant(event.end, "UTC"));
    }
  });

  it("writes an all-day end of null as the next day, which reads back explicitly", () => {
    const oneDay = stored({ start: "2026-02-14", end: null, allDay: true, timezone: "Europe/Paris" });
    const [back] = importCalendar(exportCalendar([oneDay], { now: NOW }), { defaultTimezone: "UTC" }).events;
    expect(back).toMatchObject({ start: "2026-02-14", end: "2026-02-15", allDay: true, timezone: "Europe/Paris" });
  });

  it("reads back a floating UNTIL as the UTC instant the export wrote", () => {
    const event = stored({ start: "2026-03-03T09:00:00-05:00", recurrence: "FREQ=DAILY;UNTIL=20260310T090000" });
    const [back] = importCalendar(exportCalendar([event], { now: NOW }), { defaultTimezone: "UTC" }).events;
    expect(back.recurrence).toBe("FREQ=DAILY;UNTIL=20260310T130000Z");
  });
});
