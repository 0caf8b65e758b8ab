// Holiday names as dates: the next occurrence on or after the reference, with or without a time.
import { describe, expect, it } from "vitest";
import { expectComponent, only } from "./helpers.js";

const ZONE = "America/New_York";
// Tuesday 20 October 2026, 10:00 EDT. Thanksgiving 2026 is 26 November; Easter 2027 is 28 March.
const OCTOBER = { reference: "2026-10-20T10:00:00-04:00", timezone: ZONE };
// Monday 28 December 2026, 10:00 EST: this year's Thanksgiving and Christmas Eve are past.
const LATE_DECEMBER = { reference: "2026-12-28T10:00:00-05:00", timezone: ZONE };

describe("Thanksgiving", () => {
  it("reads 'on Thanksgiving at 5pm' as the fourth Thursday of November", () => {
    const text = "Family dinner on Thanksgiving at 5pm";
    const event = only(text, OCTOBER);
    expect(event).toMatchObject({ title: "Family dinner", start: "2026-11-26T17:00:00-05:00", allDay: false, end: null });
    expectComponent(text, event, "date", "Thanksgiving");
  });

  it("gives an all-day event for Thanksgiving alone", () => {
    expect(only("Visit Grandma on Thanksgiving", OCTOBER)).toMatchObject({ start: "2026-11-26", allDay: true });
  });

  it("moves to next year's once this year's has passed", () => {
    expect(only("Visit Grandma on Thanksgiving", LATE_DECEMBER).start).toBe("2027-11-25");
  });
});

describe("Christmas Eve and New Year's Eve", () => {
  it("reads 'Christmas Eve' as 24 December", () => {
    const event = only("Candlelight service on Christmas Eve at 11pm", OCTOBER);
    expect(event).toMatchObject({ title: "Candlelight service", start: "2026-12-24T23:00:00-05:00" });
  });

  it("reads next year's Christmas Eve after this year's has passed", () => {
    expect(only("Candlelight service on Christmas Eve at 11pm", LATE_DECEMBER).start).toBe("2027-12-24T23:00:00-05:00");
  });

  it("reads 'New Year's Eve' as 31 December, with an overnight range", () => {
    const event = only("Party on New Year's Eve 9pm-2am", OCTOBER);
    expect(event).toMatchObject({ start: "2026-12-31T21:00:00-05:00", end: "2027-01-01T02:00:00-05:00" });
  });

  it("reads New Year's Eve written days before it as this year's", () => {
    expect(only("Party on New Year's Eve at 9pm", LATE_DECEMBER).start).toBe("2026-12-31T21:00:00-05:00");
  });
});

describe("Easter", () => {
  it("reads 'Easter' as Easter Sunday of the coming spring (after the DST change)", () => {
    const text = "Brunch on Easter at 11am";
    const event = only(text, OCTOBER);
    expect(event).toMatchObject({ title: "Brunch", start: "2027-03-28T11:00:00-04:00" });
    expectComponent(text, event, "date", "Easter");
  });

  it("reads 'Easter Sunday' the same way", () => {
    expect(only("Egg hunt Easter Sunday", OCTOBER)).toMatchObject({ start: "2027-03-28", allDay: true, title: "Egg hunt" });
  });

  it("moves to the next year's Easter once it has passed", () => {
    const april2027 = { reference: "2027-04-05T10:00:00-04:00", timezone: ZONE };
    expect(only("Egg hunt Easter Sunday", april2027).start).toBe("2028-04-16");
  });
});

describe("Black Friday", () => {
  it("reads 'Black Friday' as the day after Thanksgiving", () => {
    const event = only("Shopping trip on Black Friday at 6am", OCTOBER);
    expect(event).toMatchObject({ title: "Shopping trip", start: "2026-11-27T06:00:00-05:00" });
  });

  it("reads next year's Black Friday after this year's", () => {
    expect(only("Shopping trip on Black Friday", LATE_DECEMBER)).toMatchObject({ start: "2027-11-26", allDay: true });
  });
});

describe("a holiday word with an explicit date", () => {
  it("keeps the holiday word in the title when a date is given", () => {
    const event = only("Christmas market Dec 20 noon-6pm on Main Street", OCTOBER);
    expect(event).toMatchObject({
      title: "Christmas market",
      start: "2026-12-20T12:00:00-05:00",
      end: "2026-12-20T18:00:00-05:00",
      location: "Main Street",
    });
  });
});
