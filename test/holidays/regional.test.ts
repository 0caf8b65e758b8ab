import { describe, expect, it } from "vitest";
import { holidayInYear } from "../../src/core/holidays/holidays.js";
import { on } from "./helpers.js";

describe("Chinese New Year", () => {
  it.each([
    [2014, "2014-01-31"], [2020, "2020-01-25"], [2023, "2023-01-22"], [2024, "2024-02-10"],
    [2025, "2025-01-29"], [2026, "2026-02-17"],
  ])("%i → %s", (year, expected) => {
    expect(on("chinese-new-year", year)).toBe(expected);
  });
});

describe("King's Day", () => {
  it("is April 27, or the 26th when the 27th is a Sunday", () => {
    expect(on("kings-day", 2014)).toBe("2014-04-26");
    expect(on("kings-day", 2018)).toBe("2018-04-27");
    expect(on("kings-day", 2025)).toBe("2025-04-26");
  });
});

describe("Earth Hour", () => {
  it("is the last Saturday of March, 20:30–21:30", () => {
    expect(on("earth-hour", 2023)).toBe("2023-03-25");
    expect(holidayInYear("earth-hour", 2023)?.time).toEqual({ start: { h: 20, mi: 30, s: 0 }, end: { h: 21, mi: 30, s: 0 } });
  });

  it("moves a week earlier when the last Saturday is Holy Saturday", () => {
    expect(on("earth-hour", 2016)).toBe("2016-03-19");
    expect(on("earth-hour", 2024)).toBe("2024-03-23");
  });
});

describe("Parsi New Year", () => {
  it("drifts a day earlier every four years (a 365-day calendar)", () => {
    expect(on("parsi-new-year", 2019)).toBe("2019-08-17");
    expect(on("parsi-new-year", 2020)).toBe("2020-08-16");
    expect(on("parsi-new-year", 2023)).toBe("2023-08-16");
    expect(on("parsi-new-year", 2024)).toBe("2024-08-15");
  });
});

describe("German Unity Day", () => {
  it("is October 3", () => {
    expect(on("german-unity-day", 2026)).toBe("2026-10-03");
  });
});
