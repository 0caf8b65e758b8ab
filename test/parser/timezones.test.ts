// Time zones: wall-clock times are read in the reader's zone; a zone or offset in the text fixes the instant.
import { describe, expect, it } from "vitest";
import { expectComponent, instant, only } from "./helpers.js";

// Wednesday 10 February 2027, 09:00 in New York (-05:00).
const NY = { reference: "2027-02-10T09:00:00-05:00", timezone: "America/New_York" };

describe("zone abbreviations in the text", () => {
  it("reads '11am PST' as 11:00 at -08:00", () => {
    const text = "Webinar Feb 18 at 11am PST";
    const event = only(text, NY);
    expect(instant(event.start)).toBe(instant("2027-02-18T11:00:00-08:00"));
    expect(event.title).toBe("Webinar");
    expect(event.allDay).toBe(false);
    expectComponent(text, event, "timezone", "PST");
  });

  it("reads '9:00 CET' as 09:00 at +01:00", () => {
    const event = only("Investor call Friday 9:00 CET", NY);
    expect(instant(event.start)).toBe(instant("2027-02-12T09:00:00+01:00"));
    expect(event.title).toBe("Investor call");
  });

  it("reads '17:00 UTC' as that instant", () => {
    const text = "Launch stream Feb 20 at 17:00 UTC";
    const event = only(text, NY);
    expect(instant(event.start)).toBe(instant("2027-02-20T17:00:00Z"));
    expectComponent(text, event, "timezone", "UTC");
  });

  it("reads '10am GMT' as 10:00 UTC", () => {
    expect(instant(only("Standup with London tomorrow 10am GMT", NY).start)).toBe(instant("2027-02-11T10:00:00Z"));
  });

  it("reads '3pm EST' as 15:00 at -05:00 from another zone", () => {
    const berlin = { reference: "2027-02-10T09:00:00+01:00", timezone: "Europe/Berlin" };
    const event = only("Call with New York Feb 17 at 3pm EST", berlin);
    expect(instant(event.start)).toBe(instant("2027-02-17T15:00:00-05:00"));
    expect(event.timezone).toBe("Europe/Berlin");
  });

  it("moves a range's end with its start ('2-3pm PST')", () => {
    const event = only("Office hours Feb 18 2-3pm PST", NY);
    expect(instant(event.start)).toBe(instant("2027-02-18T14:00:00-08:00"));
    expect(instant(event.end)).toBe(instant("2027-02-18T15:00:00-08:00"));
  });
});

describe("offsets in the text", () => {
  it("reads 'UTC+2'", () => {
    expect(instant(only("Sync Feb 15 at 14:00 UTC+2", NY).start)).toBe(instant("2027-02-15T14:00:00+02:00"));
  });

  it("reads 'GMT-3'", () => {
    expect(instant(only("Call Feb 16 at 9am GMT-3", NY).start)).toBe(instant("2027-02-16T09:00:00-03:00"));
  });

  it("reads a half-hour offset 'UTC+05:30'", () => {
    expect(instant(only("Review Feb 16 at 10:00 UTC+05:30", NY).start)).toBe(instant("2027-02-16T10:00:00+05:30"));
  });
});

describe("the reader's zone", () => {
  it("writes wall-clock times with the zone's offset and names the zone", () => {
    const tokyo = { reference: "2027-02-10T09:00:00+09:00", timezone: "Asia/Tokyo" };
    const text = "Team dinner Friday 19:30 at Sushi Zen";
    const event = only(text, tokyo);
    expect(event).toMatchObject({
      start: "2027-02-12T19:30:00+09:00",
      timezone: "Asia/Tokyo",
      title: "Team dinner",
      location: "Sushi Zen",
    });
  });

  it("uses a half-hour zone (Asia/Kolkata)", () => {
    const kolkata = { reference: "2027-02-10T09:00:00+05:30", timezone: "Asia/Kolkata" };
    expect(only("Standup tomorrow at 10am", kolkata)).toMatchObject({ start: "2027-02-11T10:00:00+05:30", timezone: "Asia/Kolkata" });
  });

  it("uses summer time in the southern hemisphere (Australia/Sydney in February)", () => {
    const sydney = { reference: "2027-02-10T09:00:00+11:00", timezone: "Australia/Sydney" };
    expect(only("Lunch tomorrow at 12:30pm", sydney).start).toBe("2027-02-11T12:30:00+11:00");
  });

  it("reads the same words as different instants in different zones", () => {
    const berlin = { reference: "2027-02-10T09:00:00+01:00", timezone: "Europe/Berlin" };
    const inNewYork = only("Call tomorrow at 3pm", NY);
    const inBerlin = only("Call tomorrow at 3pm", berlin);
    expect(inBerlin.start).toBe("2027-02-11T15:00:00+01:00");
    expect(instant(inNewYork.start) - instant(inBerlin.start)).toBe(6 * 3_600_000);
  });
});

describe("the reference instant", () => {
  it("reads a UTC reference in the given zone before choosing 'today'", () => {
    // 03:00 UTC on 11 Feb is still 22:00 on 10 Feb in New York, so tomorrow is 11 Feb.
    const lateEvening = { reference: "2027-02-11T03:00:00Z", timezone: "America/New_York" };
    expect(only("Dentist tomorrow at 3pm", lateEvening).start).toBe("2027-02-11T15:00:00-05:00");
  });

  it("accepts a reference whose offset differs from the zone's", () => {
    const fromTokyo = { reference: "2027-02-10T23:00:00+09:00", timezone: "America/New_York" };
    // 23:00 in Tokyo is 09:00 the same day in New York.
    expect(only("Dentist tomorrow at 3pm", fromTokyo).start).toBe("2027-02-11T15:00:00-05:00");
  });
});
