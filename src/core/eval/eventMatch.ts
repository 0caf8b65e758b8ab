/** Matching returned events to expected golden events: per-field agreement, a one-to-one assignment, best pairs. */
import type { CalendarEvent } from "../events/event.js";
import { recurrenceMatches, textMatches, timeMatches } from "./compare.js";
import type { GoldenEvent, GoldenField } from "./golden.js";

/** The scored fields, in report order (`titleAlt`/`locationAlt` only widen `title`/`location`). */
export const GOLDEN_FIELDS: readonly GoldenField[] = ["title", "start", "end", "allDay", "recurrence", "location", "timezone"];

/** The fields an expected event lists, and so is scored on. */
export function listedFields(expected: GoldenEvent): GoldenField[] {
  return GOLDEN_FIELDS.filter((field) => expected[field] !== undefined);
}

/** Whether `got` agrees with `expected` on each listed field; `caseZone` stands in for a missing event zone. */
export function fieldAgreement(expected: GoldenEvent, got: CalendarEvent, caseZone: string): Map<GoldenField, boolean> {
  const out = new Map<GoldenField, boolean>();
  for (const field of listedFields(expected)) out.set(field, fieldAgrees(field, expected, got, caseZone));
  return out;
}

function fieldAgrees(field: GoldenField, expected: GoldenEvent, got: CalendarEvent, caseZone: string): boolean {
  switch (field) {
    case "title":
      return textMatches(expected.title ?? null, expected.titleAlt, got.title);
    case "location":
      return textMatches(expected.location ?? null, expected.locationAlt, got.location);
    case "start":
      return timeMatches(expected.start ?? null, got.start, caseZone);
    case "end":
      return timeMatches(expected.end ?? null, got.end, caseZone);
    case "allDay":
      return expected.allDay === got.allDay;
    case "timezone":
      return expected.timezone === got.timezone;
    case "recurrence":
      return recurrenceMatches(
        // An expected event that lists no start is expanded from the returned event's start.
        { rule: expected.recurrence ?? null, start: expected.start ?? got.start ?? null, zone: expected.timezone ?? caseZone },
        // `||`, not `??`: an empty zone string falls back to the case zone too.
        { rule: got.recurrence ?? null, start: got.start ?? null, zone: got.timezone || caseZone },
      );
  }
}

/** True when every entry of an agreement map is true. */
export function allAgree(agreement: Map<GoldenField, boolean>): boolean {
  return [...agreement.values()].every(Boolean);
}

/**
 * A one-to-one assignment (expected index → returned index) where every pair fully agrees, found by
 * backtracking over `matches[i][j]`; null when there is none or the counts differ.
 */
export function findAssignment(matches: boolean[][], returnedCount: number): number[] | null {
  if (matches.length !== returnedCount) return null;
  const used = new Array<boolean>(returnedCount).fill(false);
  const assignment: number[] = [];
  const place = (i: number): boolean => {
    if (i === matches.length) return true;
    for (let j = 0; j < returnedCount; j++) {
      if (used[j] || !matches[i][j]) continue;
      used[j] = true;
      assignment[i] = j;
      if (place(i + 1)) return true;
      used[j] = false;
    }
    return false;
  };
  return place(0) ? assignment : null;
}

/** For one expected event, the index of the returned event agreeing on the most fields (first on ties); -1 when none returned. */
export function bestPair(agreements: Map<GoldenField, boolean>[]): number {
  let best = -1;
  let bestScore = -1;
  agreements.forEach((agreement, j) => {
    const score = [...agreement.values()].filter(Boolean).length;
    if (score > bestScore) [best, bestScore] = [j, score];
  });
  return best;
}
