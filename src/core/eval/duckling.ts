/** The Duckling-derived peer corpus: record types and the scoring of shared/corpora/README.md. */
import { CalendarError } from "../events/errors.js";
import type { CalendarEvent } from "../events/event.js";
import type { ParseResult } from "../parser/options.js";
import { formatDate } from "../time/civil.js";
import { epochToZoned, parseIsoInstant } from "../time/zone.js";
import { parsePlainDate } from "./compare.js";
import { type Tally, countInto, sortedRecord, tally } from "./tally.js";

/** The grain Duckling resolved the expression at. */
export type DucklingGrain = "second" | "minute" | "hour" | "day";
export type DucklingKind = "instant" | "interval";

/** Duckling's value: `end` is exclusive at `grain` for intervals and null for instants. */
export interface DucklingExpect {
  kind: DucklingKind;
  start: string;
  end: string | null;
  grain: DucklingGrain;
  holiday?: string;
}

/** One line of the Duckling-derived corpus. */
export interface DucklingRecord {
  id: string;
  text: string;
  /** "Now": ISO 8601 with offset. */
  reference: string;
  /** The fixed zone of the record, minutes east of UTC (−120 is UTC−2). */
  timezone_offset_minutes: number;
  expect: DucklingExpect;
  source?: string;
  meta?: unknown;
}

/** The parser under test. */
export type DucklingParse = (text: string, options: { reference: string; timezone: string }) => ParseResult;

/** A record scored wrong, with a short reason (`no event`, `start instant differs`, …). */
export interface DucklingFailure {
  id: string;
  text: string;
  expected: DucklingExpect;
  /** The first returned event, or null. */
  got: CalendarEvent | null;
  reason: string;
}

/** The score of a Duckling run, broken down per grain and per kind. */
export interface DucklingReport {
  total: number;
  correct: number;
  accuracy: number;
  grains: Record<string, Tally>;
  kinds: Record<string, Tally>;
  failures: DucklingFailure[];
}

const GRAIN_MS: Record<Exclude<DucklingGrain, "day">, number> = { second: 1000, minute: 60_000, hour: 3_600_000 };
const GRAINS = new Set<string>(["second", "minute", "hour", "day"]);

/**
 * The IANA name of a whole-hour fixed offset: 0 → `UTC`, −120 → `Etc/GMT+2`, +60 → `Etc/GMT-1` (the `Etc`
 * sign is inverted). Null for offsets `Etc/GMT±h` cannot name (not whole hours, or outside −12…+14 hours).
 */
export function offsetZoneName(offsetMinutes: number): string | null {
  if (offsetMinutes === 0) return "UTC";
  if (!Number.isInteger(offsetMinutes) || offsetMinutes % 60 !== 0) return null;
  const hours = offsetMinutes / 60;
  if (hours < -12 || hours > 14) return null;
  return `Etc/GMT${hours > 0 ? "-" : "+"}${Math.abs(hours)}`;
}

/**
 * Validates one JSON line of the corpus (`lineNo` is 1-based).
 * @throws CalendarError `INVALID_GOLDEN_FILE` naming the line and the problem.
 */
export function parseDucklingLine(line: string, lineNo: number): DucklingRecord {
  const fail = (problem: string): never => {
    throw new CalendarError("INVALID_GOLDEN_FILE", `duckling line ${lineNo}: ${problem}`);
  };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return fail(`not valid JSON (${(error as Error).message})`);
  }
  const record = value as Partial<DucklingRecord> | null;
  if (typeof record !== "object" || record === null) return fail("not a JSON object");
  if (typeof record.id !== "string" || typeof record.text !== "string") return fail('"id" and "text" must be strings');
  if (typeof record.reference !== "string" || parseIsoInstant(record.reference, "UTC") === null) return fail('"reference" must be an ISO 8601 date-time');
  if (typeof record.timezone_offset_minutes !== "number") return fail('"timezone_offset_minutes" must be a number');
  const e = record.expect;
  if (typeof e !== "object" || e === null) return fail('"expect" must be an object');
  if (e.kind !== "instant" && e.kind !== "interval") return fail('"expect.kind" must be "instant" or "interval"');
  if (!GRAINS.has(e.grain)) return fail('"expect.grain" must be second, minute, hour or day');
  if (typeof e.start !== "string" || parseIsoInstant(e.start, "UTC") === null) return fail('"expect.start" must be an ISO 8601 date-time');
  if (e.kind === "interval" && (typeof e.end !== "string" || parseIsoInstant(e.end, "UTC") === null)) return fail('"expect.end" must be an ISO 8601 date-time for an interval');
  return record as DucklingRecord;
}

/** Parses every record with its reference and fixed zone and compares the first returned event with `expect`. */
export function scoreDuckling(records: readonly DucklingRecord[], parse: DucklingParse): DucklingReport {
  const grains = new Map<string, Tally>();
  const kinds = new Map<string, Tally>();
  const failures: DucklingFailure[] = [];
  let correct = 0;
  for (const record of records) {
    const { got, reason } = judge(record, parse);
    const ok = reason === null;
    if (ok) correct++;
    else failures.push({ id: record.id, text: record.text, expected: record.expect, got, reason });
    countInto(grains, record.expect.grain, ok);
    countInto(kinds, record.expect.kind, ok);
  }
  return { ...tally(correct, records.length), grains: sortedRecord(grains), kinds: sortedRecord(kinds), failures };
}

/** The first event and why it is wrong (null reason when right). */
function judge(record: DucklingRecord, parse: DucklingParse): { got: CalendarEvent | null; reason: string | null } {
  const zone = offsetZoneName(record.timezone_offset_minutes);
  if (zone === null) return { got: null, reason: `no IANA zone for offset ${record.timezone_offset_minutes} minutes` };
  let got: CalendarEvent | null;
  try {
    got = parse(record.text, { reference: record.reference, timezone: zone }).events[0] ?? null;
  } catch (error) {
    return { got: null, reason: `parse threw: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (got === null) return { got, reason: "no event" };
  const { kind, grain, start, end } = record.expect;
  if (grain === "day") {
    const expectedStart = dateIn(start, zone);
    if (expectedStart === null || dateIn(got.start, zone) !== expectedStart) return { got, reason: "start date differs" };
    if (kind === "interval") {
      // Our all-day end is exclusive, like Duckling's day-grain end.
      const expectedEnd = end === null ? null : dateIn(end, zone);
      if (expectedEnd === null || got.end === null || dateIn(got.end, zone) !== expectedEnd) return { got, reason: "end date differs" };
    }
    return { got, reason: null };
  }
  const expectedStart = parseIsoInstant(start, zone);
  if (expectedStart === null || parseIsoInstant(got.start, zone) !== expectedStart) return { got, reason: "start instant differs" };
  if (kind === "interval") {
    // Duckling's end is exclusive at the grain ("3:30 to 6 PM" ends 18:01); ours is the stated end.
    const expectedEnd = end === null ? null : parseIsoInstant(end, zone);
    const gotEnd = got.end === null ? null : parseIsoInstant(got.end, zone);
    if (expectedEnd === null || gotEnd !== expectedEnd - GRAIN_MS[grain]) return { got, reason: "end instant differs" };
  }
  return { got, reason: null };
}

/** `YYYY-MM-DD` of a plain date, or of a date-time's wall-clock date in `zone`; null when unreadable. */
function dateIn(value: string, zone: string): string | null {
  const plain = parsePlainDate(value);
  if (plain !== null) return formatDate(plain);
  const instant = parseIsoInstant(value, zone);
  return instant === null ? null : formatDate(epochToZoned(instant, zone).date);
}
