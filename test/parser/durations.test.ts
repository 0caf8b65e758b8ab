// Durations: "for 45 minutes", "for 2 hours"… give end = start + duration; no end and no duration give null.
import { describe, expect, it } from "vitest";
import { expectComponent, instant, only } from "./helpers.js";

// Wednesday 10 February 2027, 09:00 in New York (-05:00); "tomorrow" is Thursday 11 February.
const NY = { reference: "2027-02-10T09:00:00-05:00", timezone: "America/New_York" };

describe("end from a duration", () => {
  it("adds minutes ('for 45 minutes')", () => {
    const text = "Interview tomorrow at 3pm for 45 minutes";
    const event = only(text, NY);
    expect(event).toMatchObject({ start: "2027-02-11T15:00:00-05:00", end: "2027-02-11T15:45:00-05:00", title: "Interview" });
    expectComponent(text, event, "duration", "45 minutes");
  });

  it("adds hours ('for 3 hours')", () => {
    const text = "Board game night Friday 7pm for 3 hours";
    const event = only(text, NY);
    expect(event).toMatchObject({ start: "2027-02-12T19:00:00-05:00", end: "2027-02-12T22:00:00-05:00", title: "Board game night" });
    expectComponent(text, event, "duration", "3 hours");
  });

  it("reads 'for an hour' and 'for 1 hour'", () => {
    expect(only("Call with Ana tomorrow at 10am for an hour", NY).end).toBe("2027-02-11T11:00:00-05:00");
    expect(only("Call with Ana tomorrow at 10am for 1 hour", NY).end).toBe("2027-02-11T11:00:00-05:00");
  });

  it("reads 'for 90 minutes' past the hour", () => {
    expect(only("Workshop tomorrow at 1:30pm for 90 minutes", NY).end).toBe("2027-02-11T15:00:00-05:00");
  });

  it("applies the duration after the bare-hour rule ('at 2 for 45 minutes')", () => {
    expect(only("Interview tomorrow at 2 for 45 minutes", NY)).toMatchObject({
      start: "2027-02-11T14:00:00-05:00",
      end: "2027-02-11T14:45:00-05:00",
    });
  });

  it("carries the end past midnight ('11pm for 3 hours')", () => {
    expect(only("Stargazing Friday 11pm for 3 hours", NY)).toMatchObject({
      start: "2027-02-12T23:00:00-05:00",
      end: "2027-02-13T02:00:00-05:00",
    });
  });

  it("adds the duration to an offset start ('in 2 hours for 30 minutes')", () => {
    const event = only("Call the plumber in 2 hours for 30 minutes", NY);
    expect(instant(event.end) - instant(event.start)).toBe(30 * 60_000);
    expect(event.start).toBe("2027-02-10T11:00:00-05:00");
  });
});

describe("no end", () => {
  it("leaves end null when the text states neither an end nor a duration", () => {
    const event = only("Lunch tomorrow at noon", NY);
    expect(event.end).toBeNull();
    expect(event.components.duration).toBeUndefined();
  });

  it("leaves end null for an all-day day", () => {
    expect(only("Mom's birthday on March 5", NY).end).toBeNull();
  });
});
