// The peer date/time corpus derived from Duckling (BSD, licence beside the data), scored as its README says.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { parseDucklingLine, scoreDuckling } from "../../src/core/eval/duckling.js";
import { parse } from "../../src/core/parser/parse.js";

it("reads at least 85% of the Duckling corpus as Duckling does", () => {
  const lines = readFileSync(new URL("../data/duckling/duckling-dev.jsonl", import.meta.url), "utf8").split("\n");
  const records = lines.flatMap((line, i) => (line.trim() ? [parseDucklingLine(line, i + 1)] : []));
  const report = scoreDuckling(records, parse);
  expect(records.length).toBe(369);
  expect(report.accuracy, report.failures.map((f) => `${f.id} ${f.text}`).join("\n")).toBeGreaterThanOrEqual(0.85);
});
