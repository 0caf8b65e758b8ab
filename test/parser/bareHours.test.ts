// The bare-hour rule: an hour without am/pm is pm for 1–6, am for 7–11 unless the text speaks of the
// evening (evening, night, tonight, dinner, drinks, party…), and noon for 12.
import { describe, expect, it } from "vitest";
import { expectComponent, only } from "./helpers.js";

// Wednesday 10 February 2027, 09:00 in New York (-05:00); "tomorrow" is Thursday 11 February.
const NY = { reference: "2027-02-10T09:00:00-05:00", timezone: "America/New_York" };

describe("1 to 6 mean pm", () => {
  it.each([
    ["1", "13:00"],
    ["2", "14:00"],
    ["4:15", "16:15"],
    ["6", "18:00"],
  ])("reads 'at %s' as %s", (hour, wall) => {
    expect(only(`Meeting tomorrow at ${hour}`, NY).start).toBe(`2027-02-11T${wall}:00-05:00`);
  });

  it("keeps the span on the written hour", () => {
    const text = "Interview tomorrow at 2";
    const event = only(text, NY);
    expect(event.start).toBe("2027-02-11T14:00:00-05:00");
    expectComponent(text, event, "time", "2");
  });
});

describe("7 to 11 mean am", () => {
  it.each([
    ["7", "07:00"],
    ["8", "08:00"],
    ["10:30", "10:30"],
    ["11", "11:00"],
  ])("reads 'at %s' as %s", (hour, wall) => {
    expect(only(`Standup tomorrow at ${hour}`, NY).start).toBe(`2027-02-11T${wall}:00-05:00`);
  });
});

describe("12 means noon", () => {
  it("reads 'at 12' as 12:00", () => {
    expect(only("Lunch tomorrow at 12", NY).start).toBe("2027-02-11T12:00:00-05:00");
  });

  it("reads 'at 12:30' as 12:30", () => {
    expect(only("Lunch tomorrow at 12:30", NY).start).toBe("2027-02-11T12:30:00-05:00");
  });
});

describe("evening words make 7 to 11 pm", () => {
  it.each([
    ["Dinner tomorrow at 7", "19:00"],
    ["Drinks tomorrow at 9", "21:00"],
    ["Birthday party tomorrow at 10", "22:00"],
    ["Study group tomorrow evening at 8", "20:00"],
    ["Stargazing tomorrow night at 11", "23:00"],
  ])("reads %j as %s", (text, wall) => {
    expect(only(text, NY).start).toBe(`2027-02-11T${wall}:00-05:00`);
  });

  it("reads 'tonight at 7' as 19:00 today", () => {
    const text = "Game tonight at 7";
    const event = only(text, NY);
    expect(event.start).toBe("2027-02-10T19:00:00-05:00");
    expect(event.title).toBe("Game");
    expectComponent(text, event, "time", "7");
  });

  it("does not move 1 to 6 with an evening word", () => {
    expect(only("Dinner tomorrow at 6", NY).start).toBe("2027-02-11T18:00:00-05:00");
  });
});

describe("an explicit meridiem wins over the rule", () => {
  it("keeps 7am at a dinner and 3am at night", () => {
    expect(only("Breakfast before the party tomorrow at 7am", NY).start).toBe("2027-02-11T07:00:00-05:00");
    expect(only("Night shift ends tomorrow at 3am", NY).start).toBe("2027-02-11T03:00:00-05:00");
  });
});
