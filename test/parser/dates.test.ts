// Calendar dates as written: month names and abbreviations, US numeric, ISO, ordinals, weekday + date,
// day-month order, and the forward-looking rule for dates without a year (year rollover).
import { describe, expect, it } from "vitest";
import { expectComponent, only } from "./helpers.js";

// Wednesday 10 February 2027, 09:00 in New York (EST, -05:00; DST starts 14 March 2027).
const NY = { reference: "2027-02-10T09:00:00-05:00", timezone: "America/New_York" };

describe("month names", () => {
  it("reads a full month name with a day as that day this year", () => {
    const text = "Tax appointment April 20 at 3pm";
    const event = only(text, NY);
    expect(event.start).toBe("2027-04-20T15:00:00-04:00");
    expect(event.allDay).toBe(false);
    expect(event.end).toBeNull();
    expect(event.title).toBe("Tax appointment");
    expectComponent(text, event, "date", "April 20");
    expectComponent(text, event, "time", "3pm");
  });

  it("reads three-letter and dotted abbreviations", () => {
    expect(only("Dentist Mar 3 at 10am", NY).start).toBe("2027-03-03T10:00:00-05:00");
    expect(only("Team offsite Sept. 14 at 11am", NY).start).toBe("2027-09-14T11:00:00-04:00");
    expect(only("Recital Jun 5 at 6pm", NY).start).toBe("2027-06-05T18:00:00-04:00");
  });

  it("ignores the case of month names", () => {
    expect(only("GALA MARCH 6 AT 7PM", NY).start).toBe("2027-03-06T19:00:00-05:00");
  });

  it("gives an all-day event for a date without a time", () => {
    const text = "Mom's birthday on March 5";
    const event = only(text, NY);
    expect(event).toMatchObject({ start: "2027-03-05", end: null, allDay: true, title: "Mom's birthday", recurrence: null });
    expect(event.timezone).toBe("America/New_York");
    expectComponent(text, event, "date", "March 5");
  });

  it("takes an explicit year", () => {
    const event = only("Graduation May 21, 2027 at 10am", NY);
    expect(event.start).toBe("2027-05-21T10:00:00-04:00");
  });
});

describe("US numeric dates", () => {
  it("reads M/D as month then day", () => {
    const text = "Vet appointment 3/8 at 10am";
    const event = only(text, NY);
    expect(event.start).toBe("2027-03-08T10:00:00-05:00");
    expect(event.title).toBe("Vet appointment");
    expectComponent(text, event, "date", "3/8");
  });

  it("reads M/D/YYYY with the year", () => {
    expect(only("Closing 4/2/2027 at 11am", NY).start).toBe("2027-04-02T11:00:00-04:00");
  });

  it("gives an all-day event for M/D alone", () => {
    expect(only("Library books due 2/26", NY)).toMatchObject({ start: "2027-02-26", allDay: true, end: null });
  });
});

describe("ISO dates", () => {
  it("reads YYYY-MM-DD with a 24-hour time", () => {
    const text = "Release review 2027-03-09 14:00";
    const event = only(text, NY);
    expect(event.start).toBe("2027-03-09T14:00:00-05:00");
    expect(event.title).toBe("Release review");
    expectComponent(text, event, "date", "2027-03-09");
  });

  it("reads YYYY-MM-DD alone as all-day", () => {
    expect(only("Audit 2027-06-30", NY)).toMatchObject({ start: "2027-06-30", allDay: true });
  });
});

describe("ordinals", () => {
  it("reads a month with an ordinal day", () => {
    expect(only("Book fair March 21st", NY)).toMatchObject({ start: "2027-03-21", allDay: true, title: "Book fair" });
    expect(only("Orientation 9 a.m. March 2nd", NY).start).toBe("2027-03-02T09:00:00-05:00");
  });

  it("reads 'the 12th' written on the 10th as this month's 12th", () => {
    const text = "Book launch on the 12th at 6pm";
    const event = only(text, NY);
    expect(event.start).toBe("2027-02-12T18:00:00-05:00");
    expectComponent(text, event, "date", "the 12th");
  });

  it("reads 'the 5th' written on the 10th as next month's 5th", () => {
    expect(only("Book launch on the 5th at 6pm", NY).start).toBe("2027-03-05T18:00:00-05:00");
  });
});

describe("weekday with a date", () => {
  it("reads 'Thursday, March 4' as the date (which is a Thursday)", () => {
    const text = "Parent-teacher conference Thursday, March 4 at 7pm";
    const event = only(text, NY);
    expect(event.start).toBe("2027-03-04T19:00:00-05:00");
    expect(event.title).toBe("Parent-teacher conference");
  });

  it("reads 'Saturday the 13th' as the 13th of this month", () => {
    expect(only("Garage sale Saturday the 13th 8am-noon", NY)).toMatchObject({
      start: "2027-02-13T08:00:00-05:00",
      end: "2027-02-13T12:00:00-05:00",
    });
  });

  it("reads 'Mon 2/15' as the date", () => {
    expect(only("Review Mon 2/15 at 4pm", NY).start).toBe("2027-02-15T16:00:00-05:00");
  });
});

describe("year rollover", () => {
  it("reads a month and day already past this year as next year's", () => {
    expect(only("Flight to Denver Jan 15 at 6:45am", NY).start).toBe("2028-01-15T06:45:00-05:00");
    expect(only("Ski trip Feb 3", NY)).toMatchObject({ start: "2028-02-03", allDay: true });
  });

  it("reads today's month and day as today", () => {
    expect(only("Renew passport Feb 10", NY)).toMatchObject({ start: "2027-02-10", allDay: true });
  });

  it("reads a past M/D as next year's", () => {
    expect(only("Dentist 1/20 at 9am", NY).start).toBe("2028-01-20T09:00:00-05:00");
  });
});

describe("day-month order", () => {
  it("reads '12 March' and '3rd of April'", () => {
    expect(only("Workshop 12 March at 10am", NY).start).toBe("2027-03-12T10:00:00-05:00");
    expect(only("Picnic 3rd of April", NY)).toMatchObject({ start: "2027-04-03", allDay: true, title: "Picnic" });
  });

  it("reads a day-month date with a year", () => {
    const text = "Valentine's dinner 14 Feb 2027 at 7pm";
    const event = only(text, NY);
    expect(event.start).toBe("2027-02-14T19:00:00-05:00");
    expectComponent(text, event, "date", "14 Feb 2027");
  });
});
