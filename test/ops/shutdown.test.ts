// Shutdown: steps in order with their durations logged, failures carried past, the grace bound, and run-once.
import { Writable } from "node:stream";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createShutdown, type ShutdownStep } from "../../src/ops/shutdown.js";

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: "info" }, stream), lines };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function recorder(order: string[]) {
  return (name: string, ms = 0, fail = false): ShutdownStep => ({
    name,
    async run() {
      order.push(`${name}:start`);
      await sleep(ms);
      if (fail) throw new Error(`${name} broke`);
      order.push(`${name}:end`);
    },
  });
}

describe("shutdown", () => {
  it("runs the steps one after another, in order, logging each with its duration", async () => {
    const { logger, lines } = capture();
    const order: string[] = [];
    const step = recorder(order);
    const names = ["stop accepting HTTP", "wait in-flight", "drain workers", "close store", "flush logs"];
    const shutdown = createShutdown({ logger, graceMs: 2_000, steps: [step(names[0], 10), ...names.slice(1).map((n) => step(n))] });

    const report = await shutdown.run("SIGTERM");
    expect(order).toEqual(names.flatMap((n) => [`${n}:start`, `${n}:end`]));
    expect(report).toMatchObject({ signal: "SIGTERM", completed: names, failed: [], unfinished: [], timedOut: false });
    const done = lines.filter((l) => l.msg === "shutdown step done");
    expect(done.map((l) => l.step)).toEqual(names);
    expect(done[0].durationMs).toBeGreaterThanOrEqual(9);
    expect(lines[0]).toMatchObject({ msg: "shutdown started", signal: "SIGTERM", steps: names });
    expect(lines[lines.length - 1]).toMatchObject({ msg: "shutdown complete", timedOut: false });
  });

  it("logs a failing step and still runs the next ones", async () => {
    const { logger, lines } = capture();
    const order: string[] = [];
    const step = recorder(order);
    const report = await createShutdown({ logger, graceMs: 1_000, steps: [step("drain workers", 0, true), step("close store")] }).run("SIGINT");
    expect(report.failed).toEqual([{ name: "drain workers", error: "drain workers broke" }]);
    expect(report.completed).toEqual(["close store"]);
    const failed = lines.find((l) => l.msg === "shutdown step failed");
    expect(failed).toMatchObject({ level: 50, step: "drain workers" });
    expect((failed?.err as { message: string }).message).toBe("drain workers broke");
  });

  it("gives up after graceMs: logs what was left, aborts the running step, starts no other, and resolves", async () => {
    const { logger, lines } = capture();
    let aborted = false;
    let laterStarted = false;
    const hang: ShutdownStep = {
      name: "wait in-flight",
      run: (signal) =>
        new Promise<void>((resolve) => {
          signal.addEventListener("abort", () => {
            aborted = true;
            // Settles later than the deadline: the sequence must not wait for it, nor run the next step after it.
            setTimeout(resolve, 20);
          });
        }),
    };
    const later: ShutdownStep = { name: "close store", run: async () => void (laterStarted = true) };
    const first: ShutdownStep = { name: "stop accepting HTTP", run: async () => {} };

    const started = Date.now();
    const report = await createShutdown({ logger, graceMs: 60, steps: [first, hang, later] }).run("SIGTERM");
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(report).toMatchObject({ completed: ["stop accepting HTTP"], unfinished: ["wait in-flight", "close store"], timedOut: true });
    expect(aborted).toBe(true);
    expect(lines.find((l) => l.level === 40)).toMatchObject({ graceMs: 60, unfinished: ["wait in-flight", "close store"] });
    await sleep(50);
    expect(laterStarted).toBe(false);
  });

  it("runs once: a second signal joins the shutdown under way", async () => {
    const { logger, lines } = capture();
    let runs = 0;
    const shutdown = createShutdown({ logger, graceMs: 1_000, steps: [{ name: "close store", run: async () => void runs++ }] });
    expect(shutdown.started).toBe(false);
    const first = shutdown.run("SIGTERM");
    const second = shutdown.run("SIGTERM");
    expect(shutdown.started).toBe(true);
    expect(second).toBe(first);
    await first;
    await shutdown.run("SIGINT");
    expect(runs).toBe(1);
    expect(lines.filter((l) => l.msg === "shutdown already in progress").map((l) => l.signal)).toEqual(["SIGTERM", "SIGINT"]);
  });

  it("completes at once with no steps", async () => {
    const { logger } = capture();
    const report = await createShutdown({ logger, graceMs: 10, steps: [] }).run("SIGTERM");
    expect(report).toMatchObject({ completed: [], timedOut: false });
  });
});
