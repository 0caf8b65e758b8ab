// Several events in one text: one event per line, per semicolon item, per comma item and per list item,
// in the order written; a comma inside an address does not split an event.
import { describe, expect, it } from "vitest";
import { parse } from "../../src/core/parser/parse.js";
import { spanOf } from "./helpers.js";

// Wednesday 10 February 2027, 09:00 in New York (-05:00).
const NY = { reference: "2027-02-10T09:00:00-05:00", timezone: "America/New_York" };

const summary = (text: string) =>
  parse(text, NY).events.map((e) => ({ title: e.title, start: e.start, end: e.end, location: e.location }));

describe("one event per line", () => {
  it("reads two lines as two events", () => {
    expect(summary("Dentist Thursday 3pm\nHaircut Saturday 11am")).toEqual([
      { title: "Dentist", start: "2027-02-11T15:00:00-05:00", end: null, location: null },
      { title: "Haircut", start: "2027-02-13T11:00:00-05:00", end: null, location: null },
    ]);
  });

  it("points the second event's spans into the second line", () => {
    const text = "Dentist Thursday 3pm\nHaircut Saturday 11am";
    const [, second] = parse(text, NY).events;
    expect(second.components.date?.span).toEqual(spanOf(text, "Saturday"));
    expect(second.components.time?.span).toEqual(spanOf(text, "11am"));
  });

  it("ignores blank lines between events", () => {
    expect(summary("Dentist Thursday 3pm\n\n\nHaircut Saturday 11am")).toHaveLength(2);
  });
});

describe("semicolons", () => {
  it("reads items separated by semicolons, each with its own place", () => {
    expect(summary("Rehearsal Thursday 6pm; Concert Saturday 8pm at City Hall")).toEqual([
      { title: "Rehearsal", start: "2027-02-11T18:00:00-05:00", end: null, location: null },
      { title: "Concert", start: "2027-02-13T20:00:00-05:00", end: null, location: "City Hall" },
    ]);
  });
});

describe("comma items", () => {
  it("reads comma-separated items that each have a time", () => {
    expect(summary("Beginner class Mon 7pm, Advanced class Thu 8pm")).toEqual([
      { title: "Beginner class", start: "2027-02-15T19:00:00-05:00", end: null, location: null },
      { title: "Advanced class", start: "2027-02-11T20:00:00-05:00", end: null, location: null },
    ]);
  });

  it("does not split an address at its commas", () => {
    const { events } = parse("Tango Saturday 9pm at Dance Hall, 39 W 19th St, New York", NY);
    expect(events).toHaveLength(1);
    expect(events[0].location).toBe("Dance Hall, 39 W 19th St, New York");
  });

  it("does not split a weekday list in a rule", () => {
    const { events } = parse("Gym every Monday, Wednesday and Friday at 6:30am", NY);
    expect(events).toHaveLength(1);
    expect(events[0].recurrence).toBe("FREQ=WEEKLY;BYDAY=MO,WE,FR");
  });
});

describe("lists", () => {
  it("reads a list under a header, the title after the colon", () => {
    const text = "Schedule:\n- Feb 20 9am: Registration opens\n- Feb 20 10am: Keynote\n- Feb 21 3pm: Closing panel";
    expect(summary(text)).toEqual([
      { title: "Registration opens", start: "2027-02-20T09:00:00-05:00", end: null, location: null },
      { title: "Keynote", start: "2027-02-20T10:00:00-05:00", end: null, location: null },
      { title: "Closing panel", start: "2027-02-21T15:00:00-05:00", end: null, location: null },
    ]);
  });

  it("reads a numbered list", () => {
    expect(summary("1. Kickoff Monday 10am\n2. Review Friday 2pm")).toEqual([
      { title: "Kickoff", start: "2027-02-15T10:00:00-05:00", end: null, location: null },
      { title: "Review", start: "2027-02-12T14:00:00-05:00", end: null, location: null },
    ]);
  });

  it("gives list items the date of a dated header", () => {
    const text = "Saturday Feb 13:\n- 9am Breakfast\n- 1pm Lunch talk";
    expect(summary(text)).toEqual([
      { title: "Breakfast", start: "2027-02-13T09:00:00-05:00", end: null, location: null },
      { title: "Lunch talk", start: "2027-02-13T13:00:00-05:00", end: null, location: null },
    ]);
  });

  it("skips lines that hold no event", () => {
    const text = "Hi all,\nPractice Thursday 6pm\nThanks!";
    expect(summary(text)).toEqual([{ title: "Practice", start: "2027-02-11T18:00:00-05:00", end: null, location: null }]);
  });
});
