// The project's golden event sets, scored exactly as the eval command scores them: the accuracy floor.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseGoldenFile, scoreGolden } from "../../src/core/eval/golden.js";
import { parse } from "../../src/core/parser/parse.js";

const read = (name: string) => readFileSync(new URL(`../data/golden/${name}`, import.meta.url), "utf8");

describe("golden event set", () => {
  for (const file of ["events-dev.jsonl", "events-extra.jsonl"]) {
    const cases = parseGoldenFile(read(file));
    it(`${file}: at least 95% of ${cases.length} cases fully correct`, () => {
      const report = scoreGolden(cases, parse);
      const failures = report.failures.map((f) => `${f.id}: ${f.text}`);
      expect(cases.length).toBeGreaterThan(0);
      expect(report.accuracy, failures.join("\n")).toBeGreaterThanOrEqual(0.95);
    });
  }

  it("wrong answers carry lower confidence than right ones on average", () => {
    const cases = [...parseGoldenFile(read("events-dev.jsonl")), ...parseGoldenFile(read("events-extra.jsonl"))];
    const report = scoreGolden(cases, parse);
    if (report.confidence.wrongMean === null) return; // nothing wrong: nothing to compare
    expect(report.confidence.correctMean).toBeGreaterThan(report.confidence.wrongMean);
  });
});
