// Component spans: each component's text is exactly the source text at its half-open span, and the spans
// point at the words each component was read from.
import { describe, expect, it } from "vitest";
import type { CalendarEvent } from "../../src/core/events/event.js";
import { parse } from "../../src/core/parser/parse.js";
import { expectComponent, only, spanOf } from "./helpers.js";

// Wednesday 10 February 2027, 09:00 in New York (-05:00).
const NY = { reference: "2027-02-10T09:00:00-05:00", timezone: "America/New_York" };

// The title is checked on its own below: a title read around a removed phrase ("Dinner tomorrow with Sam")
// spans both of its pieces, so its text need not equal text.slice(span).
function expectSpansMatchText(text: string, events: CalendarEvent[]): void {
  for (const event of events) {
    for (const [name, component] of Object.entries(event.components)) {
      if (name === "title") continue;
      const [start, end] = component.span;
      expect(Number.isInteger(start) && Number.isInteger(end), `${name} span is integral`).toBe(true);
      expect(start, `${name} span start`).toBeGreaterThanOrEqual(0);
      expect(end, `${name} span end`).toBeLessThanOrEqual(text.length);
      expect(start, `${name} span is not empty`).toBeLessThan(end);
      expect(text.slice(start, end), `text of ${name} in ${JSON.stringify(text)}`).toBe(component.text);
    }
  }
}

describe("component text equals the source slice (date, time, end, duration, recurrence, zone, location)", () => {
  it.each([
    "Dentist appointment tomorrow at 3pm",
    "Lunch with Sarah tomorrow at noon at Cafe Roma",
    "Webinar Feb 18 at 11am PST",
    "Interview tomorrow at 2 for 45 minutes",
    "Swing dance Tuesdays 8-11pm at the Elks Lodge",
    "Reminder: Project deadline is Friday 5pm!!",
    "Berlin Tango Festival May 12-14 2027",
    "Stammtisch jeden Mittwoch 19 Uhr",
  ])("for %j", (text) => {
    const { events } = parse(text, NY);
    expect(events.length).toBeGreaterThan(0);
    expectSpansMatchText(text, events);
  });

  it("for every event of a multi-line text", () => {
    const text = "Rehearsal Thursday 6pm; Concert Saturday 8pm at City Hall\nDentist tomorrow at 3pm";
    const { events } = parse(text, NY);
    expect(events).toHaveLength(3);
    expectSpansMatchText(text, events);
  });
});

describe("spans point at the right words", () => {
  it("date, time and location of a simple event", () => {
    const text = "Lunch with Dana tomorrow at 1pm at Cafe Luna";
    const event = only(text, NY);
    expect(event.components.date?.span).toEqual(spanOf(text, "tomorrow"));
    expect(event.components.time?.span).toEqual(spanOf(text, "1pm"));
    expect(event.components.location?.span).toEqual(spanOf(text, "Cafe Luna"));
  });

  it("the date and time after a location", () => {
    const text = "Meet Alex at Blue Bottle Coffee tomorrow 9am";
    const event = only(text, NY);
    expect(event.location).toBe("Blue Bottle Coffee");
    expect(event.components.date?.span).toEqual(spanOf(text, "tomorrow"));
    expect(event.components.time?.span).toEqual(spanOf(text, "9am"));
  });

  it("a range as one time component", () => {
    const text = "Workshop Thursday 2-4pm";
    const event = only(text, NY);
    expect(event.components.time?.span).toEqual(spanOf(text, "2-4pm"));
    expect(event.components.date?.span).toEqual(spanOf(text, "Thursday"));
  });

  it("the zone, the duration and the recurrence", () => {
    const zoned = "Webinar Feb 18 at 11am PST";
    expectComponent(zoned, only(zoned, NY), "timezone", "PST");
    const timed = "Interview tomorrow at 2 for 45 minutes";
    expectComponent(timed, only(timed, NY), "duration", "45 minutes");
    const weekly = "Book club every other Thursday at 7pm";
    expectComponent(weekly, only(weekly, NY), "recurrence", "every other Thursday");
  });

  it("the time word, not the same number in a room name ('at 7 in Room 7')", () => {
    const text = "Rehearsal tomorrow at 7 in Room 7";
    const event = only(text, NY);
    expect(event).toMatchObject({ location: "Room 7", start: "2027-02-11T07:00:00-05:00" });
    expect(event.components.time?.span).toEqual(spanOf(text, "7"));
    expect(event.components.location?.span).toEqual(spanOf(text, "Room 7"));
  });

  it("absolute offsets in the second line of a text", () => {
    const text = "Dentist Thursday 3pm\nHaircut at Sam's Barbers Saturday 11am";
    const [first, second] = parse(text, NY).events;
    expect(first.components.time?.span).toEqual(spanOf(text, "3pm"));
    expect(second.location).toBe("Sam's Barbers");
    expect(second.components.date?.span).toEqual(spanOf(text, "Saturday"));
  });
});

describe("location span before the date", () => {
  it("regression 'Meet Alex at Blue Bottle Coffee tomorrow 9am': the span stops at the last word", () => {
    const text = "Meet Alex at Blue Bottle Coffee tomorrow 9am";
    const location = only(text, NY).components.location;
    expect(location?.span).toEqual([13, 31]);
    expect(text.slice(13, 31)).toBe(location?.text);
  });
});

describe("title span", () => {
  it("starts where the title starts and names the title", () => {
    const text = "Dentist appointment tomorrow at 3pm";
    const title = only(text, NY).components.title;
    expect(title?.text).toBe("Dentist appointment");
    expect(title?.span[0]).toBe(0);
  });

  it("regression 'Lunch with Dana tomorrow at 1pm at Cafe Luna': the span covers the title only", () => {
    const text = "Lunch with Dana tomorrow at 1pm at Cafe Luna";
    expect(only(text, NY).components.title?.span).toEqual([0, 15]);
    expect(only("Dentist appointment tomorrow at 3pm", NY).components.title?.span).toEqual([0, 19]);
  });
  it("regression 'Reminder: Project deadline is Friday 5pm!!': the dropped prefix is outside the span", () => {
    const text = "Reminder: Project deadline is Friday 5pm!!";
    const title = only(text, NY).components.title;
    expect(title?.span).toEqual([10, 26]);
    expect(text.slice(10, 26)).toBe(title?.text);
  });
});
