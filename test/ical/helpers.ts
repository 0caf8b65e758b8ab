// Shared fixtures for the iCalendar tests: stored events, and ical.js as the independent parser.
import ICAL from "ical.js";
import type { StoredEvent } from "../../src/ports/eventStore.js";

/** The DTSTAMP every export test passes (the core never reads the clock). */
export const NOW = Date.UTC(2026, 0, 5, 12, 0, 0);

let counter = 0;

/** A stored event with everything optional filled in; `overrides` win. */
export function stored(overrides: Partial<StoredEvent> & Pick<StoredEvent, "start">): StoredEvent {
  counter += 1;
  return {
    id: `evt_${counter}`,
    uid: `uid-${counter}@calendar-api.test`,
    title: `Event ${counter}`,
    end: null,
    allDay: false,
    timezone: "America/New_York",
    recurrence: null,
    location: null,
    description: null,
    confidence: 1,
    components: {},
    exdates: [],
    createdAt: "2026-01-01T10:00:00.000Z",
    updatedAt: "2026-01-02T11:30:00.000Z",
    ...overrides,
  };
}

/**
 * Parses `text` with ical.js and registers its VTIMEZONEs (after clearing earlier ones), so TZID times
 * are read with the zones the export wrote, not anything ical.js knows by itself.
 */
export function parseWithIcalJs(text: string): { calendar: ICAL.Component; events: ICAL.Event[] } {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(vtimezone);
  // Parse again so DTSTART values pick up the registered zones.
  const reparsed = new ICAL.Component(ICAL.parse(text));
  return { calendar: reparsed, events: reparsed.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)) };
}

/** Epoch ms of an ical.js time (its zone applied). */
export const epochOf = (time: ICAL.Time): number => time.toUnixTime() * 1000;

/** The physical lines of an iCalendar stream (CRLF-separated, the final empty piece dropped). */
export function physicalLines(text: string): string[] {
  const lines = text.split("\r\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}
