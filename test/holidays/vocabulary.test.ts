import { describe, expect, it } from "vitest";
import { HOLIDAY_KEYS, type HolidayNames, nextHoliday } from "../../src/core/holidays/holidays.js";
import { DE_HOLIDAY_NAMES } from "../../src/core/parser/locales/de/holidays.js";
import { EN_HOLIDAY_NAMES } from "../../src/core/parser/locales/en/holidays.js";

const LOCALES: Array<[string, readonly HolidayNames[]]> = [["en", EN_HOLIDAY_NAMES], ["de", DE_HOLIDAY_NAMES]];

describe.each(LOCALES)("%s holiday names", (_locale, vocabulary) => {
  // Lunar holidays can skip a Gregorian year (Guru Gobind Singh Jayanti in 2015, 2018, 2023), so the
  // promise is "there is always a next one", not "one in every year".
  it("name holidays whose next occurrence is found from any day 2000–2060", () => {
    const unresolved: string[] = [];
    for (const { key } of vocabulary) {
      for (let year = 2000; year <= 2060; year++) if (!nextHoliday(key, { y: year, m: 1, d: 1 })) unresolved.push(`${key} ${year}`);
    }
    expect(unresolved).toEqual([]);
  });

  it("are lower case, trimmed and never name two holidays", () => {
    const owner = new Map<string, string>();
    for (const { key, names } of vocabulary) {
      for (const name of names) {
        expect(name).toBe(name.toLowerCase().trim());
        expect(owner.get(name) ?? key, name).toBe(key);
        owner.set(name, key);
      }
    }
  });
});

describe("English holiday names", () => {
  it("cover every holiday key", () => {
    const named = new Set(EN_HOLIDAY_NAMES.map((entry) => entry.key));
    expect(HOLIDAY_KEYS.filter((key) => !named.has(key))).toEqual([]);
  });

  it("keep the Islamic 'ascension to heaven' apart from the Christian Ascension Day", () => {
    const keyOf = (name: string) => EN_HOLIDAY_NAMES.find((entry) => entry.names.includes(name))?.key;
    expect(keyOf("ascension to heaven")).toBe("isra-miraj");
    expect(keyOf("ascension day")).toBe("ascension-day");
    expect(keyOf("july 4th")).toBeUndefined();
  });
});
