import { describe, expect, it } from "vitest";
import { holidaysInYear } from "../../src/core/holidays/holidays.js";
import { on, show } from "./helpers.js";

describe("Islamic holidays (Umm al-Qura), the examples to reproduce", () => {
  it.each([
    ["islamic-new-year", 2018, "2018-09-11"],
    ["mawlid", 2017, "2017-11-30"],
    ["isra-miraj", 2018, "2018-04-13"],
    ["isra-miraj", 2019, "2019-04-03"],
    ["ramadan", 2034, ["2034-11-12", "2034-12-12"]],
    ["ramadan", 2050, ["2050-05-22", "2050-06-21"]],
    ["eid-al-fitr", 2034, "2034-12-12"],
    ["eid-al-fitr", 2050, "2050-06-21"],
    ["eid-al-adha", 2018, "2018-08-21"],
    ["laylat-al-qadr", 2018, "2018-06-11"],
    ["laylat-al-qadr", 2017, "2017-06-22"],
    ["jumuatul-wida", 2017, "2017-06-23"],
    // Eid al-Fitr 2018 was itself a Friday (Jun 15): the Friday before it is meant.
    ["jumuatul-wida", 2018, "2018-06-08"],
  ] as const)("%s %i → %j", (key, year, expected) => {
    expect(on(key, year)).toEqual(expected);
  });
});

describe("Islamic holidays, other years", () => {
  it("dates 2026", () => {
    expect(on("ramadan", 2026)).toEqual(["2026-02-18", "2026-03-20"]);
    expect(on("eid-al-fitr", 2026)).toBe("2026-03-20");
    expect(on("eid-al-adha", 2026)).toBe("2026-05-27");
    expect(on("islamic-new-year", 2026)).toBe("2026-06-16");
  });

  it("returns both occurrences when a date falls twice in one Gregorian year", () => {
    expect(holidaysInYear("islamic-new-year", 2008).map(show)).toEqual(["2008-01-10", "2008-12-29"]);
  });
});
