// TEXT escaping, content lines and 75-octet folding: unit cases, and ical.js reading what we write.
import { Buffer } from "node:buffer";
import { describe, expect, it } from "vitest";
import { contentLine, foldLine, parseContentLine, unfoldLines } from "../../src/core/ical/contentLine.js";
import { exportCalendar } from "../../src/core/ical/export.js";
import { escapeText, formatParamValue, unescapeText } from "../../src/core/ical/text.js";
import { parseDuration, parseIcalTime, parseUtcOffset } from "../../src/core/ical/values.js";
import { NOW, parseWithIcalJs, physicalLines, stored } from "./helpers.js";

const TRICKY = "Lunch, drinks; then \\ home\nline 2 🎉 — café 東京";

describe("TEXT escaping", () => {
  it("escapes backslash, semicolon, comma and line breaks", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf\rg")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
  });

  it("unescapes what it escapes, reads \\N as a newline and keeps other escaped characters", () => {
    expect(unescapeText(escapeText(TRICKY))).toBe(TRICKY);
    expect(unescapeText("a\\Nb\\:c\\")).toBe("a\nb:c\\");
  });

  it("round-trips commas, semicolons, newlines and emoji through ical.js", () => {
    const event = stored({ start: "2026-03-03T09:00:00-05:00", title: TRICKY, location: "Bar; Room 2, upstairs", description: "Line 1\nLine 2, with; marks \\ and 👩‍👩‍👧" });
    const [parsed] = parseWithIcalJs(exportCalendar([event], { now: NOW })).events;
    expect(parsed.summary).toBe(TRICKY);
    expect(parsed.location).toBe("Bar; Room 2, upstairs");
    expect(parsed.description).toBe("Line 1\nLine 2, with; marks \\ and 👩‍👩‍👧");
  });

  it("quotes parameter values holding : ; or , and drops double quotes", () => {
    expect(formatParamValue("America/New_York")).toBe("America/New_York");
    expect(formatParamValue("(UTC-05:00) Eastern")).toBe('"(UTC-05:00) Eastern"');
    expect(formatParamValue('say "hi"')).toBe("say hi");
    expect(contentLine("DTSTART", "20260303T090000", { TZID: "a;b" })).toBe('DTSTART;TZID="a;b":20260303T090000');
  });
});

describe("folding", () => {
  const octets = (line: string) => Buffer.byteLength(line, "utf8");

  it("keeps every physical line at 75 octets or fewer and never splits a character", () => {
    const long = `${"é".repeat(40)}${"🎉".repeat(30)}${"東".repeat(50)}x`;
    const folded = foldLine(`DESCRIPTION:${long}`);
    const lines = folded.split("\r\n");
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      // A lone surrogate or a cut multi-byte sequence would not survive a UTF-8 round trip.
      expect(Buffer.from(line, "utf8").toString("utf8")).toBe(line);
    }
    expect(lines.slice(1).every((l) => l.startsWith(" "))).toBe(true);
    expect(folded.replace(/\r\n /g, "")).toBe(`DESCRIPTION:${long}`);
  });

  it("fills lines up to the limit: 75 octets on the first line, 74 plus the space after", () => {
    const lines = foldLine("X".repeat(200)).split("\r\n");
    expect(lines.map(octets)).toEqual([75, 75, 52]);
  });

  it("leaves a line of exactly 75 octets alone", () => {
    expect(foldLine("A".repeat(75))).toBe("A".repeat(75));
  });

  it("folds a whole export so ical.js reads the long values back", () => {
    const title = `Quarterly planning 📅 ${"with a very long title, ".repeat(8)}end`;
    const text = exportCalendar([stored({ start: "2026-03-03T09:00:00-05:00", title })], { now: NOW });
    for (const line of physicalLines(text)) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(parseWithIcalJs(text).events[0].summary).toBe(title);
  });
});

describe("reading content lines", () => {
  it("unfolds space and tab continuations and numbers lines from where they start", () => {
    const lines = unfoldLines("BEGIN:VCALENDAR\r\nSUMMARY:Hel\r\n lo\r\n\twor\n ld\nEND:VCALENDAR\r\n");
    expect(lines).toEqual([
      { text: "BEGIN:VCALENDAR", line: 1 },
      { text: "SUMMARY:Helloworld", line: 2 },
      { text: "END:VCALENDAR", line: 6 },
    ]);
  });

  it("reads names, quoted parameter values with : and ;, and value lists", () => {
    const parsed = parseContentLine({ text: 'dtstart;tzid="(UTC-05:00) Eastern; US";X-A=1,"b,c":20260303T090000', line: 7 });
    expect(parsed).toEqual({ name: "DTSTART", params: { TZID: ["(UTC-05:00) Eastern; US"], "X-A": ["1", "b,c"] }, value: "20260303T090000", line: 7 });
  });

  it("names what is wrong with a broken line", () => {
    expect(parseContentLine({ text: "just some text", line: 1 })).toMatch(/expected ':'/);
    expect(parseContentLine({ text: ":value", line: 1 })).toMatch(/property name/);
    expect(parseContentLine({ text: 'DTSTART;TZID="open:1', line: 1 })).toMatch(/unclosed quote/);
  });
});

describe("values", () => {
  it("reads DATE, floating, UTC date-times and refuses impossible ones", () => {
    expect(parseIcalTime("20260229")).toBeNull();
    expect(parseIcalTime("20280229")).toEqual({ kind: "date", date: { y: 2028, m: 2, d: 29 } });
    expect(parseIcalTime("20260303T090000")).toEqual({ kind: "floating", date: { y: 2026, m: 3, d: 3 }, time: { h: 9, mi: 0, s: 0 } });
    expect(parseIcalTime("20260303T090000Z")?.kind).toBe("utc");
    expect(parseIcalTime("20260303T250000")).toBeNull();
    expect(parseIcalTime("2026-03-03")).toBeNull();
  });

  it("reads durations with nominal days and exact hours", () => {
    expect(parseDuration("PT1H30M")).toEqual({ days: 0, ms: 5_400_000 });
    expect(parseDuration("P1W")).toEqual({ days: 7, ms: 0 });
    expect(parseDuration("-P1DT2S")).toEqual({ days: -1, ms: -2000 });
    expect(parseDuration("P")).toBeNull();
    expect(parseDuration("PT")).toBeNull();
    expect(parseDuration("P1DT")).toBeNull();
    expect(parseDuration("1H")).toBeNull();
  });

  it("reads UTC offsets", () => {
    expect(parseUtcOffset("-0500")).toBe(-300);
    expect(parseUtcOffset("+0530")).toBe(330);
    expect(parseUtcOffset("+5")).toBeNull();
  });
});
