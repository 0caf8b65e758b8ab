// The loggers: which lines land in which file, request ids, redaction in the written line, rotation with gzip.
import { readFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLogger, LOG_FILES, type LoggerConfig, type Loggers } from "../../src/ops/logger.js";
import { createRotatingSink } from "../../src/ops/logSink.js";

let dir: string;
let open: Loggers[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "ops-logger-"));
});
afterEach(async () => {
  await Promise.all(open.map((l) => l.close()));
  open = [];
  await rm(dir, { recursive: true, force: true });
});

function make(overrides: Partial<LoggerConfig> = {}): Loggers {
  const logs = createLogger({ level: "info", dir, maxFileSizeMb: 10, maxFiles: 3, stdout: false, ...overrides });
  open.push(logs);
  return logs;
}

async function lines(name: string): Promise<Array<Record<string, unknown>>> {
  const text = await readFile(join(dir, name), "utf8").catch(() => "");
  return text
    .split("\n")
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe("log files", () => {
  it("writes everything at or above the level to calendar-api.log and only errors to the errors file", async () => {
    const logs = make();
    logs.root.debug("too quiet");
    logs.root.info("hello");
    logs.root.warn("careful");
    logs.root.error({ err: new Error("boom") }, "it broke");
    logs.root.fatal("down");
    await logs.flush();

    expect((await lines(LOG_FILES.app)).map((l) => l.msg)).toEqual(["hello", "careful", "it broke", "down"]);
    const errors = await lines(LOG_FILES.errors);
    expect(errors.map((l) => l.msg)).toEqual(["it broke", "down"]);
    expect(errors[0].level).toBe("error");
    expect((errors[0].err as { message: string }).message).toBe("boom");
    expect(typeof errors[0].time).toBe("string");
  });

  it("writes one line per parse decision to parsing-decisions.log (and the app log), none to the errors file", async () => {
    const logs = make();
    const decision = { textHash: "ab12", route: "rules", confidence_breakdown: { date: 0.9, time: 0.8 }, durationMs: 3 };
    logs.parsingDecisions.info(decision, "parse decision");
    logs.parsingDecisions.child({ requestId: "r-1" }).info({ ...decision, textHash: "cd34" }, "parse decision");
    logs.root.info("unrelated");
    await logs.flush();

    const parsed = await lines(LOG_FILES.parsingDecisions);
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toMatchObject({ ...decision, channel: "parsing_decisions", component: "parsing_router" });
    expect(parsed[1]).toMatchObject({ textHash: "cd34", requestId: "r-1" });
    expect((await lines(LOG_FILES.app)).map((l) => l.msg)).toEqual(["parse decision", "parse decision", "unrelated"]);
    expect(await lines(LOG_FILES.errors)).toEqual([]);
    expect(await lines(LOG_FILES.performance)).toEqual([]);
  });

  it("writes timings to performance-metrics.log", async () => {
    const logs = make();
    logs.performance.info({ component: "date_extraction", duration_ms: 1.5 }, "component timing");
    logs.performance.info({ route: "/parse", duration_ms: 12 }, "request timing");
    await logs.flush();
    const perf = await lines(LOG_FILES.performance);
    expect(perf.map((l) => l.duration_ms)).toEqual([1.5, 12]);
    expect(perf[0]).toMatchObject({ channel: "performance", component: "date_extraction" });
    expect(await lines(LOG_FILES.parsingDecisions)).toEqual([]);
  });

  it("keeps the channel files complete when the level is above info", async () => {
    const logs = make({ level: "warn" });
    logs.parsingDecisions.info({ textHash: "x" }, "parse decision");
    logs.root.info("dropped");
    await logs.flush();
    expect(await lines(LOG_FILES.parsingDecisions)).toHaveLength(1);
    expect(await lines(LOG_FILES.app)).toEqual([]);
  });

  it("carries requestId on every line of a request child logger", async () => {
    const logs = make();
    const req = logs.root.child({ requestId: "req-42" });
    req.info("start");
    req.child({ step: "parse" }).warn("slow");
    req.error("failed");
    await logs.flush();
    for (const l of await lines(LOG_FILES.app)) expect(l.requestId).toBe("req-42");
    expect((await lines(LOG_FILES.errors))[0].requestId).toBe("req-42");
  });

  it("creates the directory when it is missing", async () => {
    const nested = join(dir, "a", "b");
    const logs = createLogger({ level: "info", dir: nested, maxFileSizeMb: 1, maxFiles: 1, stdout: false });
    open.push(logs);
    logs.root.info("x");
    await logs.flush();
    expect(await readdir(nested)).toContain(LOG_FILES.app);
  });

  it("logs to no file when dir is null", async () => {
    const logs = make({ dir: null });
    logs.root.error("nowhere");
    logs.parsingDecisions.info("nowhere");
    await logs.flush();
    expect(await readdir(dir)).toEqual([]);
  });

  it("drops lines after close, and close is idempotent", async () => {
    const logs = make();
    logs.root.info("before");
    await Promise.all([logs.close(), logs.close()]);
    logs.root.info("after");
    await logs.flush();
    expect((await lines(LOG_FILES.app)).map((l) => l.msg)).toEqual(["before"]);
  });
});

describe("buffering", () => {
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

  it("writes the lines of one event-loop turn together, after the turn", async () => {
    const logs = make();
    for (let i = 0; i < 5; i++) logs.performance.info({ i }, "timing");
    // Nothing is written while the turn that logged is still running…
    expect(readFileSync(join(dir, LOG_FILES.performance), "utf8")).toBe("");
    await nextTurn();
    // …and everything is once it has ended, without a flush.
    expect((await lines(LOG_FILES.performance)).map((l) => l.i)).toEqual([0, 1, 2, 3, 4]);
    expect(await lines(LOG_FILES.app)).toHaveLength(5);
  });

  it("writes an error line at once, with the lines buffered before it", () => {
    const logs = make();
    logs.root.info("before");
    logs.root.error({ err: new Error("boom") }, "it broke");
    // Read synchronously, in the same turn: a crash right after an error must not lose it.
    const read = (name: string) => readFileSync(join(dir, name), "utf8").trim().split("\n").map((l) => JSON.parse(l).msg);
    expect(read(LOG_FILES.errors)).toEqual(["it broke"]);
    expect(read(LOG_FILES.app)).toEqual(["before", "it broke"]);
  });
});

describe("redaction in written lines", () => {
  it("masks secret keys at depth, in bindings, in messages and in errors", async () => {
    const logs = make();
    const child = logs.root.child({ requestId: "r", auth: { apiKey: "k-123" } });
    child.info(
      {
        config: { store: { databaseUrl: "postgres://app:hunter2@db/cal" }, llm: { openaiApiKey: "sk-live" } },
        headers: { authorization: "Bearer tok", "x-api-key": "k-456", Cookie: "sid=zz" },
      },
      "connecting to postgres://app:hunter2@db/cal",
    );
    child.error({ err: new Error("auth failed for redis://:hunter2@cache") }, "queue down");
    await logs.flush();

    const raw = await readFile(join(dir, LOG_FILES.app), "utf8");
    for (const secret of ["hunter2", "k-123", "sk-live", "Bearer tok", "k-456", "sid=zz"]) expect(raw).not.toContain(secret);
    const [first, second] = await lines(LOG_FILES.app);
    expect(first.msg).toBe("connecting to postgres://app:****@db/cal");
    expect(first).toMatchObject({
      requestId: "r",
      auth: { apiKey: "[REDACTED]" },
      config: { store: { databaseUrl: "postgres://app:****@db/cal" }, llm: { openaiApiKey: "[REDACTED]" } },
      headers: { authorization: "[REDACTED]", "x-api-key": "[REDACTED]", Cookie: "[REDACTED]" },
    });
    expect((second.err as { message: string }).message).toBe("auth failed for redis://:****@cache");
  });
});

describe("rotation", () => {
  it("rotates a sink at the size limit into a gzip file and reports it through 'rotated'", async () => {
    const sink = createRotatingSink({ path: join(dir, "r.log"), maxBytes: 1024, maxFiles: 2 });
    const rotated = new Promise<string>((resolve) => sink.events.once("rotated", resolve));
    const line = `${JSON.stringify({ msg: "x".repeat(90) })}\n`; // ~100 bytes
    for (let i = 0; i < 12; i++) sink.write(line);
    const name = await rotated;
    await sink.flush();
    expect(name).toBe(join(dir, "r.log.1.gz"));
    const unzipped = gunzipSync(await readFile(name)).toString("utf8");
    expect(unzipped.length).toBeGreaterThanOrEqual(1024);
    expect(unzipped.split("\n").filter(Boolean).every((l) => JSON.parse(l).msg.length === 90)).toBe(true);
    await sink.close();
  });

  it("keeps at most maxFiles rotated files per log file", async () => {
    const logs = make({ maxFileSizeMb: 1 / 1024, maxFiles: 2 });
    for (let i = 0; i < 60; i++) logs.root.info({ i, pad: "y".repeat(100) }, "filler");
    // A write's callback fires after any rotation it triggered, so flush() also waits for rotation and compression.
    await logs.flush();
    const files = (await readdir(dir)).sort();
    expect(files.filter((f) => f.startsWith(`${LOG_FILES.app}.`))).toEqual([`${LOG_FILES.app}.1.gz`, `${LOG_FILES.app}.2.gz`]);
    // The newest rotated file holds lines just before the live file's.
    const newest = gunzipSync(await readFile(join(dir, `${LOG_FILES.app}.1.gz`))).toString("utf8").trim().split("\n");
    const live = await lines(LOG_FILES.app);
    expect(JSON.parse(newest[newest.length - 1]).i + 1).toBe(live[0]?.i ?? 60);
  });

  it("keeps rotations in order when they follow each other faster than compression", async () => {
    const sink = createRotatingSink({ path: join(dir, "fast.log"), maxBytes: 1024, maxFiles: 3 });
    const line = (i: number) => `${JSON.stringify({ i, pad: "p".repeat(200) })}\n`;
    // About 230 bytes a line: a rotation every five lines, several in one turn.
    for (let i = 0; i < 40; i++) sink.write(line(i));
    await sink.flush();
    const files = (await readdir(dir)).sort();
    // Nothing left aside once flush() has resolved: every rotation is compressed in place.
    expect(files).toEqual(["fast.log", "fast.log.1.gz", "fast.log.2.gz", "fast.log.3.gz"]);
    const numbers = (text: string) => text.split("\n").filter(Boolean).map((l) => JSON.parse(l).i as number);
    const gz = (n: number) => numbers(gunzipSync(readFileSync(join(dir, `fast.log.${n}.gz`))).toString("utf8"));
    const sequence = [...gz(3), ...gz(2), ...gz(1), ...numbers(readFileSync(join(dir, "fast.log"), "utf8"))];
    // The newest lines in order, oldest rotation first, with no gap and no line twice.
    expect(sequence).toEqual(Array.from({ length: sequence.length }, (_, k) => 40 - sequence.length + k));
    await sink.close();
  });

  it("rotates an existing oversized file when it opens", async () => {
    await writeFile(join(dir, "old.log"), "z".repeat(2048));
    const sink = createRotatingSink({ path: join(dir, "old.log"), maxBytes: 1024, maxFiles: 1 });
    const rotated = new Promise<string>((resolve) => sink.events.once("rotated", resolve));
    sink.write("fresh\n");
    await rotated;
    await sink.flush();
    expect(await readFile(join(dir, "old.log"), "utf8")).toBe("fresh\n");
    expect(gunzipSync(await readFile(join(dir, "old.log.1.gz"))).toString()).toBe("z".repeat(2048));
    await sink.close();
  });
});
