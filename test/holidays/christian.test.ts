import { describe, expect, it } from "vitest";
import { on } from "./helpers.js";

describe("Western movable feasts (Easter 2018 = Apr 1)", () => {
  it.each([
    ["shrove-tuesday", "2018-02-13"],
    ["ash-wednesday", "2018-02-14"],
    ["palm-sunday", "2018-03-25"],
    ["maundy-thursday", "2018-03-29"],
    ["good-friday", "2018-03-30"],
    ["holy-saturday", "2018-03-31"],
    ["easter", "2018-04-01"],
    ["easter-monday", "2018-04-02"],
    ["ascension-day", "2018-05-10"],
    ["pentecost", "2018-05-20"],
    ["whit-monday", "2018-05-21"],
    ["trinity-sunday", "2018-05-27"],
    ["corpus-christi", "2018-05-31"],
  ] as const)("%s → %s", (key, expected) => {
    expect(on(key, 2018)).toBe(expected);
  });

  it("dates Easter 2026 and 2027", () => {
    expect(on("easter", 2026)).toBe("2026-04-05");
    expect(on("easter", 2027)).toBe("2027-03-28");
    expect(on("good-friday", 2026)).toBe("2026-04-03");
  });

  it("spans Lent from Ash Wednesday to Easter Sunday exclusive", () => {
    expect(on("lent", 2018)).toEqual(["2018-02-14", "2018-04-01"]);
    expect(on("lent", 2026)).toEqual(["2026-02-18", "2026-04-05"]);
  });
});

describe("Orthodox movable feasts (Orthodox Easter 2018 = Apr 8)", () => {
  it.each([
    ["clean-monday", "2018-02-19"],
    ["lazarus-saturday", "2018-03-31"],
    ["orthodox-palm-sunday", "2018-04-01"],
    ["orthodox-good-friday", "2018-04-06"],
    ["orthodox-holy-saturday", "2018-04-07"],
    ["orthodox-easter", "2018-04-08"],
    ["orthodox-easter-monday", "2018-04-09"],
  ] as const)("%s → %s", (key, expected) => {
    expect(on(key, 2018)).toBe(expected);
  });

  it("dates Orthodox Easter 2026 and Great Lent", () => {
    expect(on("orthodox-easter", 2026)).toBe("2026-04-12");
    expect(on("orthodox-good-friday", 2026)).toBe("2026-04-10");
    expect(on("clean-monday", 2026)).toBe("2026-02-23");
    expect(on("great-lent", 2026)).toEqual(["2026-02-23", "2026-04-04"]);
  });
});
