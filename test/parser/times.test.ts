// Times of day as written: 12-hour and 24-hour clocks, "9 a.m.", "4:30p", noon, midnight, "8ish".
import { describe, expect, it } from "vitest";
import { expectComponent, only } from "./helpers.js";

// Wednesday 10 February 2027, 09:00 in New York (-05:00); "tomorrow" is Thursday 11 February.
const NY = { reference: "2027-02-10T09:00:00-05:00", timezone: "America/New_York" };

describe("12-hour clock", () => {
  it("reads am and pm hours", () => {
    expect(only("Standup tomorrow at 9am", NY).start).toBe("2027-02-11T09:00:00-05:00");
    expect(only("Standup tomorrow at 3pm", NY).start).toBe("2027-02-11T15:00:00-05:00");
  });

  it("reads hours and minutes with upper-case and spaced meridiems", () => {
    expect(only("Review tomorrow at 3:45 PM", NY).start).toBe("2027-02-11T15:45:00-05:00");
    expect(only("Review tomorrow at 11:05AM", NY).start).toBe("2027-02-11T11:05:00-05:00");
  });

  it("reads dotted meridiems ('9 a.m.', '7:30 p.m.')", () => {
    const text = "Orientation tomorrow 9 a.m.";
    const event = only(text, NY);
    expect(event.start).toBe("2027-02-11T09:00:00-05:00");
    expect(event.title).toBe("Orientation");
    expect(only("Recital tomorrow at 7:30 p.m.", NY).start).toBe("2027-02-11T19:30:00-05:00");
  });

  it("reads a one-letter meridiem ('4:30p')", () => {
    const text = "Pickup tomorrow 4:30p";
    const event = only(text, NY);
    expect(event.start).toBe("2027-02-11T16:30:00-05:00");
    expectComponent(text, event, "time", "4:30p");
  });

  it("reads 12pm as noon", () => {
    expect(only("Lunch tomorrow at 12pm", NY).start).toBe("2027-02-11T12:00:00-05:00");
  });
});

describe("24-hour clock", () => {
  it("reads HH:MM", () => {
    const text = "Yoga class tomorrow 18:30";
    const event = only(text, NY);
    expect(event.start).toBe("2027-02-11T18:30:00-05:00");
    expect(event.title).toBe("Yoga class");
    expectComponent(text, event, "time", "18:30");
  });

  it("reads a morning time with a leading zero", () => {
    expect(only("Train tomorrow at 07:45", NY).start).toBe("2027-02-11T07:45:00-05:00");
  });

  it("reads 21:15", () => {
    expect(only("Late show tomorrow at 21:15", NY).start).toBe("2027-02-11T21:15:00-05:00");
  });
});

describe("noon and midnight", () => {
  it("reads noon as 12:00", () => {
    const text = "Lunch with Sarah tomorrow at noon";
    const event = only(text, NY);
    expect(event.start).toBe("2027-02-11T12:00:00-05:00");
    expect(event.title).toBe("Lunch with Sarah");
    expectComponent(text, event, "time", "noon");
  });

  it("reads 'Friday at midnight' as the midnight that ends Friday", () => {
    const event = only("Release party Friday at midnight", NY);
    expect(event.start).toBe("2027-02-13T00:00:00-05:00");
    expect(event.allDay).toBe(false);
  });

  it("reads 'tomorrow at midnight' as the midnight that ends tomorrow", () => {
    expect(only("Submit the form tomorrow at midnight", NY).start).toBe("2027-02-12T00:00:00-05:00");
  });
});

describe("approximate times", () => {
  it("reads '8ish' with an evening word as 20:00", () => {
    const text = "Jake's bday drinks Thursday 8ish";
    const event = only(text, NY);
    expect(event.start).toBe("2027-02-11T20:00:00-05:00");
    expect(event.title).toBe("Jake's bday drinks");
    expectComponent(text, event, "time", "8ish");
  });

  it("reads '10ish' without an evening word as 10:00", () => {
    expect(only("Coffee tomorrow 10ish", NY).start).toBe("2027-02-11T10:00:00-05:00");
  });

  it("reads '3ish pm' as 15:00", () => {
    expect(only("Call tomorrow 3ish pm", NY).start).toBe("2027-02-11T15:00:00-05:00");
  });
});

describe("time without a date", () => {
  it("reads a time still ahead today as today", () => {
    expect(only("Pick up kids at 3:15pm", NY).start).toBe("2027-02-10T15:15:00-05:00");
  });

  it("reads a time already past today as tomorrow", () => {
    expect(only("Water the plants at 8am", NY).start).toBe("2027-02-11T08:00:00-05:00");
  });
});
