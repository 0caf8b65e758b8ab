/**
 * `Extractor.mayStartAt` is a necessary condition: wherever an extractor's pattern matches, it must say
 * yes (it only spares the pattern places where it cannot match). Checked at every place of many texts made
 * of the pieces the time and holiday patterns read, for every shipped locale; and by examples, that it does
 * turn down the common places where those patterns fail.
 */
import { describe, expect, it } from "vitest";
import { configurationFor, LOCALE_CODES } from "../../src/core/parser/locales/registry.js";
import { seededRandom } from "./helpers.js";

const PIECES = [
  "at", "@", "~", "around", "about", "approx.", "approximately", "by", "from", "after", "before", "until", "till", "til", "between", "later", "than",
  "7", "07", "12", "19", "2026", "0900", "1730", "18th", "10:30", "7.30", "3:5", "2.0", "15h30", "8ish", "7pm", "7am", "7p", "7a", "7oclock",
  "pm", "am", "a.m.", "p.m.", "a", "p", "o'clock", "o", "clock", "uhr", "sharp", "past", "to", "of", "minutes", "min", "in", "the", "morning",
  "night", "this", "evening", "tonight", "tomorrow", "today", "tmrw", "fri", "sun", "day", "noon", "midnight", "mid-day", "half", "quarter",
  "twenty", "five", "seven", "twelve", "thirty", "-", "–", "—", "and", "but", "through", "thru", "um", "gegen", "bis", "ab",
  "christmas", "eve", "new", "year's", "years", "york", "st.", "patrick's", "monday", "thursday", "of", "next", "this", "coming", "easter",
  "memorial", "labor", "black", "friday", "mother's", "heiligabend", "ostern", ",", ".", "the", "loft", "hours", "weeks",
  "first", "fifth", "twenty-first", "28th", "2nd", "3rd", "123", "tues", "sat.", "sat", "wed,", "samstag", "dienstag", "erste", "month",
];

describe("mayStartAt", () => {
  it("says yes wherever the pattern matches", () => {
    const next = seededRandom(20261204);
    let checked = 0;
    for (const code of LOCALE_CODES) {
      for (const extractor of configurationFor(code).extractors) {
        if (!extractor.mayStartAt) continue;
        const sticky = new RegExp(extractor.pattern.source, extractor.pattern.flags.replace("g", "") + "y");
        for (let round = 0; round < 1500; round++) {
          const words = Array.from({ length: 3 + Math.floor(next() * 6) }, () => PIECES[Math.floor(next() * PIECES.length)]);
          const text = words.join(next() < 0.8 ? " " : next() < 0.5 ? "" : "  ");
          const shown = next() < 0.3 ? text.toUpperCase() : text;
          const lower = shown.toLowerCase();
          for (let at = 0; at < shown.length; at++) {
            sticky.lastIndex = at;
            const match = sticky.exec(shown);
            if (!match || match[0].length === 0) continue;
            checked++;
            expect(extractor.mayStartAt(lower, at), `${code} ${extractor.name} matches ${JSON.stringify(match[0])} at ${at} of ${JSON.stringify(shown)}`).toBe(true);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it("turns down the usual places where times, holidays and weekday ordinals do not begin", () => {
    const en = configurationFor("en").extractors;
    const time = en.find((e) => e.name === "TimeExtractor")!;
    const range = en.find((e) => e.name === "TimeRangeExtractor")!;
    const holiday = en.find((e) => e.name === "HolidayExtractor")!;
    const no = (e: typeof time, text: string, at = 0) => expect(e.mayStartAt!(text, at), `${e.name} at ${at} of ${JSON.stringify(text)}`).toBe(false);
    const yes = (e: typeof time, text: string, at = 0) => expect(e.mayStartAt!(text, at), `${e.name} at ${at} of ${JSON.stringify(text)}`).toBe(true);
    no(time, "at the loft");
    no(time, "@ murphy's pub");
    no(time, "2 hours");
    no(time, "15 minutes");
    no(time, "3 at 6:30pm", 0);
    no(time, "2.0 of the app");
    no(time, "2026-12-10");
    no(time, "a dish!");
    yes(time, "at the noon");
    yes(time, "at about 7");
    yes(time, "15 minutes past 7");
    yes(time, "7 at night");
    yes(time, "fri 0900", 4);
    no(range, "18th from 7 to 11pm");
    yes(range, "7 - 9pm");
    yes(range, "7to9");
    yes(range, "later than 7 and 9");
    no(holiday, "monday at 9am");
    no(holiday, "new york");
    no(holiday, "st. mark's church");
    yes(holiday, "new year's eve");
    yes(holiday, "new years eve");
    yes(holiday, "next christmas");
    yes(holiday, "st. patrick's day");
    const ordinal = en.find((e) => e.name === "OrdinalDayExtractor")!;
    no(ordinal, "friday at 7");
    no(ordinal, "monday 9am");
    no(ordinal, "sun 123");
    yes(ordinal, "saturday the 28th");
    yes(ordinal, "tue., 19th");
    yes(ordinal, "sunday first");
    yes(ordinal, "the 5th");
  });
});
