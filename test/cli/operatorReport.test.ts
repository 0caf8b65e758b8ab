// `calendar-api report` and the log summary behind it and `check`: real log files (live, rotated .gz, a truncated
// .gz) in a temporary directory with a fixed "now"; windows, percentiles per route, error grouping, confidences.
import { utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { reportCommand } from "../../src/main/commands/reportCommand.js";
import { main } from "../../src/main/cli.js";
import { summarizeLogs } from "../../src/main/ops/logSummary.js";
import { captureIo, DAY, HOUR, isoAgo, tempDir, writeJsonLines } from "./operatorHelpers.js";

const NOW = Date.parse("2026-11-23T09:00:00Z");

function perf(ago: number, method: string, route: string, duration_ms: number, status = 200) {
  return { level: "info", time: isoAgo(NOW, ago), channel: "performance", component: "http", method, route, status, duration_ms };
}

function writeLogs(dir: string): void {
  writeJsonLines(join(dir, "performance-metrics.log"), [
    ...[10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((d) => perf(HOUR, "POST", "/parse", d)),
    perf(HOUR, "POST", "/parse", 1000, 500),
    ...[5, 5, 5, 5].map((d) => perf(2 * HOUR, "GET", "/events", d)),
    perf(2 * HOUR, "GET", "/events", 5, 404),
    { level: "info", time: isoAgo(NOW, HOUR), channel: "performance", component: "parser", duration_ms: 3 },
    perf(3 * DAY, "POST", "/parse", 50),
    perf(10 * DAY, "POST", "/parse", 99_999, 500),
  ]);
  writeFileSync(join(dir, "performance-metrics.log"), "not json at all\n", { flag: "a" });
  const rotated = join(dir, "performance-metrics.log.1.gz");
  writeJsonLines(rotated, [1, 2, 3, 4].map(() => perf(2 * DAY, "GET", "/health", 2)));
  utimesSync(rotated, new Date(NOW - 2 * DAY), new Date(NOW - 2 * DAY));
  // Last written 20 days ago: never opened for a day or a week (its lines would count if it were).
  const old = join(dir, "performance-metrics.log.2.gz");
  writeJsonLines(old, [perf(HOUR, "GET", "/stale", 1)]);
  utimesSync(old, new Date(NOW - 20 * DAY), new Date(NOW - 20 * DAY));

  const error = (ago: number, msg: string, err?: string) => ({ level: "error", time: isoAgo(NOW, ago), msg, ...(err ? { err: { type: "Error", message: err } } : {}) });
  writeJsonLines(join(dir, "calendar-api-errors.log"), [
    error(2 * DAY, "ancient"),
    error(3 * HOUR, "unhandled error", "boom"),
    error(2 * HOUR, "unhandled error", "boom"),
    error(HOUR, "store down"),
    error(HOUR, "unhandled error", "boom"),
  ]);

  const parse = (route: string, confidence: number | null, events = 1) => ({ level: "info", time: isoAgo(NOW, HOUR), channel: "parsing_decisions", component: "parsing_router", route, confidence, events, duration_ms: 1 });
  writeJsonLines(join(dir, "parsing-decisions.log"), [parse("rules", 0.95), parse("cache", 0.95), parse("rules", 0.8), parse("rules", 0.6), parse("cache", 0.2), parse("rules", null, 0)]);
}

describe("log summary", () => {
  const tmp = tempDir("report");
  beforeAll(() => writeLogs(tmp.dir));
  afterAll(() => tmp.remove());

  it("counts the last day: requests, 5xx/4xx, nearest-rank percentiles per route", async () => {
    const s = await summarizeLogs(tmp.dir, NOW - DAY, NOW);
    expect(s.requests).toMatchObject({ count: 16, serverErrors: 1, clientErrors: 1, errorRate: 1 / 16, p50: 30, p95: 1000, max: 1000 });
    expect(s.requests.byRoute.map((r) => r.route)).toEqual(["POST /parse", "GET /events"]);
    expect(s.requests.byRoute[0]).toMatchObject({ count: 11, serverErrors: 1, p50: 60, p95: 1000, p99: 1000 });
    expect(s.requests.byRoute[1]).toMatchObject({ count: 5, serverErrors: 0, errorRate: 0, p50: 5, p95: 5 });
    expect(s.problems).toEqual([]);
  });

  it("a week includes the rotated .gz file but not the rotation last written before the window, nor older lines", async () => {
    const s = await summarizeLogs(tmp.dir, NOW - 7 * DAY, NOW);
    expect(s.requests.count).toBe(21);
    expect(s.requests.byRoute.find((r) => r.route === "GET /health")).toMatchObject({ count: 4, p50: 2 });
    expect(s.requests.byRoute.some((r) => r.route === "GET /stale")).toBe(false);
    expect(s.requests.max).toBe(1000);
  });

  it("groups errors by message (with the error's own message) and ranks them", async () => {
    const s = await summarizeLogs(tmp.dir, NOW - DAY, NOW);
    expect(s.errors).toEqual({ count: 4, top: [{ message: "unhandled error: boom", count: 3 }, { message: "store down", count: 1 }] });
  });

  it("counts parses by route and buckets their confidence", async () => {
    const s = await summarizeLogs(tmp.dir, NOW - DAY, NOW);
    expect(s.parses).toMatchObject({ count: 6, byRoute: { rules: 4, cache: 2 }, noEvent: 1, meanConfidence: 0.7 });
    expect(s.parses.confidence.map((b) => [b.range, b.count])).toEqual([
      ["[0.0, 0.3)", 1],
      ["[0.3, 0.5)", 0],
      ["[0.5, 0.7)", 1],
      ["[0.7, 0.9)", 1],
      ["[0.9, 1.0]", 2],
    ]);
  });

  it("reads what it can of a truncated .gz (a rotation being compressed) and names it", async () => {
    const other = tempDir("report-trunc");
    try {
      writeJsonLines(join(other.dir, "parsing-decisions.log"), [{ time: isoAgo(NOW, HOUR), route: "rules", confidence: 0.9, events: 1 }]);
      const full = gzipSync(Array.from({ length: 200 }, () => `${JSON.stringify({ time: isoAgo(NOW, 2 * HOUR), route: "cache", confidence: 0.5, events: 1 })}\n`).join(""));
      writeFileSync(join(other.dir, "parsing-decisions.log.1.gz"), full.subarray(0, full.length - 12));
      const s = await summarizeLogs(other.dir, NOW - DAY, NOW);
      expect(s.parses.byRoute.rules).toBe(1);
      expect(s.problems).toHaveLength(1);
      expect(s.problems[0]).toMatch(/parsing-decisions\.log\.1\.gz/);
    } finally {
      other.remove();
    }
  });

  it("a missing directory summarises to zeros", async () => {
    const s = await summarizeLogs(join(tmp.dir, "nope"), NOW - DAY, NOW);
    expect(s.requests.count).toBe(0);
    expect(s.requests.p95).toBeNull();
    expect(s.errors.count).toBe(0);
  });
});

describe("calendar-api report", () => {
  const tmp = tempDir("report-cmd");
  const { config } = loadConfig({ env: {}, cwd: tmp.dir });
  beforeAll(() => writeLogs(tmp.dir));
  afterAll(() => tmp.remove());

  it("--period day --json: the summary, the accuracy scored in-process without --url, and the seed SLOs", async () => {
    const h = captureIo(NOW);
    const code = await reportCommand({ period: "day", logs: tmp.dir, json: true }, h.io, config, ".", async () => 0.9);
    expect(code).toBe(0);
    const report = JSON.parse(h.out());
    expect(report).toMatchObject({ period: "day", since: "2026-11-22T09:00:00.000Z", until: "2026-11-23T09:00:00.000Z" });
    expect(report.logs.requests.count).toBe(16);
    expect(report.accuracy).toMatchObject({ value: 0.9, source: "golden" });
    expect(report.slo.errorRate).toMatchObject({ value: 1 / 16, met: false });
    expect(report.slo.p95).toMatchObject({ value: 1000, met: true });
    expect(report.slo.accuracy).toMatchObject({ value: 0.9, met: true });
    expect(report.cache).toBeNull();
  });

  it("--period week as text: a table per route, the confidence histogram, top errors, SLO verdicts", async () => {
    const h = captureIo(NOW);
    expect(await reportCommand({ period: "week", logs: tmp.dir, json: false }, h.io, config, ".", async () => 0.6)).toBe(0);
    const text = h.out();
    expect(text).toMatch(/^calendar-api report: week, 2026-11-16T09:00:00.000Z \.\. 2026-11-23T09:00:00.000Z/);
    expect(text).toMatch(/^requests\s+21\s+5xx 1 \(4\.8%\)\s+4xx 1/m);
    expect(text).toMatch(/^\s+POST \/parse\s+12\s+8\.3%/m);
    expect(text).toMatch(/^\s+GET \/health\s+4\s+0\.0%\s+2 ms/m);
    expect(text).toMatch(/^\s+\[0\.9, 1\.0\]\s+2\s+#{30}$/m);
    expect(text).toMatch(/^\s+3\s+unhandled error: boom$/m);
    expect(text).toMatch(/^\s+parsing accuracy > 85%\s+MISSED/m);
  });

  it("an unreachable --url falls back to scoring in-process and says why", async () => {
    const h = captureIo(NOW);
    await reportCommand({ period: "day", logs: tmp.dir, url: "http://127.0.0.1:9", json: true }, h.io, config, ".", async () => 0.75);
    const report = JSON.parse(h.out());
    expect(report.accuracy.source).toBe("golden");
    expect(report.accuracy.note).toMatch(/did not answer/);
  });

  it("bad usage through the CLI: one line, exit 2", async () => {
    for (const argv of [["report", "--period", "month"], ["report", "--bogus"]]) {
      const h = captureIo(NOW);
      expect(await main(argv, h.io)).toBe(2);
      expect(h.err().trim().split("\n")).toHaveLength(1);
    }
  });
});
