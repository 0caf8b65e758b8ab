// Expansion of RRULEs into wall-clock occurrences: BYxxx rules, COUNT/UNTIL bounds, DST, windows.
import { describe, expect, it } from "vitest";
import { type ExpandOptions, type Occurrence, type RecurrenceStart, expandRRule } from "../../src/core/recurrence/expand.js";
import { parseRRule } from "../../src/core/recurrence/rrule.js";
import { formatDate, formatTime } from "../../src/core/time/civil.js";
import { formatInstant, parseIsoInstant } from "../../src/core/time/zone.js";

const NY = "America/New_York";

function rule(text: string) {
  const parsed = parseRRule(text);
  if (!parsed) throw new Error(`bad rule in test: ${text}`);
  return parsed;
}

function start(date: string, time: string | null): RecurrenceStart {
  const [y, m, d] = date.split("-").map(Number);
  if (time === null) return { date: { y, m, d }, time: null };
  const [h, mi] = time.split(":").map(Number);
  return { date: { y, m, d }, time: { h, mi, s: 0 } };
}

function expand(text: string, from: RecurrenceStart, options: Partial<ExpandOptions> = {}): Occurrence[] {
  return [...expandRRule(rule(text), from, { zone: NY, limit: 50, ...options })];
}

const dates = (occurrences: Occurrence[]): string[] => occurrences.map((o) => formatDate(o.date));
const instants = (occurrences: Occurrence[], zone = NY): string[] => occurrences.map((o) => formatInstant(o.instant as number, zone));

describe("expandRRule", () => {
  it("MONTHLY;BYDAY=-1TH gives the last Thursday of each month", () => {
    const got = expand("FREQ=MONTHLY;BYDAY=-1TH", start("2026-11-26", "16:00"), { limit: 5 });
    expect(dates(got)).toEqual(["2026-11-26", "2026-12-31", "2027-01-28", "2027-02-25", "2027-03-25"]);
  });

  it("MONTHLY;BYDAY=1SU gives the first Sunday of each month", () => {
    const got = expand("FREQ=MONTHLY;BYDAY=1SU", start("2026-12-06", "14:00"), { limit: 3 });
    expect(dates(got)).toEqual(["2026-12-06", "2027-01-03", "2027-02-07"]);
  });

  it("WEEKLY;BYDAY=TU,TH with a floating UNTIL ends on the UNTIL day, inclusive", () => {
    const got = expand("FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261217T235959", start("2026-11-24", "18:00"));
    expect(dates(got)).toEqual(["2026-11-24", "2026-11-26", "2026-12-01", "2026-12-03", "2026-12-08", "2026-12-10", "2026-12-15", "2026-12-17"]);
    expect(got.every((o) => o.time && formatTime(o.time) === "18:00:00")).toBe(true);
  });

  it("a Z UNTIL is compared as an instant", () => {
    // 23:00Z on Dec 17 is 18:00 in New York: the Dec 17 occurrence is exactly at UNTIL and included.
    const at = expand("FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261217T230000Z", start("2026-11-24", "18:00"));
    expect(dates(at).at(-1)).toBe("2026-12-17");
    const before = expand("FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261217T225959Z", start("2026-11-24", "18:00"));
    expect(dates(before).at(-1)).toBe("2026-12-15");
  });

  it("a date UNTIL includes that whole day", () => {
    expect(dates(expand("FREQ=DAILY;UNTIL=20261203", start("2026-12-01", "23:30")))).toEqual(["2026-12-01", "2026-12-02", "2026-12-03"]);
  });

  it("a weekly 9am event stays 09:00 local across the March 2027 US DST change", () => {
    const got = expand("FREQ=WEEKLY;BYDAY=MO", start("2027-03-01", "09:00"), { limit: 4 });
    expect(instants(got)).toEqual(["2027-03-01T09:00:00-05:00", "2027-03-08T09:00:00-05:00", "2027-03-15T09:00:00-04:00", "2027-03-22T09:00:00-04:00"]);
    expect(got[2].instant).toBe(Date.parse("2027-03-15T13:00:00Z"));
  });

  it("a wall time inside the spring-forward gap keeps its wall-clock value and moves its instant forward", () => {
    const got = expand("FREQ=DAILY", start("2027-03-13", "02:30"), { limit: 3 });
    expect(got.map((o) => o.time && formatTime(o.time))).toEqual(["02:30:00", "02:30:00", "02:30:00"]);
    expect(instants(got)[1]).toBe("2027-03-14T03:30:00-04:00");
  });

  it("COUNT counts DTSTART as the first occurrence", () => {
    const got = expand("FREQ=WEEKLY;BYDAY=SA;COUNT=8", start("2026-11-28", "10:00"));
    expect(got).toHaveLength(8);
    expect(dates(got)[0]).toBe("2026-11-28");
    expect(dates(got)[7]).toBe("2027-01-16");
  });

  it("DTSTART not matching the rule is still the first occurrence and is counted", () => {
    const got = expand("FREQ=WEEKLY;BYDAY=MO;COUNT=3", start("2026-11-22", "09:00"));
    expect(dates(got)).toEqual(["2026-11-22", "2026-11-23", "2026-11-30"]);
  });

  it("INTERVAL=2 repeats every other week", () => {
    const got = expand("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", start("2026-12-03", "19:00"), { limit: 4 });
    expect(dates(got)).toEqual(["2026-12-03", "2026-12-17", "2026-12-31", "2027-01-14"]);
  });

  it("WKST decides which weeks an INTERVAL=2 rule skips", () => {
    // RFC 5545 §3.3.10 example: starting Tue 1997-08-05, WKST=MO gives Aug 5,10,19,24; WKST=SU gives Aug 5,17,19,31.
    expect(dates(expand("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", start("1997-08-05", "09:00")))).toEqual(["1997-08-05", "1997-08-10", "1997-08-19", "1997-08-24"]);
    expect(dates(expand("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", start("1997-08-05", "09:00")))).toEqual(["1997-08-05", "1997-08-17", "1997-08-19", "1997-08-31"]);
  });

  it("BYMONTHDAY=31 skips months without a 31st", () => {
    const got = expand("FREQ=MONTHLY;BYMONTHDAY=31", start("2027-01-31", "12:00"), { limit: 7 });
    expect(dates(got)).toEqual(["2027-01-31", "2027-03-31", "2027-05-31", "2027-07-31", "2027-08-31", "2027-10-31", "2027-12-31"]);
  });

  it("BYMONTHDAY=-1 is the last day of each month", () => {
    const got = expand("FREQ=MONTHLY;BYMONTHDAY=-1", start("2027-01-31", null), { limit: 3 });
    expect(dates(got)).toEqual(["2027-01-31", "2027-02-28", "2027-03-31"]);
  });

  it("YEARLY;BYMONTH=6;BYMONTHDAY=14 repeats every June 14 (all-day)", () => {
    const got = expand("FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=14", start("2027-06-14", null), { limit: 3 });
    expect(dates(got)).toEqual(["2027-06-14", "2028-06-14", "2029-06-14"]);
    expect(got.every((o) => o.time === null && o.instant === null)).toBe(true);
  });

  it("YEARLY from Feb 29 only falls on leap years", () => {
    expect(dates(expand("FREQ=YEARLY", start("2028-02-29", null), { limit: 2 }))).toEqual(["2028-02-29", "2032-02-29"]);
  });

  it("WEEKLY on weekdays yields five days a week", () => {
    const got = expand("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", start("2026-11-24", "09:30"), { limit: 6 });
    expect(dates(got)).toEqual(["2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-30", "2026-12-01"]);
  });

  it("DAILY with INTERVAL and BYDAY limits", () => {
    expect(dates(expand("FREQ=DAILY;INTERVAL=3;COUNT=3", start("2026-12-30", "08:00")))).toEqual(["2026-12-30", "2027-01-02", "2027-01-05"]);
    expect(dates(expand("FREQ=DAILY;BYDAY=SA,SU;COUNT=3", start("2026-11-28", "08:00")))).toEqual(["2026-11-28", "2026-11-29", "2026-12-05"]);
  });

  it("YEARLY;BYDAY with an ordinal counts within the month when BYMONTH is given", () => {
    // US Thanksgiving: fourth Thursday of November.
    expect(dates(expand("FREQ=YEARLY;BYMONTH=11;BYDAY=4TH", start("2026-11-26", null), { limit: 3 }))).toEqual(["2026-11-26", "2027-11-25", "2028-11-23"]);
  });

  it("stops at `limit`", () => {
    expect(expand("FREQ=DAILY", start("2026-11-24", "09:00"), { limit: 2 })).toHaveLength(2);
    expect(expand("FREQ=DAILY", start("2026-11-24", "09:00"), { limit: 0 })).toHaveLength(0);
  });

  it("a rule that can never match again terminates after DTSTART", () => {
    expect(dates(expand("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", start("2027-01-01", null)))).toEqual(["2027-01-01"]);
    expect(dates(expand("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", start("2027-01-01", null)))).toEqual(["2027-01-01"]);
  });
});

describe("expandRRule within a window", () => {
  const window = (fromIso: string, toIso: string) => ({ from: parseIsoInstant(fromIso, NY) as number, to: parseIsoInstant(toIso, NY) as number });

  it("returns only occurrences starting in [from, to)", () => {
    const got = expand("FREQ=DAILY", start("2026-11-24", "09:00"), window("2026-12-01T09:00:00-05:00", "2026-12-04T09:00:00-05:00"));
    expect(dates(got)).toEqual(["2026-12-01", "2026-12-02", "2026-12-03"]);
  });

  it("skips ahead to a window far in the future", () => {
    const began = performance.now();
    const daily = expand("FREQ=DAILY", start("2026-11-24", "09:00"), window("2500-01-01T00:00:00Z", "2500-01-04T00:00:00Z"));
    expect(dates(daily)).toEqual(["2500-01-01", "2500-01-02", "2500-01-03"]);
    const weekly = expand("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", start("2026-12-03", "19:00"), window("2400-01-01T00:00:00Z", "2400-02-01T00:00:00Z"));
    expect(weekly).toHaveLength(2);
    expect(performance.now() - began).toBeLessThan(200);
  });

  it.each([
    "FREQ=DAILY;INTERVAL=3",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH",
    "FREQ=WEEKLY;INTERVAL=3;BYDAY=SU,MO;WKST=SU",
    "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR",
    "FREQ=MONTHLY;BYMONTHDAY=31",
    "FREQ=YEARLY;INTERVAL=2;BYMONTH=3;BYMONTHDAY=14",
    "FREQ=WEEKLY;BYDAY=MO;UNTIL=20290101T000000Z",
  ])("gives the same occurrences as a full expansion for %s", (text) => {
    const from = start("2026-11-24", "09:00");
    const full = expand(text, from, { limit: 1000 });
    const w = window("2027-06-10T00:00:00Z", "2029-06-01T00:00:00Z");
    const expected = full.filter((o) => (o.instant as number) >= w.from && (o.instant as number) < w.to);
    expect(expected.length).toBeGreaterThan(0);
    expect(dates(expand(text, from, { ...w, limit: 400 }))).toEqual(dates(expected));
  });

  it("COUNT still counts occurrences before the window", () => {
    const got = expand("FREQ=DAILY;COUNT=10", start("2026-12-01", "09:00"), window("2026-12-08T00:00:00Z", "2027-01-01T00:00:00Z"));
    expect(dates(got)).toEqual(["2026-12-08", "2026-12-09", "2026-12-10"]);
  });
});
