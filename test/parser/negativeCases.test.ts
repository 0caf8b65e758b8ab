// Texts that hold no future event give no events; bad options throw a CalendarError with a stable code.
import { describe, expect, it } from "vitest";
import { CalendarError } from "../../src/core/events/errors.js";
import { parse } from "../../src/core/parser/parse.js";

// Wednesday 10 February 2027, 09:00 in New York (-05:00).
const NY = { reference: "2027-02-10T09:00:00-05:00", timezone: "America/New_York" };

describe("texts without an event", () => {
  it.each([
    "Buy milk",
    "Thanks for the great party last night!",
    "The 2nd edition of the book has 300 pages",
    "Great meeting yesterday at 3pm, thanks everyone",
    "Remember to call Alex",
  ])("gives [] for %j", (text) => {
    const result = parse(text, NY);
    expect(result.events).toEqual([]);
    expect(result.meta.confidence).toBe(0);
  });
});

describe("numbers that are not dates or times", () => {
  it.each([
    "I have 2 cats and 3 dogs",
    "Version 2.4.1 is out",
    "The score was 3-2",
    "Order 12 pizzas for the office",
    "Call 555-0142 about the invoice",
    "The report is 45 pages long",
  ])("gives [] for %j", (text) => {
    expect(parse(text, NY).events).toEqual([]);
  });
});

describe("empty text", () => {
  it.each(["", "   ", "\n\t\n"])("gives [] for %j", (text) => {
    expect(parse(text, NY)).toMatchObject({ events: [], meta: { confidence: 0 } });
  });
});

describe("invalid options", () => {
  function thrown(run: () => unknown): CalendarError {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarError);
      return error as CalendarError;
    }
    throw new Error("expected a CalendarError, nothing was thrown");
  }

  it.each(["Mars/Olympus_Mons", "", "EST5EDT6", "America/NewYork"])("throws INVALID_TIMEZONE for zone %j", (timezone) => {
    const error = thrown(() => parse("Dentist tomorrow at 3pm", { reference: NY.reference, timezone }));
    expect(error.code).toBe("INVALID_TIMEZONE");
    expect(error.field).toBe("timezone");
  });

  it.each(["not a date", "", "2027-13-45T09:00:00-05:00", "tomorrow"])("throws INVALID_REFERENCE for reference %j", (reference) => {
    const error = thrown(() => parse("Dentist tomorrow at 3pm", { reference, timezone: NY.timezone }));
    expect(error.code).toBe("INVALID_REFERENCE");
    expect(error.field).toBe("reference");
  });

  it("throws INVALID_REFERENCE for an invalid Date and a non-finite number", () => {
    expect(thrown(() => parse("Dentist tomorrow at 3pm", { reference: new Date(Number.NaN), timezone: NY.timezone })).code).toBe("INVALID_REFERENCE");
    expect(thrown(() => parse("Dentist tomorrow at 3pm", { reference: Number.POSITIVE_INFINITY, timezone: NY.timezone })).code).toBe(
      "INVALID_REFERENCE",
    );
  });

  it("checks the zone even for empty text", () => {
    expect(thrown(() => parse("", { reference: NY.reference, timezone: "Nowhere/Land" })).code).toBe("INVALID_TIMEZONE");
  });
});
