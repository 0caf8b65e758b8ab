// Days and instants relative to the reference: today/tonight/tomorrow, "in N hours/days", this/next weekday,
// "next week Tuesday", "friday after next", "3 fridays from now", and a bare weekday.
import { describe, expect, it } from "vitest";
import { expectComponent, only } from "./helpers.js";

// Wednesday 10 February 2027, 09:00 in New York (-05:00).
const NY = { reference: "2027-02-10T09:00:00-05:00", timezone: "America/New_York" };

describe("today, tonight, tomorrow", () => {
  it("reads 'today' as the reference day", () => {
    const text = "Team retro today at 4:30pm";
    const event = only(text, NY);
    expect(event).toMatchObject({ start: "2027-02-10T16:30:00-05:00", end: null, allDay: false, title: "Team retro" });
    expectComponent(text, event, "date", "today");
    expectComponent(text, event, "time", "4:30pm");
  });

  it("reads 'tonight' as today, with a bare hour in the evening", () => {
    const text = "Movie night tonight at 9";
    const event = only(text, NY);
    expect(event.start).toBe("2027-02-10T21:00:00-05:00");
    expect(event.title).toBe("Movie night");
    expectComponent(text, event, "date", "tonight");
  });

  it("reads 'tonight at 11' as 23:00 today", () => {
    expect(only("Stream tonight at 11", NY).start).toBe("2027-02-10T23:00:00-05:00");
  });

  it("reads 'this evening' as today", () => {
    expect(only("Call Grandma this evening at 7", NY).start).toBe("2027-02-10T19:00:00-05:00");
  });

  it("reads 'tomorrow' as the next day", () => {
    const text = "Dentist appointment tomorrow at 3pm";
    const event = only(text, NY);
    expect(event.start).toBe("2027-02-11T15:00:00-05:00");
    expectComponent(text, event, "date", "tomorrow");
  });

  it("gives an all-day event for 'tomorrow' without a time", () => {
    expect(only("Pay rent tomorrow", NY)).toMatchObject({ start: "2027-02-11", end: null, allDay: true, title: "Pay rent" });
  });
});

describe("offsets from now", () => {
  it("reads 'in 2 hours' as the reference plus two hours", () => {
    const event = only("Call the plumber in 2 hours", NY);
    expect(event).toMatchObject({ start: "2027-02-10T11:00:00-05:00", allDay: false, title: "Call the plumber" });
  });

  it("reads 'in 30 minutes' as the reference plus thirty minutes", () => {
    expect(only("Check the oven in 30 minutes", NY).start).toBe("2027-02-10T09:30:00-05:00");
  });

  it("reads 'in 3 days at 10am' as that time three days on", () => {
    expect(only("Dentist in 3 days at 10am", NY).start).toBe("2027-02-13T10:00:00-05:00");
  });

  it("reads 'in 3 days' with a bare hour by the bare-hour rule", () => {
    expect(only("Dentist in 3 days at 9", NY).start).toBe("2027-02-13T09:00:00-05:00");
  });
});

describe("this and next weekday", () => {
  it("reads 'this Friday' as the Friday of the current week", () => {
    const text = "Salsa social this Friday at 9pm";
    const event = only(text, NY);
    expect(event.start).toBe("2027-02-12T21:00:00-05:00");
    expect(event.title).toBe("Salsa social");
    expectComponent(text, event, "date", "this Friday");
  });

  it("reads 'next Friday' as the Friday of the following week", () => {
    const text = "Lunch next Friday at 12:30pm";
    const event = only(text, NY);
    expect(event.start).toBe("2027-02-19T12:30:00-05:00");
    expectComponent(text, event, "date", "next Friday");
  });

  it("reads 'Friday next week' as the Friday of the following week", () => {
    expect(only("Lunch Friday next week at 12:30pm", NY).start).toBe("2027-02-19T12:30:00-05:00");
  });

  it("reads 'next week Friday' as the Friday of the following week", () => {
    expect(only("Retro next week Friday at 4pm", NY).start).toBe("2027-02-19T16:00:00-05:00");
  });

  it("reads 'next week Tuesday' as the Tuesday of the following week", () => {
    expect(only("Sprint planning next week Tuesday at 10am", NY).start).toBe("2027-02-16T10:00:00-05:00");
  });

  it("reads 'next Monday' as the Monday of the following week", () => {
    expect(only("Kickoff next Monday at 11am", NY).start).toBe("2027-02-15T11:00:00-05:00");
  });

  it("reads 'friday after next' as the second Friday from today", () => {
    expect(only("Retro friday after next at 3pm", NY).start).toBe("2027-02-19T15:00:00-05:00");
  });

  it("reads '3 fridays from now' as the third Friday from today", () => {
    expect(only("Demo 3 fridays from now at 2pm", NY).start).toBe("2027-02-26T14:00:00-05:00");
  });
});

describe("bare weekdays", () => {
  it("reads a weekday as the next such day", () => {
    expect(only("Haircut Thursday at 11:15am", NY).start).toBe("2027-02-11T11:15:00-05:00");
    expect(only("Dinner with parents Saturday at 7pm", NY).start).toBe("2027-02-13T19:00:00-05:00");
  });

  it("reads today's weekday as next week's, even when the time is still ahead", () => {
    expect(only("Client call Wednesday at 3pm", NY).start).toBe("2027-02-17T15:00:00-05:00");
  });

  it("reads an abbreviated weekday", () => {
    expect(only("Yoga Thu at 6pm", NY).start).toBe("2027-02-11T18:00:00-05:00");
  });

  it("gives an all-day event for a weekday alone", () => {
    expect(only("Pay car insurance Monday", NY)).toMatchObject({ start: "2027-02-15", allDay: true });
  });
});
