// The project's golden event sets, scored exactly as the eval command scores them: the accuracy floor.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseGoldenFile, scoreGolden } from "../../src/core/eval/golden.js";
import { parse } from "../../src/core/parser/parse.js";

const read = (name: string) => readFileSync(new URL(`../data/golden/${name}`, import.meta.url), "utf8");

describe("golden event set", () => {
  for (const file of ["events-dev.jsonl", "events-extra.jsonl", "events-hard.jsonl"]) {
    const cases = parseGoldenFile(read(file));
    it(`${file}: at least 95% of ${cases.length} cases fully correct`, () => {
      const report = scoreGolden(cases, parse);
      const failures = report.failures.map((f) => `${f.id}: ${f.text}`);
      expect(cases.length).toBeGreaterThan(0);
      expect(report.accuracy, failures.join("\n")).toBeGreaterThanOrEqual(0.95);
    });
  }

  it("wrong answers carry lower confidence than right ones on average (when there are wrong answers)", () => {
    const cases = ["events-dev.jsonl", "events-extra.jsonl", "events-hard.jsonl"].flatMap((f) => parseGoldenFile(read(f)));
    const report = scoreGolden(cases, parse);
    expect(report.confidence.correctMean).not.toBeNull();
    if (report.confidence.wrongMean !== null) expect(report.confidence.correctMean).toBeGreaterThan(report.confidence.wrongMean);
  });
});
