import { describe, expect, it } from "vitest";
import { on } from "./helpers.js";

// Dates are eves: the Gregorian day on whose evening the holiday begins.
describe("Jewish holidays, the examples to reproduce", () => {
  it.each([
    ["rosh-hashanah", 2018, ["2018-09-09", "2018-09-12"]],
    ["yom-kippur", 2018, "2018-09-18"],
    ["hanukkah", 2018, ["2018-12-02", "2018-12-10"]],
    ["passover", 2018, ["2018-03-30", "2018-04-08"]],
    ["sukkot", 2018, ["2018-09-23", "2018-10-02"]],
    ["simchat-torah", 2018, "2018-10-01"],
    ["tu-bishvat", 2018, "2018-01-30"],
    ["purim", 2013, "2013-02-23"],
    ["yom-hashoah", 2018, "2018-04-11"],
    // 5 Iyar 5778 was a Friday: observed Thursday Apr 19, eve Apr 18.
    ["yom-haatzmaut", 2018, "2018-04-18"],
  ] as const)("%s %i → %j", (key, year, expected) => {
    expect(on(key, year)).toEqual(expected);
  });
});

describe("Jewish holidays, other years and rules", () => {
  it("dates the festivals of 2025", () => {
    expect(on("rosh-hashanah", 2025)).toEqual(["2025-09-22", "2025-09-25"]);
    expect(on("yom-kippur", 2025)).toBe("2025-10-01");
    expect(on("passover", 2025)).toEqual(["2025-04-12", "2025-04-21"]);
    expect(on("hanukkah", 2025)).toEqual(["2025-12-14", "2025-12-22"]);
  });

  it("reads 6–7 Sivan for Shavuot, 18 Iyar for Lag BaOmer and 22 Tishri for Shemini Atzeret", () => {
    expect(on("shavuot", 2018)).toEqual(["2018-05-19", "2018-05-22"]);
    expect(on("lag-baomer", 2018)).toBe("2018-05-02");
    expect(on("shemini-atzeret", 2018)).toBe("2018-09-30");
  });

  it("puts Purim in Adar II in a leap year", () => {
    expect(on("purim", 2019)).toBe("2019-03-20"); // 14 Adar II 5779 = Mar 21
    expect(on("purim", 2024)).toBe("2024-03-23"); // 14 Adar II 5784 = Mar 24
  });

  it("postpones Tisha B'Av from Shabbat to Sunday", () => {
    // 9 Av 5778 was Saturday Jul 21; the fast was Sunday Jul 22, from the evening of Jul 21.
    expect(on("tisha-bav", 2018)).toBe("2018-07-21");
    // 9 Av 5786 is Thursday Jul 23, 2026.
    expect(on("tisha-bav", 2026)).toBe("2026-07-22");
  });

  it("moves Yom HaShoah off Friday and Sunday", () => {
    expect(on("yom-hashoah", 2019)).toBe("2019-05-01"); // Thursday May 2, unmoved
    expect(on("yom-hashoah", 2024)).toBe("2024-05-05"); // Sunday May 5 → Monday May 6
  });

  it("moves Yom HaAtzmaut off Friday, Saturday and Monday", () => {
    expect(on("yom-haatzmaut", 2019)).toBe("2019-05-08"); // Friday May 10 → Thursday May 9
    expect(on("yom-haatzmaut", 2024)).toBe("2024-05-13"); // Monday May 13 → Tuesday May 14
    expect(on("yom-haatzmaut", 2022)).toBe("2022-05-04"); // Thursday May 5, unmoved
  });

  it("lets Hanukkah run into the next Gregorian year", () => {
    expect(on("hanukkah", 2024)).toEqual(["2024-12-25", "2025-01-02"]);
  });
});
