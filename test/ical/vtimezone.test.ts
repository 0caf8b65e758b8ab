// VTIMEZONE generated from Intl: transitions found to the minute, yearly rules, and ical.js agreeing on every offset.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { zoneTransitions, zoneAbbreviation } from "../../src/core/ical/transitions.js";
import { buildVTimezone } from "../../src/core/ical/vtimezone.js";
import { serializeLines } from "../../src/core/ical/contentLine.js";
import { type CivilDate, type WallTime, formatDate, formatTime, MS_PER_DAY } from "../../src/core/time/civil.js";
import { epochToZoned, offsetAt, zonedToEpoch } from "../../src/core/time/zone.js";

/** Our VTIMEZONE for `zone` over the years, registered with ical.js and returned as its Timezone. */
function icalZone(zone: string, fromYear: number, toYear: number): ICAL.Timezone {
  const text = serializeLines(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", ...buildVTimezone(zone, { fromYear, toYear }), "END:VCALENDAR"]);
  ICAL.TimezoneService.reset();
  const vtimezone = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vtimezone") as ICAL.Component;
  ICAL.TimezoneService.register(vtimezone);
  return ICAL.TimezoneService.get(zone) as ICAL.Timezone;
}

/**
 * The instant ical.js reads for the wall-clock time `epochMs` has in `zone` (as a DTSTART;TZID value),
 * or null when it equals the instant our zone arithmetic reads. ical.js's own UTC→local conversion looks
 * offsets up by UTC time and is off near transitions, so this checks the direction iCalendar uses.
 */
function mismatch(epochMs: number, zone: string, tz: ICAL.Timezone): string | null {
  const { date, time } = epochToZoned(epochMs, zone);
  if (isAmbiguous(date, time, zone)) return null;
  const t = new ICAL.Time({ year: date.y, month: date.m, day: date.d, hour: time.h, minute: time.mi, second: time.s, isDate: false }, tz);
  const theirs = t.toUnixTime() * 1000;
  const ours = zonedToEpoch(date, time, zone);
  return theirs === ours ? null : `${formatDate(date)} ${formatTime(time)}: ical.js ${new Date(theirs).toISOString()}, ours ${new Date(ours).toISOString()}`;
}

/**
 * True for a wall-clock time a fall-back repeats. RFC 5545 reads it as the first instant, ical.js as the
 * second, so the export writes such times in UTC and the comparison leaves them out.
 */
function isAmbiguous(date: CivilDate, time: WallTime, zone: string): boolean {
  const local = Date.UTC(date.y, date.m - 1, date.d, time.h, time.mi, time.s);
  const readings = new Set([offsetAt(local - MS_PER_DAY, zone), offsetAt(local + MS_PER_DAY, zone)]);
  return readings.size === 2 && [...readings].every((o) => offsetAt(local - o * 60_000, zone) === o);
}

/** The instant ical.js reads for a wall-clock `YYYY-MM-DDTHH:MM:SS` in `tz`, as ISO UTC. */
function icalInstant(wall: string, tz: ICAL.Timezone): string {
  const t = ICAL.Time.fromDateTimeString(wall);
  return new Date(new ICAL.Time({ year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second, isDate: false }, tz).toUnixTime() * 1000).toISOString();
}

/** Every 2 days across the years, plus a minute and an hour either side of every transition. */
function samples(zone: string, fromYear: number, toYear: number): number[] {
  const from = Date.UTC(fromYear, 0, 1);
  const to = Date.UTC(toYear + 1, 0, 1);
  const out: number[] = [];
  // From the second day: the span starts at local midnight, which is after 00:00 UTC west of Greenwich.
  for (let t = from + MS_PER_DAY; t < to; t += 2 * MS_PER_DAY + 3_600_000) out.push(t);
  for (const tr of zoneTransitions(zone, from, to)) out.push(tr.at - 3_600_000, tr.at - 60_000, tr.at, tr.at + 60_000, tr.at + 3_600_000);
  return out;
}

describe("zoneTransitions", () => {
  it("finds America/New_York's 2026 changes to the minute and marks the spring one daylight", () => {
    const got = zoneTransitions("America/New_York", Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    expect(got).toEqual([
      { at: Date.UTC(2026, 2, 8, 7), from: -300, to: -240, daylight: true },
      { at: Date.UTC(2026, 10, 1, 6), from: -240, to: -300, daylight: false },
    ]);
  });

  it("finds Europe/Berlin's 2026 changes at 01:00 UTC on the last Sundays of March and October", () => {
    const got = zoneTransitions("Europe/Berlin", Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    expect(got.map((t) => [new Date(t.at).toISOString(), t.from, t.to, t.daylight])).toEqual([
      ["2026-03-29T01:00:00.000Z", 60, 120, true],
      ["2026-10-25T01:00:00.000Z", 120, 60, false],
    ]);
  });

  it("marks the southern summer daylight too (Australia/Sydney, October onset)", () => {
    const got = zoneTransitions("Australia/Sydney", Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    expect(got.map((t) => [t.from, t.to, t.daylight])).toEqual([
      [660, 600, false],
      [600, 660, true],
    ]);
  });

  it("finds none in a zone without DST", () => {
    expect(zoneTransitions("Asia/Kolkata", Date.UTC(2020, 0, 1), Date.UTC(2027, 0, 1))).toEqual([]);
  });
});

describe("zoneAbbreviation", () => {
  it("takes abbreviations from the locale that has them and gives null when there is none", () => {
    expect(zoneAbbreviation("America/New_York", Date.UTC(2026, 0, 15))).toBe("EST");
    expect(zoneAbbreviation("Europe/Berlin", Date.UTC(2026, 6, 15))).toBe("CEST");
    expect(zoneAbbreviation("Europe/London", Date.UTC(2026, 6, 15))).toBe("BST");
    expect(zoneAbbreviation("Asia/Kolkata", Date.UTC(2026, 6, 15))).toBe("IST");
    expect(zoneAbbreviation("Asia/Tokyo", Date.UTC(2026, 6, 15))).toBeNull();
  });
});

describe("buildVTimezone", () => {
  it("writes America/New_York as its offset at the start, then two open-ended yearly rules (2nd Sunday of March, 1st of November)", () => {
    const lines = buildVTimezone("America/New_York", { fromYear: 2025, toYear: 2027 });
    expect(lines).toEqual([
      "BEGIN:VTIMEZONE",
      "TZID:America/New_York",
      "X-LIC-LOCATION:America/New_York",
      "BEGIN:STANDARD",
      "DTSTART:20250101T000000",
      "TZOFFSETFROM:-0500",
      "TZOFFSETTO:-0500",
      "TZNAME:EST",
      "END:STANDARD",
      "BEGIN:DAYLIGHT",
      "DTSTART:20250309T020000",
      "TZOFFSETFROM:-0500",
      "TZOFFSETTO:-0400",
      "TZNAME:EDT",
      "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
      "END:DAYLIGHT",
      "BEGIN:STANDARD",
      "DTSTART:20251102T020000",
      "TZOFFSETFROM:-0400",
      "TZOFFSETTO:-0500",
      "TZNAME:EST",
      "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
      "END:STANDARD",
      "END:VTIMEZONE",
    ]);
  });

  it("writes Europe/Berlin with last-Sunday rules and its local onset times", () => {
    const lines = buildVTimezone("Europe/Berlin", { fromYear: 2024, toYear: 2030 });
    expect(lines).toContain("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
    expect(lines).toContain("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
    expect(lines).toContain("DTSTART:20240331T020000");
    expect(lines).toContain("DTSTART:20241027T030000");
    expect(lines.filter((l) => l.startsWith("BEGIN:DAYLIGHT"))).toHaveLength(1);
  });

  it("writes a zone without DST as one STANDARD observance", () => {
    const lines = buildVTimezone("Asia/Kolkata", { fromYear: 2025, toYear: 2027 });
    expect(lines.slice(3)).toEqual(["BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0530", "TZOFFSETTO:+0530", "TZNAME:IST", "END:STANDARD", "END:VTIMEZONE"]);
  });

  it("closes rules that stopped with UNTIL: America/Sao_Paulo dropped DST in 2019", () => {
    const lines = buildVTimezone("America/Sao_Paulo", { fromYear: 2015, toYear: 2021 });
    const rules = lines.filter((l) => l.startsWith("RRULE:"));
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every((r) => r.includes(";UNTIL="))).toBe(true);
  });
});

describe("ical.js reads our VTIMEZONEs with the offsets Intl has", () => {
  it.each([
    ["America/New_York", 2025, 2027],
    ["Europe/Berlin", 2025, 2027],
    ["Australia/Sydney", 2025, 2027],
    ["Australia/Lord_Howe", 2025, 2027],
    ["Pacific/Auckland", 2025, 2027],
    ["Europe/London", 2025, 2027],
    ["America/Santiago", 2023, 2026],
    ["America/Sao_Paulo", 2016, 2021],
    ["Africa/Casablanca", 2024, 2026],
    ["Asia/Kolkata", 2025, 2027],
  ])("%s over %i–%i", (zone, fromYear, toYear) => {
    const tz = icalZone(zone, fromYear, toYear);
    expect(samples(zone, fromYear, toYear).map((t) => mismatch(t, zone, tz)).filter((m) => m !== null)).toEqual([]);
  });

  it("keeps the open-ended rules applying years after the span (New York, 2031)", () => {
    const tz = icalZone("America/New_York", 2025, 2027);
    expect(icalInstant("2031-03-09T01:59:00", tz)).toBe("2031-03-09T06:59:00.000Z");
    expect(icalInstant("2031-03-09T03:00:00", tz)).toBe("2031-03-09T07:00:00.000Z");
    expect(icalInstant("2031-07-01T12:00:00", tz)).toBe("2031-07-01T16:00:00.000Z");
    expect(icalInstant("2031-11-02T02:00:00", tz)).toBe("2031-11-02T07:00:00.000Z");
  });

  it("reads New York and Berlin wall-clock times around their 2026 changes as the right instants", () => {
    const ny = icalZone("America/New_York", 2025, 2027);
    expect(icalInstant("2026-03-08T01:59:00", ny)).toBe("2026-03-08T06:59:00.000Z");
    expect(icalInstant("2026-03-08T03:00:00", ny)).toBe("2026-03-08T07:00:00.000Z");
    expect(icalInstant("2026-11-01T00:59:00", ny)).toBe("2026-11-01T04:59:00.000Z");
    expect(icalInstant("2026-11-01T02:00:00", ny)).toBe("2026-11-01T07:00:00.000Z");
    const berlin = icalZone("Europe/Berlin", 2025, 2027);
    expect(icalInstant("2026-03-29T01:59:00", berlin)).toBe("2026-03-29T00:59:00.000Z");
    expect(icalInstant("2026-03-29T03:00:00", berlin)).toBe("2026-03-29T01:00:00.000Z");
    expect(icalInstant("2026-10-25T01:59:00", berlin)).toBe("2026-10-24T23:59:00.000Z");
    expect(icalInstant("2026-10-25T03:00:00", berlin)).toBe("2026-10-25T02:00:00.000Z");
  });

  it("reads times before the first transition of the span with the offset then in force", () => {
    const tz = icalZone("America/New_York", 2025, 2027);
    expect(icalInstant("2025-01-10T09:00:00", tz)).toBe("2025-01-10T14:00:00.000Z");
  });
});
