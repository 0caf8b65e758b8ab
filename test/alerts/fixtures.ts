/** Shared pieces of the alerting tests: samples built by hand, a scripted sample source, a recording logger. */
import { vi } from "vitest";
import { type AlertEvaluator, createEvaluator } from "../../src/ops/alerts/evaluator.js";
import { emptySample, type HistogramSample, type Sample } from "../../src/ops/alerts/samples.js";
import type { AlertRule, AlertTransition } from "../../src/ops/alerts/types.js";

export const T0 = Date.parse("2026-03-01T12:00:00Z");
export const SECOND = 1_000;
export const MINUTE = 60_000;

/** What the next tick reads; tests change it between ticks. */
export type Reading = Omit<Sample, "at">;

export function reading(overrides: Partial<Reading> = {}): Reading {
  const { at: _at, ...empty } = emptySample(0);
  return { ...empty, ...overrides };
}

/** A cumulative histogram over `bounds` (+Inf added) from raw observations. */
export function histogram(bounds: number[], observations: number[]): HistogramSample {
  return { buckets: [...bounds, Infinity].map((le) => ({ le, count: observations.filter((o) => o <= le).length })) };
}

/** An evaluator over a mutable reading, with the transitions it notified (every tick's firing ones and resolutions). */
export function scripted(rules?: readonly AlertRule[], historySize?: number) {
  const state = { reading: reading() };
  const notified: AlertTransition[] = [];
  const evaluator: AlertEvaluator = createEvaluator({
    source: async () => state.reading,
    rules,
    clock: { now: () => T0 },
    intervalMs: 30 * SECOND,
    historySize,
    notify: (t) => void notified.push(t),
  });
  return { state, notified, evaluator };
}

/** A pino-shaped logger whose calls the test can read. */
export function recordingLogger() {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
}

/** A transition as the evaluator would present it, for notifier tests. */
export function transition(overrides: Partial<AlertTransition> = {}): AlertTransition {
  return {
    status: "firing",
    at: "2026-03-01T12:02:00.000Z",
    name: "HighErrorRate",
    fingerprint: "HighErrorRate",
    severity: "critical",
    component: "http",
    labels: {},
    value: 0.25,
    summary: "Calendar API error rate above 10%",
    description: "25.0% of requests answered 5xx over the last 5 minutes (threshold 10%, for 2 minutes).",
    runbookUrl: "https://github.com/calendar-api/calendar-api/blob/main/docs/operations.md#high-error-rate",
    startsAt: "2026-03-01T12:02:00.000Z",
    endsAt: null,
    ...overrides,
  };
}

/** The same alert resolved a minute later. */
export function resolvedOf(t: AlertTransition): AlertTransition {
  return { ...t, status: "resolved", at: "2026-03-01T12:03:00.000Z", endsAt: "2026-03-01T12:03:00.000Z" };
}
