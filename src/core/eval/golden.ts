/** The golden event set: case types, line validation and the scoring of shared/golden/README.md. */
import { CalendarError } from "../events/errors.js";
import type { CalendarEvent } from "../events/event.js";
import type { ParseResult } from "../parser/options.js";
import { parseRRule } from "../recurrence/rrule.js";
import { isValidZone, parseIsoInstant } from "../time/zone.js";
import { parsePlainDate } from "./compare.js";
import { GOLDEN_FIELDS, allAgree, bestPair, fieldAgreement, findAssignment, listedFields } from "./eventMatch.js";
import { type Tally, countInto, sortedRecord, tally } from "./tally.js";

/** One expected event: only the fields it lists are scored. */
export interface GoldenEvent {
  title?: string | null;
  /** Other acceptable titles. */
  titleAlt?: string[];
  start?: string | null;
  end?: string | null;
  allDay?: boolean;
  recurrence?: string | null;
  location?: string | null;
  /** Other acceptable locations. */
  locationAlt?: string[];
  timezone?: string;
}

/** A scored field of an expected event. */
export type GoldenField = "title" | "start" | "end" | "allDay" | "recurrence" | "location" | "timezone";

/** One line of a golden file: a text, the moment and zone it was written in, and the events expected from it. */
export interface GoldenCase {
  id: string;
  text: string;
  /** "Now": ISO 8601 date-time. */
  reference: string;
  /** IANA zone the text's wall-clock times are read in. */
  timezone: string;
  /** Empty when the line has none. */
  tags: string[];
  /** `[]` means the text holds no event. */
  expect: GoldenEvent[];
}

/** The parser under test. */
export type GoldenParse = (text: string, options: { reference: string; timezone: string }) => ParseResult;

/** A case that was not correct: `fields` names what differed (`count` when the number of events did). */
export interface GoldenFailure {
  id: string;
  text: string;
  expected: GoldenEvent[];
  got: CalendarEvent[];
  fields: string[];
  /** The message when `parse` threw. */
  error?: string;
}

/** The score of a golden run (shared/golden/README.md). */
export interface GoldenReport {
  total: number;
  correct: number;
  /** correct / total; 0 for no cases. */
  accuracy: number;
  /** Agreement over best pairs (each expected event with the returned event agreeing on most fields). */
  fields: Record<GoldenField, Tally>;
  tags: Record<string, Tally>;
  /** Mean event confidence in correct and in failed cases; null when there was no such event. */
  confidence: { correctMean: number | null; wrongMean: number | null };
  failures: GoldenFailure[];
}

const EVENT_KEYS = new Set<string>([...GOLDEN_FIELDS, "titleAlt", "locationAlt"]);

/**
 * Validates one JSON line of a golden file (`lineNo` is 1-based, for messages). Unknown keys of an expected
 * event are rejected, since they would silently go unscored; extra top-level keys are ignored.
 * @throws CalendarError `INVALID_GOLDEN_FILE` naming the line and the problem.
 */
export function parseGoldenLine(line: string, lineNo: number): GoldenCase {
  const fail = (problem: string): never => {
    throw new CalendarError("INVALID_GOLDEN_FILE", `golden line ${lineNo}: ${problem}`);
  };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return fail(`not valid JSON (${(error as Error).message})`);
  }
  if (!isRecord(value)) return fail("not a JSON object");
  const { id, text, reference, timezone, tags, expect } = value;
  if (typeof id !== "string" || id.trim() === "") return fail('"id" must be a non-empty string');
  if (typeof text !== "string") return fail('"text" must be a string');
  if (typeof timezone !== "string" || !isValidZone(timezone)) return fail('"timezone" must be a known IANA zone');
  if (typeof reference !== "string" || parseIsoInstant(reference, timezone) === null) return fail('"reference" must be an ISO 8601 date-time');
  if (tags !== undefined && !isStringArray(tags)) return fail('"tags" must be a list of strings');
  if (!Array.isArray(expect)) return fail('"expect" must be a list of events');
  const events = expect.map((event, i) => {
    const problem = eventProblem(event);
    return problem === null ? (event as GoldenEvent) : fail(`expect[${i}]: ${problem}`);
  });
  return { id, text, reference, timezone, tags: tags ?? [], expect: events };
}

/** Parses a whole JSONL golden file, skipping blank lines and rejecting repeated ids. */
export function parseGoldenFile(content: string): GoldenCase[] {
  const cases: GoldenCase[] = [];
  const seen = new Map<string, number>();
  content.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    const parsed = parseGoldenLine(line, i + 1);
    const first = seen.get(parsed.id);
    if (first !== undefined) throw new CalendarError("INVALID_GOLDEN_FILE", `golden line ${i + 1}: id "${parsed.id}" already used on line ${first}`);
    seen.set(parsed.id, i + 1);
    cases.push(parsed);
  });
  return cases;
}

function eventProblem(event: unknown): string | null {
  if (!isRecord(event)) return "must be an object";
  const unknown = Object.keys(event).find((key) => !EVENT_KEYS.has(key));
  if (unknown !== undefined) return `unknown field "${unknown}"`;
  for (const key of ["title", "location"] as const) {
    if (event[key] !== undefined && event[key] !== null && typeof event[key] !== "string") return `"${key}" must be a string or null`;
  }
  for (const key of ["titleAlt", "locationAlt"] as const) {
    if (event[key] !== undefined && !isStringArray(event[key])) return `"${key}" must be a list of strings`;
  }
  for (const key of ["start", "end"] as const) {
    const v = event[key];
    if (v !== undefined && v !== null && (typeof v !== "string" || (parsePlainDate(v) === null && parseIsoInstant(v, "UTC") === null))) {
      return `"${key}" must be a YYYY-MM-DD date, an ISO 8601 date-time or null`;
    }
  }
  if (event.allDay !== undefined && typeof event.allDay !== "boolean") return '"allDay" must be a boolean';
  const rule = event.recurrence;
  if (rule !== undefined && rule !== null && (typeof rule !== "string" || parseRRule(rule) === null)) return '"recurrence" must be a supported RRULE or null';
  if (event.timezone !== undefined && (typeof event.timezone !== "string" || !isValidZone(event.timezone))) return '"timezone" must be a known IANA zone';
  return null;
}

/** The outcome of one case, before aggregation. */
export interface GoldenCaseOutcome {
  goldenCase: GoldenCase;
  got: CalendarEvent[];
  correct: boolean;
  /** Per expected event, the agreement with its best returned event (empty map when nothing was returned). */
  pairs: Map<GoldenField, boolean>[];
  error?: string;
}

/** Scores one case against the parser's result (an exception from `parse` counts as no events). */
export function scoreGoldenCase(goldenCase: GoldenCase, parse: GoldenParse): GoldenCaseOutcome {
  let got: CalendarEvent[] = [];
  let error: string | undefined;
  try {
    got = parse(goldenCase.text, { reference: goldenCase.reference, timezone: goldenCase.timezone }).events;
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const agreements = goldenCase.expect.map((expected) => got.map((event) => fieldAgreement(expected, event, goldenCase.timezone)));
  const assignment = findAssignment(agreements.map((row) => row.map(allAgree)), got.length);
  const pairs = agreements.map((row) => row[bestPair(row)] ?? new Map<GoldenField, boolean>());
  return { goldenCase, got, correct: assignment !== null, pairs, ...(error === undefined ? {} : { error }) };
}

/** Runs `parse` on every case and scores it exactly as shared/golden/README.md describes. */
export function scoreGolden(cases: readonly GoldenCase[], parse: GoldenParse): GoldenReport {
  return summarizeGolden(cases.map((c) => scoreGoldenCase(c, parse)));
}

/** Aggregates case outcomes into the report. */
export function summarizeGolden(outcomes: readonly GoldenCaseOutcome[]): GoldenReport {
  const fields = new Map<GoldenField, Tally>(GOLDEN_FIELDS.map((f) => [f, tally(0, 0)]));
  const tags = new Map<string, Tally>();
  const confidences = { correct: [] as number[], wrong: [] as number[] };
  const failures: GoldenFailure[] = [];
  for (const outcome of outcomes) {
    const { goldenCase, got, correct, pairs } = outcome;
    for (const pair of pairs) for (const [field, ok] of pair) countInto(fields, field, ok);
    for (const tag of goldenCase.tags) countInto(tags, tag, correct);
    const bucket = correct ? confidences.correct : confidences.wrong;
    for (const event of got) if (Number.isFinite(event.confidence)) bucket.push(event.confidence);
    if (!correct) failures.push(failureOf(outcome));
  }
  const correct = outcomes.filter((o) => o.correct).length;
  return {
    ...tally(correct, outcomes.length),
    fields: Object.fromEntries(GOLDEN_FIELDS.map((f) => [f, fields.get(f) as Tally])) as Record<GoldenField, Tally>,
    tags: sortedRecord(tags),
    confidence: { correctMean: mean(confidences.correct), wrongMean: mean(confidences.wrong) },
    failures,
  };
}

function failureOf(outcome: GoldenCaseOutcome): GoldenFailure {
  const { goldenCase, got, pairs, error } = outcome;
  const differing = new Set<string>();
  if (got.length !== goldenCase.expect.length) differing.add("count");
  goldenCase.expect.forEach((expected, i) => {
    for (const field of listedFields(expected)) if (pairs[i].get(field) !== true) differing.add(field);
  });
  // Every expected event fully agrees with some returned event, but no one-to-one assignment exists.
  if (differing.size === 0) differing.add("assignment");
  const fields = [...differing].sort((a, b) => order(a) - order(b));
  return { id: goldenCase.id, text: goldenCase.text, expected: goldenCase.expect, got, fields, ...(error === undefined ? {} : { error }) };
}

function order(field: string): number {
  const i = GOLDEN_FIELDS.indexOf(field as GoldenField);
  return i < 0 ? (field === "count" ? -1 : GOLDEN_FIELDS.length) : i;
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}
