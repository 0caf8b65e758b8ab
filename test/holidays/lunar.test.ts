import { describe, expect, it } from "vitest";
import { holidayInYear } from "../../src/core/holidays/holidays.js";
import { lunarDatesInYear, lunarMonthsOfYear } from "../../src/core/holidays/lunar.js";
import { formatDate } from "../../src/core/time/civil.js";

describe("lunarMonthsOfYear", () => {
  it("reads the Hebrew month names this ICU prints, Adar II folded into Adar", () => {
    // 5779 was a leap year: Adar I then Adar (II).
    const months = lunarMonthsOfYear("hebrew", 2019).map((m) => m.month);
    expect(months).toEqual([
      "Tevet", "Shevat", "Adar I", "Adar", "Nisan", "Iyar", "Sivan", "Tamuz", "Av", "Elul", "Tishri", "Heshvan", "Kislev", "Tevet",
    ]);
  });

  it("covers the whole Gregorian year with 29- and 30-day months", () => {
    for (const calendar of ["hebrew", "islamic-umalqura", "chinese"] as const) {
      const months = lunarMonthsOfYear(calendar, 2030);
      expect(months.every((m) => m.length === 29 || m.length === 30)).toBe(true);
      for (let i = 1; i < months.length; i++) expect(months[i].startDay).toBe(months[i - 1].startDay + months[i - 1].length);
    }
  });

  it("labels a Chinese leap month apart from the month it repeats", () => {
    // 2023 had a leap second month.
    expect(lunarMonthsOfYear("chinese", 2023).map((m) => m.month)).toContain("2bis");
    expect(lunarDatesInYear("chinese", "2", 1, 2023).map(formatDate)).toEqual(["2023-02-20"]);
  });
});

describe("lookup cost", () => {
  it("answers well under a millisecond once a year's table is built", () => {
    holidayInYear("eid-al-fitr", 2041);
    holidayInYear("passover", 2041);
    const started = performance.now();
    for (let i = 0; i < 1000; i++) {
      holidayInYear("eid-al-fitr", 2041);
      holidayInYear("passover", 2041);
    }
    expect((performance.now() - started) / 2000).toBeLessThan(0.05);
  });
});
