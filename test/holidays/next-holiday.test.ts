import { describe, expect, it } from "vitest";
import { nextHoliday } from "../../src/core/holidays/holidays.js";
import { show } from "./helpers.js";

describe("nextHoliday", () => {
  it("returns this year's when it has not passed", () => {
    expect(show(nextHoliday("easter", { y: 2026, m: 1, d: 10 }))).toBe("2026-04-05");
    expect(show(nextHoliday("easter", { y: 2026, m: 4, d: 5 }))).toBe("2026-04-05");
  });

  it("returns next year's once it has passed", () => {
    expect(show(nextHoliday("easter", { y: 2026, m: 4, d: 6 }))).toBe("2027-03-28");
    expect(show(nextHoliday("christmas", { y: 2026, m: 12, d: 26 }))).toBe("2027-12-25");
  });

  it("returns a multi-day holiday that is still running", () => {
    expect(show(nextHoliday("ramadan", { y: 2026, m: 3, d: 1 }))).toEqual(["2026-02-18", "2026-03-20"]);
    expect(show(nextHoliday("ramadan", { y: 2026, m: 3, d: 20 }))).toEqual(["2027-02-08", "2027-03-09"]);
  });

  it("finds a span that started in the previous Gregorian year", () => {
    expect(show(nextHoliday("hanukkah", { y: 2025, m: 1, d: 1 }))).toEqual(["2024-12-25", "2025-01-02"]);
  });

  it("takes the second occurrence when a lunar date falls twice in the year", () => {
    expect(show(nextHoliday("islamic-new-year", { y: 2008, m: 2, d: 1 }))).toBe("2008-12-29");
  });
});
