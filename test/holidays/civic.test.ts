import { describe, expect, it } from "vitest";
import { on } from "./helpers.js";

describe("civic holidays", () => {
  it.each([
    ["new-years-day", 2026, "2026-01-01"],
    ["mlk-day", 2027, "2027-01-18"],
    ["mlk-day", 2026, "2026-01-19"],
    ["presidents-day", 2026, "2026-02-16"],
    ["memorial-day", 2026, "2026-05-25"],
    ["memorial-day", 2027, "2027-05-31"],
    ["juneteenth", 2026, "2026-06-19"],
    ["independence-day", 2026, "2026-07-04"],
    ["labor-day", 2026, "2026-09-07"],
    ["columbus-day", 2026, "2026-10-12"],
    ["veterans-day", 2026, "2026-11-11"],
    ["thanksgiving", 2018, "2018-11-22"],
    ["thanksgiving", 2026, "2026-11-26"],
    ["black-friday", 2026, "2026-11-27"],
    // Nov 1 2019 was a Friday: Thanksgiving is the 28th, Black Friday the 29th (the fifth Friday).
    ["black-friday", 2019, "2019-11-29"],
    ["cyber-monday", 2026, "2026-11-30"],
    ["christmas-eve", 2026, "2026-12-24"],
    ["christmas", 2026, "2026-12-25"],
    ["boxing-day", 2026, "2026-12-26"],
    ["new-years-eve", 2026, "2026-12-31"],
    ["valentines-day", 2026, "2026-02-14"],
    ["st-patricks-day", 2026, "2026-03-17"],
    ["halloween", 2026, "2026-10-31"],
    ["mothers-day", 2026, "2026-05-10"],
    ["fathers-day", 2026, "2026-06-21"],
    ["groundhog-day", 2026, "2026-02-02"],
    ["earth-day", 2026, "2026-04-22"],
  ] as const)("%s %i → %s", (key, year, expected) => {
    expect(on(key, year)).toBe(expected);
  });

  it("moves Boss's Day to the nearest weekday", () => {
    expect(on("bosses-day", 2013)).toBe("2013-10-16"); // Wednesday
    expect(on("bosses-day", 2016)).toBe("2016-10-17"); // Sunday → Monday
    expect(on("bosses-day", 2021)).toBe("2021-10-15"); // Saturday → Friday
  });
});
