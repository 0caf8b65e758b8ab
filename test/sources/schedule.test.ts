// eventSchedule → first occurrence and RRULE: frequencies, byDay forms, bounds, zones, exceptions, all-day series.
import { describe, expect, it } from "vitest";
import { type EventDates, type ScheduleDraft, scheduleTiming } from "../../src/sources/html/schedule.js";
import { readSchemaDate } from "../../src/sources/html/schemaDate.js";
import { NY } from "./helpers.js";

const schedule = (fields: Partial<ScheduleDraft>): ScheduleDraft => ({
  repeatFrequency: null, byDay: [], byMonthDay: [], byMonth: [], startDate: null, endDate: null, startTime: null, endTime: null,
  duration: null, repeatCount: null, exceptDates: [], scheduleTimezone: null, ...fields,
});
const noEvent: EventDates = { start: null, end: null, duration: null };

function read(fields: Partial<ScheduleDraft>, event: EventDates = noEvent) {
  const warnings: string[] = [];
  const timing = scheduleTiming(schedule(fields), event, NY, (m) => warnings.push(m));
  return { timing, warnings };
}

describe("scheduleTiming: weekly classes", () => {
  it("reads P1W with schema.org weekday URLs and plain names", () => {
    const { timing, warnings } = read({ repeatFrequency: "P1W", byDay: ["https://schema.org/Monday", "http://schema.org/Wednesday"], startTime: "18:00", endTime: "19:00" });
    expect(warnings).toEqual([]);
    // The reference is Monday 10:00: today's 18:00 class is the first occurrence.
    expect(timing).toEqual({ start: "2026-11-23T18:00:00-05:00", end: "2026-11-23T19:00:00-05:00", allDay: false, timezone: "America/New_York", recurrence: "FREQ=WEEKLY;BYDAY=MO,WE", exdates: [] });
  });

  it("moves past an occurrence earlier today than the reference", () => {
    const { timing } = read({ repeatFrequency: "P1W", byDay: ["Monday"], startTime: "07:00" });
    expect(timing).toMatchObject({ start: "2026-11-30T07:00:00-05:00", recurrence: "FREQ=WEEKLY;BYDAY=MO" });
  });

  it("takes an every-other-week rule from P2W and COUNT from repeatCount", () => {
    const { timing } = read({ repeatFrequency: "P2W", byDay: ["Thursday"], startDate: "2026-12-03", startTime: "7:30 PM", repeatCount: "5" });
    expect(timing).toMatchObject({ start: "2026-12-03T19:30:00-05:00", recurrence: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;COUNT=5" });
  });

  it("assumes weekly when byDay is given without repeatFrequency", () => {
    const { timing } = read({ byDay: ["Saturday"], startTime: "09:00" });
    expect(timing).toMatchObject({ start: "2026-11-28T09:00:00-05:00", recurrence: "FREQ=WEEKLY;BYDAY=SA" });
  });

  it("ends an overnight class on the next day", () => {
    const { timing } = read({ repeatFrequency: "P1W", byDay: ["Friday"], startTime: "21:00", endTime: "01:00" });
    expect(timing).toMatchObject({ start: "2026-11-27T21:00:00-05:00", end: "2026-11-28T01:00:00-05:00" });
  });

  it("takes the time and the first day from the event's own startDate when the schedule has none", () => {
    const event = { start: readSchemaDate("2026-12-08T18:00:00-05:00"), end: readSchemaDate("2026-12-08T19:15:00-05:00"), duration: null };
    const { timing } = read({ repeatFrequency: "P1W" }, event);
    expect(timing).toMatchObject({ start: "2026-12-08T18:00:00-05:00", end: "2026-12-08T19:15:00-05:00", recurrence: "FREQ=WEEKLY" });
  });

  it("bounds the series by a later event endDate (a term of classes)", () => {
    const event = { start: readSchemaDate("2026-12-01"), end: readSchemaDate("2027-03-02"), duration: null };
    const { timing } = read({ repeatFrequency: "P1W", byDay: ["Tuesday"], startTime: "18:00" }, event);
    expect(timing).toMatchObject({ start: "2026-12-01T18:00:00-05:00", end: null, recurrence: "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270302T235959" });
  });
});

describe("scheduleTiming: other frequencies", () => {
  it("reads a monthly rule by day of the month", () => {
    const { timing } = read({ repeatFrequency: "P1M", byMonthDay: ["15"], startDate: "2026-12-01", startTime: "12:00", duration: "PT1H" });
    expect(timing).toMatchObject({ start: "2026-12-15T12:00:00-05:00", end: "2026-12-15T13:00:00-05:00", recurrence: "FREQ=MONTHLY;BYMONTHDAY=15" });
  });

  it("reads an all-day daily series with UNTIL as a date and exdates as dates", () => {
    const { timing } = read({ repeatFrequency: "daily", startDate: "2026-12-26", endDate: "2026-12-31", exceptDates: ["2026-12-28"] });
    expect(timing).toEqual({ start: "2026-12-26", end: null, allDay: true, timezone: "America/New_York", recurrence: "FREQ=DAILY;UNTIL=20261231", exdates: ["2026-12-28"] });
  });

  it("reads a yearly rule limited to a month", () => {
    const { timing } = read({ repeatFrequency: "P1Y", byMonth: ["7"], byMonthDay: ["4"], startTime: "21:00" });
    expect(timing).toMatchObject({ start: "2027-07-04T21:00:00-04:00", recurrence: "FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=4" });
  });
});

describe("scheduleTiming: what it refuses or corrects", () => {
  it("refuses an hourly frequency", () => {
    expect(read({ repeatFrequency: "PT1H", startTime: "10:00" }).timing).toBe('repeatFrequency "PT1H" is not a supported repeat');
  });

  it("lets endDate win over repeatCount, with a warning", () => {
    const { timing, warnings } = read({ repeatFrequency: "P1W", byDay: ["Tuesday"], startTime: "18:00", repeatCount: "10", endDate: "2027-01-26" });
    expect(timing).toMatchObject({ recurrence: "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270126T235959" });
    expect(warnings).toEqual(["repeatCount and endDate are both given; endDate bounds the series"]);
  });

  it("ignores an unknown weekday and an unknown zone, with warnings", () => {
    const { timing, warnings } = read({ repeatFrequency: "P1W", byDay: ["Tuesday", "Funday"], startTime: "18:00", scheduleTimezone: "Eastern" });
    expect(timing).toMatchObject({ timezone: "America/New_York", recurrence: "FREQ=WEEKLY;BYDAY=TU" });
    expect(warnings).toEqual(['byDay "Funday" is not a weekday and is ignored', 'scheduleTimezone "Eastern" is not an IANA zone; America/New_York is used']);
  });

  it("reports a schedule that ends before its first matching day", () => {
    expect(read({ repeatFrequency: "P1W", byDay: ["Sunday"], startDate: "2026-12-01", endDate: "2026-12-05" }).timing).toBe("the schedule has no occurrence");
  });
});
