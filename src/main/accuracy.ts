/** Scores the golden set in-process for parsing_accuracy_score: at start-up and then on a schedule. */
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type GoldenCaseOutcome, parseGoldenFile, scoreGoldenCase, summarizeGolden } from "../core/eval/golden.js";
import { parse } from "../core/parser/parse.js";

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** The golden files scored; they ship with the package. */
export const ACCURACY_FILES = ["test/data/golden/events-dev.jsonl", "test/data/golden/events-extra.jsonl", "test/data/golden/events-hard.jsonl", "test/data/golden/events-feedback.jsonl"];

export interface ScoringOptions {
  /** Longest run of parses between two turns of the event loop, in ms (default 5). */
  sliceMs?: number;
  /** Monotonic milliseconds (default performance.now). */
  stopwatch?: () => number;
}

/**
 * Accuracy (0..1) of the parser on the golden files. The service scores while it serves, so the cases are
 * parsed in slices of at most `sliceMs`, each followed by a turn of the event loop: scored in one go, the
 * set blocks every request for the whole run (about 0.1 s warm, close to 1 s in a fresh process where
 * every pattern is still being compiled), which is what a request's p99 would then show.
 */
export async function scoreAccuracy(files = ACCURACY_FILES, options: ScoringOptions = {}): Promise<number> {
  const sliceMs = options.sliceMs ?? 5;
  const stopwatch = options.stopwatch ?? (() => performance.now());
  const cases = [];
  for (const file of files) cases.push(...parseGoldenFile(await readFile(resolve(PACKAGE_ROOT, file), "utf8")));
  const outcomes: GoldenCaseOutcome[] = [];
  let sliceStart = stopwatch();
  for (const goldenCase of cases) {
    outcomes.push(scoreGoldenCase(goldenCase, parse));
    if (stopwatch() - sliceStart >= sliceMs) {
      await new Promise((resume) => setImmediate(resume));
      sliceStart = stopwatch();
    }
  }
  return summarizeGolden(outcomes).accuracy;
}

/** Sets `gauge` now (without blocking the caller) and every `intervalMinutes`; returns a stop function. */
export function scheduleAccuracy(set: (value: number) => void, intervalMinutes: number, onError: (error: unknown) => void): () => void {
  const run = () => void scoreAccuracy().then(set, onError);
  setImmediate(run);
  if (intervalMinutes <= 0) return () => undefined;
  const timer = setInterval(run, intervalMinutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
