// Confidence: explicit text scores higher than guessed readings, every score lies in 0..1, and the result's
// confidence is the lowest event confidence (0 when there is no event).
import { describe, expect, it } from "vitest";
import { parse } from "../../src/core/parser/parse.js";
import { only } from "./helpers.js";

// Wednesday 10 February 2027, 09:00 in New York (-05:00). "Next Friday" is 19 February.
const NY = { reference: "2027-02-10T09:00:00-05:00", timezone: "America/New_York" };

describe("explicit against guessed", () => {
  it("scores an explicit meridiem higher than a guessed bare hour", () => {
    const explicit = only("Dentist tomorrow at 3pm", NY);
    const guessed = only("Dentist tomorrow at 3", NY);
    expect(guessed.start).toBe(explicit.start);
    expect(explicit.components.time?.confidence).toBeGreaterThan(guessed.components.time?.confidence ?? 1);
    expect(explicit.confidence).toBeGreaterThan(guessed.confidence);
  });

  it("scores a 24-hour time higher than a guessed bare hour", () => {
    const explicit = only("Standup tomorrow at 09:00", NY);
    const guessed = only("Standup tomorrow at 9", NY);
    expect(guessed.start).toBe(explicit.start);
    expect(explicit.confidence).toBeGreaterThan(guessed.confidence);
  });

  it("scores 'next Friday' lower than the written date of the same day", () => {
    const relative = only("Lunch next Friday at 1pm", NY);
    const written = only("Lunch Feb 19 at 1pm", NY);
    expect(relative.start).toBe(written.start);
    expect(written.components.date?.confidence).toBeGreaterThan(relative.components.date?.confidence ?? 1);
    expect(written.confidence).toBeGreaterThan(relative.confidence);
  });

  it("scores '8ish' lower than '8pm'", () => {
    const approximate = only("Drinks tomorrow 8ish", NY);
    const exact = only("Drinks tomorrow 8pm", NY);
    expect(approximate.start).toBe(exact.start);
    expect(exact.components.time?.confidence).toBeGreaterThan(approximate.components.time?.confidence ?? 1);
  });
});

describe("ranges of values", () => {
  it("keeps every event and component confidence within 0..1", () => {
    const text = "Salsa social every Friday 9pm-1am at Havana Club\nDentist tomorrow at 3\nLunch next Friday at noon";
    const { events } = parse(text, NY);
    expect(events).toHaveLength(3);
    for (const event of events) {
      expect(event.confidence).toBeGreaterThan(0);
      expect(event.confidence).toBeLessThanOrEqual(1);
      for (const component of Object.values(event.components)) {
        expect(component.confidence).toBeGreaterThanOrEqual(0);
        expect(component.confidence).toBeLessThanOrEqual(1);
      }
    }
  });

  it("reports the lowest event confidence as the result's confidence", () => {
    const result = parse("Dentist Thursday 3pm\nDrinks Friday at 9", NY);
    expect(result.events).toHaveLength(2);
    expect(result.meta.confidence).toBe(Math.min(...result.events.map((e) => e.confidence)));
  });

  it("reports 0 when there is no event", () => {
    expect(parse("Buy milk", NY).meta.confidence).toBe(0);
  });
});
