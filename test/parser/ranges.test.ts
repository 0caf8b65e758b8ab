// Time and date ranges: shared and guessed meridiems, overnight ends, ranges across days, multi-day
// all-day events with an exclusive end, and the dash forms (-, –, —, "to").
import { describe, expect, it } from "vitest";
import { expectComponent, only } from "./helpers.js";

// Wednesday 10 February 2027, 09:00 in New York (-05:00).
// Thursday 11, Friday 12, Saturday 13, Sunday 14 February.
const NY = { reference: "2027-02-10T09:00:00-05:00", timezone: "America/New_York" };

describe("time ranges in a day", () => {
  it("gives a bare start the end's meridiem ('2-4pm')", () => {
    const text = "Workshop Thursday 2-4pm";
    const event = only(text, NY);
    expect(event).toMatchObject({ start: "2027-02-11T14:00:00-05:00", end: "2027-02-11T16:00:00-05:00", title: "Workshop" });
    expectComponent(text, event, "time", "2-4pm");
  });

  it("gives a bare start the end's am ('10-11am')", () => {
    expect(only("Meeting Thursday 10-11am", NY)).toMatchObject({
      start: "2027-02-11T10:00:00-05:00",
      end: "2027-02-11T11:00:00-05:00",
    });
  });

  it("reads a range across noon with both meridiems ('11am-1pm')", () => {
    expect(only("Brunch Sunday 11am-1pm", NY)).toMatchObject({
      start: "2027-02-14T11:00:00-05:00",
      end: "2027-02-14T13:00:00-05:00",
    });
  });

  it("reads two bare hours 5-7 as 17:00-19:00", () => {
    expect(only("Happy hour Friday 5-7 at The Tap Room", NY)).toMatchObject({
      start: "2027-02-12T17:00:00-05:00",
      end: "2027-02-12T19:00:00-05:00",
      location: "The Tap Room",
    });
  });

  it("reads 'from 10 to 2' by the bare-hour rule as 10:00-14:00", () => {
    const text = "Training Thursday from 10 to 2";
    const event = only(text, NY);
    expect(event).toMatchObject({ start: "2027-02-11T10:00:00-05:00", end: "2027-02-11T14:00:00-05:00", title: "Training" });
  });

  it("reads 'from 7 to 11pm' as 19:00-23:00", () => {
    expect(only("Holiday party Friday from 7 to 11pm at The Loft", NY)).toMatchObject({
      start: "2027-02-12T19:00:00-05:00",
      end: "2027-02-12T23:00:00-05:00",
      location: "The Loft",
    });
  });

  it("reads '9-5' as 09:00-17:00", () => {
    expect(only("Open studio Saturday 9-5", NY)).toMatchObject({
      start: "2027-02-13T09:00:00-05:00",
      end: "2027-02-13T17:00:00-05:00",
    });
  });

  it("reads '11-1pm' as 11:00-13:00, since 23:00-13:00 is not under 12 hours", () => {
    expect(only("Seminar Thursday 11-1pm", NY)).toMatchObject({
      start: "2027-02-11T11:00:00-05:00",
      end: "2027-02-11T13:00:00-05:00",
    });
  });

  it("reads '10am-2' with the end by the rule as 10:00-14:00", () => {
    expect(only("Volunteering Saturday 10am-2", NY)).toMatchObject({
      start: "2027-02-13T10:00:00-05:00",
      end: "2027-02-13T14:00:00-05:00",
    });
  });

  it("reads minutes in a range ('8:30-9:15am', '14:00-15:30')", () => {
    expect(only("Coffee with Tom Thursday 8:30-9:15am", NY)).toMatchObject({
      start: "2027-02-11T08:30:00-05:00",
      end: "2027-02-11T09:15:00-05:00",
      title: "Coffee with Tom",
    });
    expect(only("Quarterly review 2027-03-10 14:00-15:30", NY)).toMatchObject({
      start: "2027-03-10T14:00:00-05:00",
      end: "2027-03-10T15:30:00-05:00",
    });
  });

  it("reads noon as a range start ('noon-6pm')", () => {
    expect(only("Street market Sunday noon-6pm", NY)).toMatchObject({
      start: "2027-02-14T12:00:00-05:00",
      end: "2027-02-14T18:00:00-05:00",
    });
  });
});

describe("overnight ranges", () => {
  it("puts an end earlier than the start on the next day ('9pm-1am')", () => {
    const text = "Salsa social Saturday 9pm-1am";
    const event = only(text, NY);
    expect(event).toMatchObject({ start: "2027-02-13T21:00:00-05:00", end: "2027-02-14T01:00:00-05:00", allDay: false });
    expectComponent(text, event, "time", "9pm-1am");
  });

  it("ends '8pm-midnight' at 00:00 the next day", () => {
    expect(only("Karaoke Friday 8pm-midnight", NY)).toMatchObject({
      start: "2027-02-12T20:00:00-05:00",
      end: "2027-02-13T00:00:00-05:00",
    });
  });

  it("crosses the month with 'Feb 28 10pm-2am'", () => {
    expect(only("Party Feb 28 10pm-2am", NY)).toMatchObject({
      start: "2027-02-28T22:00:00-05:00",
      end: "2027-03-01T02:00:00-05:00",
    });
  });
});

describe("ranges across days", () => {
  it("reads 'Saturday 10am to Sunday 6pm'", () => {
    const text = "Hackathon Saturday 10am to Sunday 6pm at the Innovation Hub";
    const event = only(text, NY);
    expect(event).toMatchObject({ start: "2027-02-13T10:00:00-05:00", end: "2027-02-14T18:00:00-05:00", title: "Hackathon" });
    expect(["the Innovation Hub", "Innovation Hub"]).toContain(event.location);
  });
});

describe("multi-day all-day ranges", () => {
  it("ends 'May 12-14 2027' on the exclusive day after", () => {
    const text = "Berlin Tango Festival May 12-14 2027";
    const event = only(text, NY);
    expect(event).toMatchObject({ start: "2027-05-12", end: "2027-05-15", allDay: true, title: "Berlin Tango Festival" });
    expectComponent(text, event, "date", "May 12-14 2027");
  });

  it("ends 'June 4-6, 2027' on June 7", () => {
    expect(only("Jazz weekend June 4-6, 2027", NY)).toMatchObject({ start: "2027-06-04", end: "2027-06-07", allDay: true });
  });

  it("reads 'from March 3 to March 5' as March 3 to an exclusive March 6", () => {
    expect(only("Conference in Lisbon from March 3 to March 5", NY)).toMatchObject({
      start: "2027-03-03",
      end: "2027-03-06",
      allDay: true,
      title: "Conference",
      location: "Lisbon",
    });
  });

  it("crosses a month end ('April 29 - May 2')", () => {
    expect(only("Camping trip April 29 - May 2", NY)).toMatchObject({ start: "2027-04-29", end: "2027-05-03", allDay: true });
  });
});

describe("dash forms", () => {
  it("reads an en dash ('10:00–11:30')", () => {
    const text = "Lecture Thursday 10:00–11:30";
    const event = only(text, NY);
    expect(event).toMatchObject({ start: "2027-02-11T10:00:00-05:00", end: "2027-02-11T11:30:00-05:00" });
    expectComponent(text, event, "time", "10:00–11:30");
  });

  it("reads an en dash between bare hours ('2–4pm')", () => {
    expect(only("Tutoring Thursday 2–4pm", NY)).toMatchObject({
      start: "2027-02-11T14:00:00-05:00",
      end: "2027-02-11T16:00:00-05:00",
    });
  });

  it("reads an em dash ('7—9pm')", () => {
    expect(only("Concert Saturday 7—9pm", NY)).toMatchObject({
      start: "2027-02-13T19:00:00-05:00",
      end: "2027-02-13T21:00:00-05:00",
    });
  });

  it("reads spaced dashes ('6:00 - 7:00 PM')", () => {
    expect(only("Zumba Thursday 6:00 - 7:00 PM", NY)).toMatchObject({
      start: "2027-02-11T18:00:00-05:00",
      end: "2027-02-11T19:00:00-05:00",
    });
  });

  it("reads an en dash in a date range ('May 12–14, 2027')", () => {
    expect(only("Festival May 12–14, 2027", NY)).toMatchObject({ start: "2027-05-12", end: "2027-05-15", allDay: true });
  });
});
