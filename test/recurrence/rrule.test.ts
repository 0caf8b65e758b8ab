// RRULE text parsing and canonical formatting for the RFC 5545 subset.
import { describe, expect, it } from "vitest";
import { formatRRule, parseRRule } from "../../src/core/recurrence/rrule.js";

describe("parseRRule", () => {
  it("reads FREQ and BYDAY with defaults for the rest", () => {
    expect(parseRRule("FREQ=WEEKLY;BYDAY=TU,TH")).toEqual({
      freq: "WEEKLY",
      interval: 1,
      count: null,
      until: null,
      byDay: [
        { weekday: 2, ordinal: null },
        { weekday: 4, ordinal: null },
      ],
      byMonthDay: [],
      byMonth: [],
      wkst: 1,
    });
  });

  it("reads BYDAY ordinals, including negative ones", () => {
    expect(parseRRule("FREQ=MONTHLY;BYDAY=-1TH")?.byDay).toEqual([{ weekday: 4, ordinal: -1 }]);
    expect(parseRRule("FREQ=MONTHLY;BYDAY=1SU")?.byDay).toEqual([{ weekday: 0, ordinal: 1 }]);
    expect(parseRRule("FREQ=YEARLY;BYDAY=+20MO")?.byDay).toEqual([{ weekday: 1, ordinal: 20 }]);
  });

  it("reads the three UNTIL forms", () => {
    expect(parseRRule("FREQ=DAILY;UNTIL=20261217")?.until).toEqual({ kind: "date", date: { y: 2026, m: 12, d: 17 } });
    expect(parseRRule("FREQ=DAILY;UNTIL=20261217T235959")?.until).toEqual({
      kind: "floating",
      date: { y: 2026, m: 12, d: 17 },
      time: { h: 23, mi: 59, s: 59 },
    });
    expect(parseRRule("FREQ=DAILY;UNTIL=20261218T045959Z")?.until?.kind).toBe("utc");
  });

  it("reads INTERVAL, COUNT, BYMONTH, negative BYMONTHDAY and WKST", () => {
    const rule = parseRRule("FREQ=MONTHLY;INTERVAL=2;COUNT=8;BYMONTH=1,6;BYMONTHDAY=-1,15;WKST=SU");
    expect(rule).toMatchObject({ interval: 2, count: 8, byMonth: [1, 6], byMonthDay: [-1, 15], wkst: 0 });
  });

  it("accepts an RRULE: prefix and lower case", () => {
    expect(parseRRule("rrule:freq=daily;count=3")).toMatchObject({ freq: "DAILY", count: 3 });
  });

  it.each([
    "",
    "BYDAY=MO",
    "FREQ=HOURLY",
    "FREQ=WEEKLY;BYDAY=XX",
    "FREQ=WEEKLY;BYDAY=1MO",
    "FREQ=MONTHLY;BYDAY=6MO",
    "FREQ=MONTHLY;BYDAY=0MO",
    "FREQ=WEEKLY;INTERVAL=0",
    "FREQ=WEEKLY;INTERVAL=-2",
    "FREQ=DAILY;COUNT=abc",
    "FREQ=DAILY;COUNT=5;UNTIL=20261217",
    "FREQ=DAILY;UNTIL=20260230",
    "FREQ=DAILY;UNTIL=2026-12-17",
    "FREQ=DAILY;UNTIL=20261217T250000",
    "FREQ=MONTHLY;BYMONTHDAY=32",
    "FREQ=MONTHLY;BYMONTHDAY=0",
    "FREQ=YEARLY;BYMONTH=13",
    "FREQ=WEEKLY;BYMONTHDAY=3",
    "FREQ=DAILY;FREQ=WEEKLY",
    "FREQ=DAILY;BYHOUR=9",
    "FREQ=DAILY;;COUNT=2",
    "FREQ=DAILY;COUNT=",
    "FREQ=DAILY;WKST=XY",
    "FREQ=WEEKLY;BYDAY=MO,",
  ])("returns null for malformed %j", (text) => {
    expect(parseRRule(text)).toBeNull();
  });
});

describe("formatRRule", () => {
  it("writes the canonical order and leaves INTERVAL=1 out", () => {
    const rule = parseRRule("UNTIL=20261217T235959;BYDAY=TU,TH;FREQ=WEEKLY;INTERVAL=1");
    expect(rule && formatRRule(rule)).toBe("FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261217T235959");
  });

  it("orders FREQ;INTERVAL;BYMONTH;BYMONTHDAY;BYDAY;COUNT", () => {
    const rule = parseRRule("COUNT=4;BYDAY=MO;BYMONTHDAY=-1;BYMONTH=6;INTERVAL=2;FREQ=YEARLY");
    expect(rule && formatRRule(rule)).toBe("FREQ=YEARLY;INTERVAL=2;BYMONTH=6;BYMONTHDAY=-1;BYDAY=MO;COUNT=4");
  });

  it("round-trips ordinals, UTC and date UNTIL, and a non-default WKST", () => {
    for (const text of ["FREQ=MONTHLY;BYDAY=-1TH", "FREQ=MONTHLY;BYDAY=1SU;UNTIL=20270101T050000Z", "FREQ=DAILY;UNTIL=20261217", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;WKST=SU"]) {
      const rule = parseRRule(text);
      expect(rule && formatRRule(rule)).toBe(text);
    }
  });
});
