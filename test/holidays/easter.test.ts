import { describe, expect, it } from "vitest";
import { daysFromJulian, orthodoxEaster, westernEaster } from "../../src/core/holidays/easter.js";
import { formatDate } from "../../src/core/time/civil.js";

describe("westernEaster", () => {
  it.each([
    [2000, "2000-04-23"], [2018, "2018-04-01"], [2019, "2019-04-21"], [2024, "2024-03-31"],
    [2025, "2025-04-20"], [2026, "2026-04-05"], [2027, "2027-03-28"], [2038, "2038-04-25"],
    [1818, "1818-03-22"], [2285, "2285-03-22"], [1583, "1583-04-10"],
  ])("%i → %s", (year, expected) => {
    expect(formatDate(westernEaster(year))).toBe(expected);
  });
});

describe("orthodoxEaster", () => {
  it.each([
    [2018, "2018-04-08"], [2023, "2023-04-16"], [2024, "2024-05-05"], [2025, "2025-04-20"],
    [2026, "2026-04-12"], [2027, "2027-05-02"], [2010, "2010-04-04"], [2021, "2021-05-02"],
    [2022, "2022-04-24"],
  ])("%i → %s", (year, expected) => {
    expect(formatDate(orthodoxEaster(year))).toBe(expected);
  });
});

describe("daysFromJulian", () => {
  it("puts Julian 1582-10-05 on Gregorian 1582-10-15", () => {
    expect(daysFromJulian(1582, 10, 5)).toBe(-141427);
  });
});
