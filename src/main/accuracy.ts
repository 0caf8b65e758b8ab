/** Scores the golden set in-process for parsing_accuracy_score: at start-up and then on a schedule. */
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseGoldenFile, scoreGolden } from "../core/eval/golden.js";
import { parse } from "../core/parser/parse.js";

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** The golden files scored; they ship with the package. */
export const ACCURACY_FILES = ["test/data/golden/events-dev.jsonl", "test/data/golden/events-extra.jsonl", "test/data/golden/events-hard.jsonl", "test/data/golden/events-feedback.jsonl"];

/** Accuracy (0..1) of the parser on the golden files. */
export async function scoreAccuracy(files = ACCURACY_FILES): Promise<number> {
  const cases = [];
  for (const file of files) cases.push(...parseGoldenFile(await readFile(resolve(PACKAGE_ROOT, file), "utf8")));
  return scoreGolden(cases, parse).accuracy;
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
