// The evaluator: Prometheus' `for` semantics (pending → firing → resolved), the transition history capped at 1,000,
// what it presents to the dispatcher each tick, and how it survives a failing source or rule.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createEvaluator, fingerprint, HISTORY_SIZE } from "../../src/ops/alerts/evaluator.js";
import type { AlertRule, Severity } from "../../src/ops/alerts/types.js";
import { MINUTE, reading, scripted, SECOND, T0 } from "./fixtures.js";

/** A rule that holds while the reading's databaseUp is false, one alert per entry of `labels`. */
function toggleRule(options: { forMs: number; severity?: Severity; name?: string; labels?: Array<Record<string, string>> }): AlertRule {
  return {
    name: options.name ?? "Toggle",
    severity: options.severity ?? "warning",
    component: "test",
    forMs: options.forMs,
    runbook: "toggle",
    summary: () => "toggled",
    description: ({ value }) => `value ${value}`,
    evaluate: (history) => (history.latest()?.databaseUp === false ? (options.labels ?? [{}]).map((labels) => ({ labels, value: 1 })) : []),
  };
}

const down = reading({ databaseUp: false });
const up = reading({ databaseUp: true });

describe("for semantics", () => {
  it("is pending while the condition holds for less than `for`, fires once it has held that long, resolves when it stops", async () => {
    const { state, evaluator } = scripted([toggleRule({ forMs: MINUTE })]);
    state.reading = down;
    await evaluator.tick(T0);
    expect(evaluator.active()).toMatchObject([{ name: "Toggle", state: "pending", activeAt: new Date(T0).toISOString(), firedAt: null }]);
    await evaluator.tick(T0 + 30 * SECOND);
    expect(evaluator.active()[0].state).toBe("pending");
    expect(evaluator.recent()).toEqual([]);

    await evaluator.tick(T0 + MINUTE);
    expect(evaluator.active()).toMatchObject([{ state: "firing", firedAt: new Date(T0 + MINUTE).toISOString() }]);
    expect(evaluator.recent()).toMatchObject([{ status: "firing", startsAt: new Date(T0 + MINUTE).toISOString(), endsAt: null }]);

    state.reading = up;
    await evaluator.tick(T0 + 90 * SECOND);
    expect(evaluator.active()).toEqual([]);
    expect(evaluator.recent().map((t) => t.status)).toEqual(["resolved", "firing"]);
    expect(evaluator.recent()[0]).toMatchObject({ startsAt: new Date(T0 + MINUTE).toISOString(), endsAt: new Date(T0 + 90 * SECOND).toISOString() });
  });

  it("drops a pending alert that stops holding, with no transition; holding again starts the clock over", async () => {
    const { state, evaluator, notified } = scripted([toggleRule({ forMs: MINUTE })]);
    state.reading = down;
    await evaluator.tick(T0);
    state.reading = up;
    await evaluator.tick(T0 + 30 * SECOND);
    expect(evaluator.active()).toEqual([]);
    state.reading = down;
    await evaluator.tick(T0 + MINUTE);
    await evaluator.tick(T0 + 90 * SECOND);
    expect(evaluator.active()[0]).toMatchObject({ state: "pending", activeAt: new Date(T0 + MINUTE).toISOString() });
    expect(evaluator.recent()).toEqual([]);
    expect(notified).toEqual([]);
  });

  it("fires on the first evaluation when `for` is 0", async () => {
    const { state, evaluator } = scripted([toggleRule({ forMs: 0 })]);
    state.reading = down;
    await evaluator.tick(T0);
    expect(evaluator.active()[0].state).toBe("firing");
  });

  it("keeps one alert per label set, each with its own fingerprint", async () => {
    const { state, evaluator } = scripted([toggleRule({ forMs: 0, labels: [{ component: "parser" }, { component: "cache" }] })]);
    state.reading = down;
    await evaluator.tick(T0);
    expect(evaluator.active().map((a) => a.fingerprint).sort()).toEqual(['Toggle{component="cache"}', 'Toggle{component="parser"}']);
    expect(evaluator.active().map((a) => a.component).sort()).toEqual(["cache", "parser"]);
    expect(fingerprint("X", { b: "2", a: "1" })).toBe('X{a="1",b="2"}');
  });

  it("lists active alerts most severe first, with the runbook link into docs/operations.md", async () => {
    const { state, evaluator } = scripted([toggleRule({ forMs: 0, name: "Info", severity: "info" }), toggleRule({ forMs: 0, name: "Critical", severity: "critical" }), toggleRule({ forMs: 0, name: "Warning" })]);
    state.reading = down;
    await evaluator.tick(T0);
    expect(evaluator.active().map((a) => a.severity)).toEqual(["critical", "warning", "info"]);
    expect(evaluator.active()[0].runbookUrl).toBe("https://github.com/calendar-api/calendar-api/blob/main/docs/operations.md#toggle");
  });
});

describe("what the dispatcher is told", () => {
  it("every firing alert on every tick (same startsAt, for deduplication), each resolution once", async () => {
    const { state, evaluator, notified } = scripted([toggleRule({ forMs: 0 })]);
    state.reading = down;
    await evaluator.tick(T0);
    await evaluator.tick(T0 + 30 * SECOND);
    await evaluator.tick(T0 + MINUTE);
    state.reading = up;
    await evaluator.tick(T0 + 90 * SECOND);
    await evaluator.tick(T0 + 2 * MINUTE);
    expect(notified.map((t) => [t.status, t.startsAt])).toEqual([
      ["firing", new Date(T0).toISOString()],
      ["firing", new Date(T0).toISOString()],
      ["firing", new Date(T0).toISOString()],
      ["resolved", new Date(T0).toISOString()],
    ]);
  });

  it("tells onTransition of each recorded transition only", async () => {
    const onTransition = vi.fn();
    const state = { reading: down };
    const evaluator = createEvaluator({ source: async () => state.reading, rules: [toggleRule({ forMs: 0 })], clock: { now: () => T0 }, intervalMs: 1000, onTransition });
    await evaluator.tick(T0);
    await evaluator.tick(T0 + SECOND);
    state.reading = up;
    await evaluator.tick(T0 + 2 * SECOND);
    expect(onTransition.mock.calls.map(([t]) => t.status)).toEqual(["firing", "resolved"]);
  });
});

describe("history", () => {
  it(`keeps the last ${HISTORY_SIZE} transitions, newest first, and answers a limit`, async () => {
    const { state, evaluator } = scripted([toggleRule({ forMs: 0 })]);
    // 1,200 ticks alternating down/up: 600 firings and 600 resolutions.
    for (let i = 0; i < 1_200; i++) {
      state.reading = i % 2 === 0 ? down : up;
      await evaluator.tick(T0 + i * SECOND);
    }
    const recent = evaluator.recent();
    expect(recent).toHaveLength(HISTORY_SIZE);
    expect(recent[0]).toMatchObject({ status: "resolved", at: new Date(T0 + 1_199 * SECOND).toISOString() });
    expect(recent.at(-1)).toMatchObject({ status: "firing", at: new Date(T0 + 200 * SECOND).toISOString() });
    expect(evaluator.recent(3).map((t) => t.at)).toEqual([1_199, 1_198, 1_197].map((s) => new Date(T0 + s * SECOND).toISOString()));
    expect(evaluator.recent(0)).toEqual([]);
  });

  it("reports when the rules were last evaluated", async () => {
    const { evaluator } = scripted([toggleRule({ forMs: 0 })]);
    expect(evaluator.lastEvaluation()).toBeNull();
    await evaluator.tick(T0);
    expect(evaluator.lastEvaluation()).toBe(new Date(T0).toISOString());
  });
});

describe("failures", () => {
  it("a source that throws skips the tick and changes nothing", async () => {
    const onError = vi.fn();
    let fail = false;
    const evaluator = createEvaluator({
      source: async () => {
        if (fail) throw new Error("registry unavailable");
        return down;
      },
      rules: [toggleRule({ forMs: 0 })],
      clock: { now: () => T0 },
      intervalMs: 1000,
      onError,
    });
    await evaluator.tick(T0);
    fail = true;
    await evaluator.tick(T0 + SECOND);
    expect(evaluator.active()[0].state).toBe("firing");
    expect(evaluator.lastEvaluation()).toBe(new Date(T0).toISOString());
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: "registry unavailable" }), {});
  });

  it("a rule that throws keeps its alerts as they were; the other rules still run", async () => {
    const onError = vi.fn();
    let broken = false;
    const working = toggleRule({ forMs: 0, name: "Flaky" });
    const flaky: AlertRule = {
      ...working,
      evaluate(history) {
        if (broken) throw new Error("bad rule");
        return working.evaluate(history);
      },
    };
    const evaluator = createEvaluator({ source: async () => down, rules: [flaky, toggleRule({ forMs: 0, name: "Steady" })], clock: { now: () => T0 }, intervalMs: 1000, onError });
    await evaluator.tick(T0);
    broken = true;
    await evaluator.tick(T0 + SECOND);
    expect(evaluator.active().map((a) => a.name).sort()).toEqual(["Flaky", "Steady"]);
    expect(evaluator.recent().filter((t) => t.status === "resolved")).toEqual([]);
    expect(onError).toHaveBeenCalledWith(expect.any(Error), { rule: "Flaky" });
  });
});

describe("start and stop", () => {
  afterEach(() => void vi.useRealTimers());

  it("evaluates at once and then every interval until stopped", async () => {
    vi.useFakeTimers();
    const source = vi.fn(async () => up);
    let now = T0;
    const evaluator = createEvaluator({ source, rules: [toggleRule({ forMs: 0 })], clock: { now: () => now }, intervalMs: 30 * SECOND });
    evaluator.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(source).toHaveBeenCalledTimes(1);
    now += 30 * SECOND;
    await vi.advanceTimersByTimeAsync(30 * SECOND);
    expect(source).toHaveBeenCalledTimes(2);
    expect(evaluator.lastEvaluation()).toBe(new Date(T0 + 30 * SECOND).toISOString());
    await evaluator.stop();
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(source).toHaveBeenCalledTimes(2);
    evaluator.start(); // stopped for good: a late start does not resurrect it
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(source).toHaveBeenCalledTimes(2);
  });
});
