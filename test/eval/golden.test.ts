// Golden scoring: one-to-one event matching, the field rules of shared/golden/README.md, and line validation.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CalendarError } from "../../src/core/events/errors.js";
import type { CalendarEvent } from "../../src/core/events/event.js";
import { normalizeText } from "../../src/core/eval/compare.js";
import { type GoldenCase, type GoldenEvent, type GoldenParse, parseGoldenFile, parseGoldenLine, scoreGolden } from "../../src/core/eval/golden.js";
import { formatGoldenReport } from "../../src/core/eval/report.js";

const NY = "America/New_York";
const REFERENCE = "2026-11-23T10:00:00-05:00";

function event(overrides: Partial<CalendarEvent>): CalendarEvent {
  return { title: "", start: "2026-11-24T15:00:00-05:00", end: null, allDay: false, timezone: NY, recurrence: null, location: null, confidence: 0.9, components: {}, ...overrides };
}

function goldenCase(id: string, expectEvents: GoldenEvent[], tags: string[] = []): GoldenCase {
  return { id, text: `text of ${id}`, reference: REFERENCE, timezone: NY, tags, expect: expectEvents };
}

/** A fake parser: the events listed for each case text, whatever the reference. */
function fakeParse(answers: Record<string, CalendarEvent[]>): GoldenParse {
  return (text) => {
    const events = answers[text];
    if (events === undefined) throw new Error(`no answer for ${text}`);
    return { events, meta: { route: "rules", confidence: events.length === 0 ? 0 : Math.min(...events.map((e) => e.confidence)) } };
  };
}

/** Scores a single case against the given returned events. */
function scoreOne(expected: GoldenEvent[], got: CalendarEvent[]) {
  return scoreGolden([goldenCase("c1", expected)], fakeParse({ "text of c1": got }));
}

const dentist: GoldenEvent = { title: "Dentist appointment", start: "2026-11-24T15:00:00-05:00", end: null, allDay: false, recurrence: null, location: null };

describe("scoreGolden", () => {
  it("counts a case whose single event agrees on every listed field", () => {
    const report = scoreOne([dentist], [event({ title: "Dentist appointment" })]);
    expect(report).toMatchObject({ total: 1, correct: 1, accuracy: 1, failures: [] });
  });

  it("fails a case whose start is a different instant, naming the field", () => {
    const report = scoreOne([dentist], [event({ title: "Dentist appointment", start: "2026-11-24T16:00:00-05:00" })]);
    expect(report.correct).toBe(0);
    expect(report.failures[0]).toMatchObject({ id: "c1", fields: ["start"] });
    expect(report.fields.start).toEqual({ correct: 0, total: 1, accuracy: 0 });
    expect(report.fields.title).toEqual({ correct: 1, total: 1, accuracy: 1 });
  });

  it("passes the same instant written with a different offset", () => {
    const expected = { ...dentist, start: "2026-11-24T12:00:00-08:00" };
    expect(scoreOne([expected], [event({ title: "Dentist appointment", start: "2026-11-24T20:00:00Z" })]).correct).toBe(1);
    expect(scoreOne([expected], [event({ title: "Dentist appointment", start: "2026-11-24T15:00:00-05:00" })]).correct).toBe(1);
  });

  it("accepts a title equal to a titleAlt", () => {
    const expected = { title: "Lunch with Sarah", titleAlt: ["Lunch", "Sarah lunch"] };
    expect(scoreOne([expected], [event({ title: "lunch" })]).correct).toBe(1);
    expect(scoreOne([expected], [event({ title: "Dinner" })]).correct).toBe(0);
  });

  it("accepts a location equal to a locationAlt", () => {
    expect(scoreOne([{ location: "Studio 9, 410 W 14th St", locationAlt: ["Studio 9"] }], [event({ location: "studio 9" })]).correct).toBe(1);
  });

  it("compares text after lower-casing, NFKD and collapsing non-letters/digits", () => {
    expect(normalizeText("  Mom's   BIRTHDAY!! ")).toBe("mom s birthday");
    expect(normalizeText("ﬁle Ｎｏ.５")).toBe("file no 5");
    expect(scoreOne([{ title: "Mom's birthday" }], [event({ title: "MOM’S — birthday." })]).correct).toBe(1);
    expect(scoreOne([{ title: "Mom's birthday" }], [event({ title: "Moms birthday" })]).correct).toBe(0);
  });

  it("an expected null title or location wants null or empty", () => {
    expect(scoreOne([{ location: null }], [event({ location: null })]).correct).toBe(1);
    expect(scoreOne([{ location: null }], [event({ location: " - " })]).correct).toBe(1);
    expect(scoreOne([{ location: null }], [event({ location: "Cafe Roma" })]).correct).toBe(0);
  });

  it("an expected null end wants null", () => {
    expect(scoreOne([{ end: null }], [event({ end: "2026-11-24T16:00:00-05:00" })]).correct).toBe(0);
  });

  it("compares all-day values by date, and never equal to a date-time", () => {
    const birthday = { start: "2026-12-05", allDay: true };
    expect(scoreOne([birthday], [event({ start: "2026-12-05", allDay: true })]).correct).toBe(1);
    expect(scoreOne([birthday], [event({ start: "2026-12-06", allDay: true })]).correct).toBe(0);
    expect(scoreOne([birthday], [event({ start: "2026-12-05T00:00:00-05:00", allDay: true })]).correct).toBe(0);
  });

  it("fails a case with an extra event even when the expected one is there", () => {
    const report = scoreOne([dentist], [event({ title: "Dentist appointment" }), event({ title: "Something else" })]);
    expect(report.correct).toBe(0);
    expect(report.failures[0].fields).toEqual(["count"]);
  });

  it("fails a case with a missing event, and counts no field pairs for it", () => {
    const report = scoreOne([dentist], []);
    expect(report.correct).toBe(0);
    expect(report.failures[0].fields).toEqual(["count", "title", "start", "end", "allDay", "recurrence", "location"]);
    expect(report.fields.title.total).toBe(0);
  });

  it("an empty expectation is met by no events", () => {
    expect(scoreOne([], []).correct).toBe(1);
    expect(scoreOne([], [event({ title: "Buy milk" })]).correct).toBe(0);
  });

  it("matches several events one-to-one in any order", () => {
    const a = { title: "Yoga", start: "2026-11-24T07:00:00-05:00" };
    const b = { title: "Pilates", start: "2026-11-25T07:00:00-05:00" };
    const got = [event({ title: "Pilates", start: "2026-11-25T07:00:00-05:00" }), event({ title: "Yoga", start: "2026-11-24T07:00:00-05:00" })];
    expect(scoreOne([a, b], got).correct).toBe(1);
    // Two expected events cannot share one returned event.
    expect(scoreOne([a, a], [got[1], got[0]]).correct).toBe(0);
  });

  it("treats a recurrence written with UNTIL or with COUNT as equal when the occurrences are", () => {
    const expected = { start: "2026-11-24T18:00:00-05:00", recurrence: "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261217T235959", timezone: NY };
    const start = "2026-11-24T18:00:00-05:00";
    expect(scoreOne([expected], [event({ start, recurrence: "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=8" })]).correct).toBe(1);
    expect(scoreOne([expected], [event({ start, recurrence: "FREQ=WEEKLY;BYDAY=TH,TU;UNTIL=20261217T230000Z" })]).correct).toBe(1);
    expect(scoreOne([expected], [event({ start, recurrence: "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=7" })]).correct).toBe(0);
    expect(scoreOne([expected], [event({ start, recurrence: "FREQ=WEEKLY;BYDAY=TU,TH" })]).correct).toBe(0);
    expect(scoreOne([expected], [event({ start, recurrence: null })]).correct).toBe(0);
    expect(scoreOne([expected], [event({ start, recurrence: "every tuesday" })]).correct).toBe(0);
  });

  it("compares recurrences as wall-clock times in each event's own zone", () => {
    // 9am weekly in New York, the returned start written in UTC: same wall-clock occurrences across DST.
    const expected = { recurrence: "FREQ=WEEKLY;BYDAY=MO", start: "2027-03-01T09:00:00-05:00", timezone: NY };
    expect(scoreOne([expected], [event({ start: "2027-03-01T14:00:00Z", recurrence: "FREQ=WEEKLY" })]).correct).toBe(1);
    // The same rule repeating in UTC drifts to 10:00 New York time after the DST change.
    const inUtc = event({ start: "2027-03-01T14:00:00Z", recurrence: "FREQ=WEEKLY", timezone: "UTC" });
    expect(scoreOne([expected], [inUtc]).failures[0]?.fields).toEqual(["recurrence", "timezone"]);
  });

  it("both recurrences null are equal", () => {
    expect(scoreOne([{ recurrence: null }], [event({ recurrence: null })]).correct).toBe(1);
  });

  it("reports per-tag accuracy, per-field accuracy and the confidence split", () => {
    const cases = [goldenCase("a", [dentist], ["time"]), goldenCase("b", [dentist], ["time", "relative"]), goldenCase("c", [{ title: "X" }], ["relative"])];
    const report = scoreGolden(
      cases,
      fakeParse({
        "text of a": [event({ title: "Dentist appointment", confidence: 0.9 })],
        "text of b": [event({ title: "Dentist appointment", start: "2026-11-25T15:00:00-05:00", confidence: 0.5 })],
        "text of c": [event({ title: "X", confidence: 0.8 })],
      }),
    );
    expect(report).toMatchObject({ total: 3, correct: 2 });
    expect(report.accuracy).toBeCloseTo(2 / 3);
    expect(report.tags).toEqual({ relative: { correct: 1, total: 2, accuracy: 0.5 }, time: { correct: 1, total: 2, accuracy: 0.5 } });
    expect(report.fields.title).toEqual({ correct: 3, total: 3, accuracy: 1 });
    expect(report.fields.start).toEqual({ correct: 1, total: 2, accuracy: 0.5 });
    expect(report.confidence.correctMean).toBeCloseTo(0.85);
    expect(report.confidence.wrongMean).toBeCloseTo(0.5);
  });

  it("records a throwing parser as a failed case with its error", () => {
    const report = scoreGolden([goldenCase("boom", [dentist])], () => {
      throw new Error("kaput");
    });
    expect(report.failures[0]).toMatchObject({ id: "boom", error: "kaput", got: [] });
  });
});

describe("formatGoldenReport", () => {
  it("starts with the accuracy line and lists fields, tags, confidence and failures", () => {
    const report = scoreGolden(
      [goldenCase("ok", [dentist], ["time"]), goldenCase("bad", [dentist], ["time"])],
      fakeParse({ "text of ok": [event({ title: "Dentist appointment" })], "text of bad": [event({ title: "Dentist", confidence: 0.4 })] }),
    );
    const text = formatGoldenReport(report);
    const lines = text.split("\n");
    expect(lines[0]).toBe("accuracy: 50.0% (1/2 correct)");
    expect(text).toContain("per field:");
    expect(text).toMatch(/ title\s+50\.0% \(1\/2\)/);
    expect(text).toMatch(/ time\s+50\.0% \(1\/2\)/);
    expect(text).toContain("confidence: correct mean 0.90, wrong mean 0.40");
    expect(text).toContain('bad "text of bad"');
    expect(text).toContain("differs: title");
    expect(text).toContain('"Dentist appointment"');
  });
});

describe("parseGoldenLine", () => {
  const valid = { id: "d001", text: "Dentist tomorrow at 3pm", reference: REFERENCE, timezone: NY, tags: ["time"], expect: [dentist] };
  const line = (patch: Record<string, unknown>): string => JSON.stringify({ ...valid, ...patch });

  it("returns a typed case for a valid line", () => {
    expect(parseGoldenLine(line({}), 1)).toEqual(valid);
    expect(parseGoldenLine(line({ tags: undefined }), 1).tags).toEqual([]);
  });

  it.each([
    ["not json", "{nope", /golden line 7: not valid JSON/],
    ["a missing id", line({ id: "" }), /golden line 7: "id"/],
    ["an unknown zone", line({ timezone: "Mars/Olympus" }), /golden line 7: "timezone"/],
    ["a bad reference", line({ reference: "yesterday" }), /golden line 7: "reference"/],
    ["a non-list expect", line({ expect: {} }), /golden line 7: "expect"/],
    ["an unknown event field", line({ expect: [{ titel: "x" }] }), /golden line 7: expect\[0\]: unknown field "titel"/],
    ["a bad start", line({ expect: [{ start: "Dec 5" }] }), /expect\[0\]: "start"/],
    ["a bad recurrence", line({ expect: [{ recurrence: "FREQ=SOMETIMES" }] }), /expect\[0\]: "recurrence"/],
    ["a non-boolean allDay", line({ expect: [{ allDay: "yes" }] }), /expect\[0\]: "allDay"/],
    ["a non-list titleAlt", line({ expect: [{ titleAlt: "x" }] }), /expect\[0\]: "titleAlt"/],
  ])("rejects %s with INVALID_GOLDEN_FILE naming the line", (_label, text, message) => {
    try {
      parseGoldenLine(text, 7);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarError);
      expect((error as CalendarError).code).toBe("INVALID_GOLDEN_FILE");
      expect((error as CalendarError).message).toMatch(message);
    }
  });

  it("parseGoldenFile skips blank lines and rejects a repeated id", () => {
    expect(parseGoldenFile(`${line({})}\n\n${line({ id: "d002" })}\n`).map((c) => c.id)).toEqual(["d001", "d002"]);
    expect(() => parseGoldenFile(`${line({})}\n${line({})}`)).toThrow(/golden line 2: id "d001" already used on line 1/);
  });

  const shared = "/work/shared/golden/events-dev.jsonl";
  it.skipIf(!existsSync(shared))("accepts every case of the shared golden file", () => {
    const cases = parseGoldenFile(readFileSync(shared, "utf8"));
    expect(cases.length).toBe(80);
    // Scoring the expectations against themselves is a perfect score.
    const asEvents = new Map(cases.map((c) => [c.text, c.expect.map((e) => event({ title: e.title ?? "", start: e.start ?? "", end: e.end ?? null, allDay: e.allDay ?? false, recurrence: e.recurrence ?? null, location: e.location ?? null, timezone: e.timezone ?? c.timezone }))]));
    const report = scoreGolden(cases, (text) => ({ events: asEvents.get(text) ?? [], meta: { route: "rules", confidence: 1 } }));
    expect(report.failures).toEqual([]);
    expect(report.accuracy).toBe(1);
  });
});
