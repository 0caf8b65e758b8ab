// Duckling corpus scoring: fixed-offset zones, day vs finer grains, and interval ends one grain earlier.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CalendarEvent } from "../../src/core/events/event.js";
import { type DucklingExpect, type DucklingParse, type DucklingRecord, offsetZoneName, parseDucklingLine, scoreDuckling } from "../../src/core/eval/duckling.js";
import { formatDucklingReport } from "../../src/core/eval/report.js";
import { isValidZone } from "../../src/core/time/zone.js";

const REFERENCE = "2013-02-12T04:30:00.000-02:00";

function record(id: string, text: string, expectValue: DucklingExpect): DucklingRecord {
  return { id, text, reference: REFERENCE, timezone_offset_minutes: -120, expect: expectValue };
}

function event(start: string, end: string | null, allDay = false): CalendarEvent {
  return { title: "", start, end, allDay, timezone: "Etc/GMT+2", recurrence: null, location: null, confidence: 0.8, components: {} };
}

/** A fake parser returning fixed events per text, remembering the zones it was asked for. */
function fakeParse(answers: Record<string, CalendarEvent[]>, zones: string[] = []): DucklingParse {
  return (text, options) => {
    zones.push(options.timezone);
    return { events: answers[text] ?? [], meta: { route: "rules", confidence: 0.8 } };
  };
}

const threeToFour = record("h1", "3-4pm", { kind: "interval", start: "2013-02-12T15:00:00.000-02:00", end: "2013-02-12T17:00:00.000-02:00", grain: "hour" });

describe("offsetZoneName", () => {
  it("names fixed offsets with the inverted Etc/GMT sign", () => {
    expect(offsetZoneName(-120)).toBe("Etc/GMT+2");
    expect(offsetZoneName(60)).toBe("Etc/GMT-1");
    expect(offsetZoneName(0)).toBe("UTC");
    expect(offsetZoneName(840)).toBe("Etc/GMT-14");
    expect(offsetZoneName(-720)).toBe("Etc/GMT+12");
    for (const minutes of [-720, -120, 0, 60, 840]) expect(isValidZone(offsetZoneName(minutes) as string)).toBe(true);
  });

  it("has no name for offsets that are not whole hours or out of range", () => {
    expect(offsetZoneName(330)).toBeNull();
    expect(offsetZoneName(-780)).toBeNull();
  });
});

describe("scoreDuckling", () => {
  it("parses with the reference and the Etc/GMT zone of the record", () => {
    const zones: string[] = [];
    scoreDuckling([threeToFour], fakeParse({}, zones));
    expect(zones).toEqual(["Etc/GMT+2"]);
  });

  it("compares an hour-grain interval end with Duckling's end minus one hour", () => {
    const right = scoreDuckling([threeToFour], fakeParse({ "3-4pm": [event("2013-02-12T15:00:00-02:00", "2013-02-12T16:00:00-02:00")] }));
    expect(right).toMatchObject({ total: 1, correct: 1, accuracy: 1 });
    const wrong = scoreDuckling([threeToFour], fakeParse({ "3-4pm": [event("2013-02-12T15:00:00-02:00", "2013-02-12T17:00:00-02:00")] }));
    expect(wrong.correct).toBe(0);
    expect(wrong.failures[0].reason).toBe("end instant differs");
  });

  it("compares a minute-grain interval end with Duckling's end minus one minute", () => {
    const r = record("m1", "3:30 to 6 PM", { kind: "interval", start: "2013-02-12T15:30:00.000-02:00", end: "2013-02-12T18:01:00.000-02:00", grain: "minute" });
    expect(scoreDuckling([r], fakeParse({ "3:30 to 6 PM": [event("2013-02-12T15:30:00-02:00", "2013-02-12T18:00:00-02:00")] })).correct).toBe(1);
    expect(scoreDuckling([r], fakeParse({ "3:30 to 6 PM": [event("2013-02-12T15:30:00-02:00", null)] })).correct).toBe(0);
  });

  it("compares finer-grain instants as instants, whatever the offset written", () => {
    const r = record("s1", "now", { kind: "instant", start: "2013-02-12T04:30:00.000-02:00", end: null, grain: "second" });
    expect(scoreDuckling([r], fakeParse({ now: [event("2013-02-12T06:30:00Z", null)] })).correct).toBe(1);
    expect(scoreDuckling([r], fakeParse({ now: [event("2013-02-12T04:31:00-02:00", null)] })).failures[0].reason).toBe("start instant differs");
  });

  it("compares day grain by date: an all-day value, or the date of a date-time in the record's zone", () => {
    const r = record("d1", "xmas", { kind: "instant", start: "2013-12-25T00:00:00.000-02:00", end: null, grain: "day", holiday: "Christmas" });
    expect(scoreDuckling([r], fakeParse({ xmas: [event("2013-12-25", null, true)] })).correct).toBe(1);
    expect(scoreDuckling([r], fakeParse({ xmas: [event("2013-12-25T20:00:00-02:00", null)] })).correct).toBe(1);
    // 01:00Z on Dec 26 is still Dec 25 at UTC−2.
    expect(scoreDuckling([r], fakeParse({ xmas: [event("2013-12-26T01:00:00Z", null)] })).correct).toBe(1);
    expect(scoreDuckling([r], fakeParse({ xmas: [event("2013-12-26", null, true)] })).failures[0].reason).toBe("start date differs");
  });

  it("compares a day-grain interval's exclusive all-day end with Duckling's end date", () => {
    const r = record("d2", "18th Dec for 10 days", { kind: "interval", start: "2013-12-18T00:00:00.000-02:00", end: "2013-12-29T00:00:00.000-02:00", grain: "day" });
    expect(scoreDuckling([r], fakeParse({ "18th Dec for 10 days": [event("2013-12-18", "2013-12-29", true)] })).correct).toBe(1);
    expect(scoreDuckling([r], fakeParse({ "18th Dec for 10 days": [event("2013-12-18", "2013-12-28", true)] })).failures[0].reason).toBe("end date differs");
  });

  it("only looks at the first returned event, and no event is wrong", () => {
    const answers = { "3-4pm": [event("2013-02-13T15:00:00-02:00", "2013-02-13T16:00:00-02:00"), event("2013-02-12T15:00:00-02:00", "2013-02-12T16:00:00-02:00")] };
    expect(scoreDuckling([threeToFour], fakeParse(answers)).correct).toBe(0);
    const none = scoreDuckling([threeToFour], fakeParse({}));
    expect(none.failures[0]).toMatchObject({ id: "h1", reason: "no event", got: null });
  });

  it("breaks accuracy down per grain and per kind", () => {
    const xmas = record("d1", "xmas", { kind: "instant", start: "2013-12-25T00:00:00.000-02:00", end: null, grain: "day" });
    const report = scoreDuckling([threeToFour, xmas], fakeParse({ xmas: [event("2013-12-25", null, true)] }));
    expect(report).toMatchObject({ total: 2, correct: 1, accuracy: 0.5 });
    expect(report.grains).toEqual({ day: { correct: 1, total: 1, accuracy: 1 }, hour: { correct: 0, total: 1, accuracy: 0 } });
    expect(report.kinds).toEqual({ instant: { correct: 1, total: 1, accuracy: 1 }, interval: { correct: 0, total: 1, accuracy: 0 } });
    const text = formatDucklingReport(report);
    expect(text.split("\n")[0]).toBe("accuracy: 50.0% (1/2 correct)");
    expect(text).toContain('h1 "3-4pm": no event');
  });
});

describe("parseDucklingLine", () => {
  it("rejects a malformed line naming it", () => {
    expect(() => parseDucklingLine('{"id":"x"}', 3)).toThrow(/duckling line 3/);
    expect(() => parseDucklingLine("nope", 4)).toThrow(/duckling line 4: not valid JSON/);
  });

  const shared = "/work/shared/corpora/duckling-dev.jsonl";
  it.skipIf(!existsSync(shared))("accepts every record of the shared corpus", () => {
    const lines = readFileSync(shared, "utf8").split("\n").filter((l) => l.trim() !== "");
    const records = lines.map((l, i) => parseDucklingLine(l, i + 1));
    expect(records.length).toBe(369);
    expect(records.every((r) => offsetZoneName(r.timezone_offset_minutes) !== null)).toBe(true);
  });
});
