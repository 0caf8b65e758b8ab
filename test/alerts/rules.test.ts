// The in-process rules: each fires only after its `for` on injected samples and resolves when its condition stops;
// each mirrors its Prometheus counterpart in deploy/prometheus/rules/alerts.yml (severity, `for`, runbook anchor).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { histogramIncrease, histogramQuantile } from "../../src/ops/alerts/histogram.js";
import { ALERT_RULES, MEMORY_THRESHOLD_BYTES } from "../../src/ops/alerts/rules.js";
import type { AlertRule } from "../../src/ops/alerts/types.js";
import { histogram, MINUTE, type Reading, reading, scripted, SECOND, T0 } from "./fixtures.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const rule = (name: string): AlertRule => {
  const found = ALERT_RULES.find((r) => r.name === name);
  if (!found) throw new Error(`no rule ${name}`);
  return found;
};

/**
 * Ticks one rule every 30 s from T0, reading `at(t)` (t in ms since T0), and returns the state of its alert
 * ("pending", "firing" or "-" for none) at each tick, keyed by seconds since T0.
 */
async function timeline(name: string, untilMs: number, at: (t: number) => Reading): Promise<Map<number, string>> {
  const { state, evaluator } = scripted([rule(name)]);
  const states = new Map<number, string>();
  for (let t = 0; t <= untilMs; t += 30 * SECOND) {
    state.reading = at(t);
    await evaluator.tick(T0 + t);
    states.set(t / 1000, evaluator.active()[0]?.state ?? "-");
  }
  return states;
}

/** The first second (since T0) at which the timeline shows `state`. */
const first = (states: Map<number, string>, state: string) => [...states].find(([, s]) => s === state)?.[0];

describe("histogram arithmetic (as PromQL)", () => {
  it("interpolates the quantile inside its bucket, from 0 in the first, and caps +Inf at the highest bound", () => {
    expect(histogramQuantile(0.95, histogram([1, 2], Array(10).fill(1.5)))).toBeCloseTo(1.95);
    expect(histogramQuantile(0.5, histogram([1, 2], Array(10).fill(0.5)))).toBeCloseTo(0.5);
    expect(histogramQuantile(0.95, histogram([1, 2], Array(10).fill(9)))).toBe(2);
    expect(histogramQuantile(0.95, histogram([1, 2], []))).toBeNull();
  });

  it("takes the increase bucket by bucket, and reads a count that went down as a restart", () => {
    const before = histogram([1, 2], [0.5, 1.5]);
    const after = histogram([1, 2], [0.5, 1.5, 1.5, 3]);
    expect(histogramIncrease(before, after).buckets.map((b) => b.count)).toEqual([0, 1, 2]);
    expect(histogramIncrease(after, before)).toEqual(before);
  });
});

describe("HighErrorRate: 5xx over 10% of requests in the last 5 minutes, for 2 minutes", () => {
  // 100 requests every 30 s; 20 of them 5xx until 4 minutes, none after.
  const traffic = (t: number): Reading => {
    const ticks = t / (30 * SECOND);
    const errorTicks = Math.min(ticks, 8);
    return reading({ requests: { total: 100 * ticks, errors: 20 * errorTicks } });
  };

  it("fires 2 minutes after the ratio first crosses 10%, and resolves once the 5-minute ratio is back under", async () => {
    const states = await timeline("HighErrorRate", 12 * MINUTE, traffic);
    expect(states.get(0)).toBe("-"); // one sample: no rate yet
    expect(first(states, "pending")).toBe(30);
    expect(states.get(120)).toBe("pending");
    expect(first(states, "firing")).toBe(150);
    // The window holds 1,000 requests once full; its 160 errors (all sent by 240 s) leave it 20 per tick from
    // 330 s on, and at 390 s the ratio is 100 / 1,000: no longer over 10%.
    expect(states.get(360)).toBe("firing");
    expect([...states].find(([s, state]) => s > 150 && state === "-")?.[0]).toBe(390);
  });

  it("reads no requests as no data, not as 0% or 100%", async () => {
    const states = await timeline("HighErrorRate", 5 * MINUTE, () => reading({ requests: { total: 0, errors: 0 } }));
    expect(new Set(states.values())).toEqual(new Set(["-"]));
  });
});

describe("HighResponseTime: p95 over 2 s in the last 5 minutes, for 5 minutes", () => {
  const bounds = [0.5, 1, 2, 2.5, 5];
  it("fires after 5 minutes of slow requests and resolves when they are fast again", async () => {
    const observations: number[] = [];
    const states = await timeline("HighResponseTime", 16 * MINUTE, (t) => {
      observations.push(...Array(20).fill(t < 7 * MINUTE ? 3 : 0.1));
      return reading({ requestDuration: histogram(bounds, observations) });
    });
    expect(first(states, "pending")).toBe(30);
    expect(states.get(300)).toBe("pending");
    expect(first(states, "firing")).toBe(330);
    expect(states.get(16 * 60)).toBe("-");
  });
});

describe("HighMemoryUsage: resident memory over 800 MiB, for 5 minutes", () => {
  it("fires after 5 minutes over, not at exactly 800 MiB, and resolves below", async () => {
    const states = await timeline("HighMemoryUsage", 8 * MINUTE, (t) => reading({ rssBytes: t < 7 * MINUTE ? MEMORY_THRESHOLD_BYTES + 1 : MEMORY_THRESHOLD_BYTES }));
    expect(first(states, "pending")).toBe(0);
    expect(states.get(270)).toBe("pending");
    expect(first(states, "firing")).toBe(300);
    expect(states.get(7 * 60)).toBe("-");
  });
});

describe("LowParsingAccuracy: accuracy under 0.70, for 10 minutes", () => {
  it("fires after 10 minutes under 70%, resolves at 70%, and stays quiet when nothing is scored", async () => {
    const states = await timeline("LowParsingAccuracy", 12 * MINUTE, (t) => reading({ parsingAccuracy: t < 11 * MINUTE ? 0.65 : 0.7 }));
    expect(states.get(570)).toBe("pending");
    expect(first(states, "firing")).toBe(600);
    expect(states.get(11 * 60)).toBe("-");
    const unscored = await timeline("LowParsingAccuracy", 12 * MINUTE, () => reading({ parsingAccuracy: null }));
    expect(new Set(unscored.values())).toEqual(new Set(["-"]));
  });
});

describe("LowCacheHitRate: hit rate under 30% after at least 100 lookups, for 15 minutes", () => {
  it("ignores a cache with fewer than 100 lookups, then fires after 15 minutes", async () => {
    const states = await timeline("LowCacheHitRate", 20 * MINUTE, (t) => reading({ cache: { hitRate: 0.1, lookups: t < MINUTE ? 99 : 100 } }));
    expect(states.get(30)).toBe("-");
    expect(first(states, "pending")).toBe(60);
    expect(states.get(60 + 14 * 60 + 30)).toBe("pending");
    expect(first(states, "firing")).toBe(60 + 15 * 60);
  });
});

describe("LLMServiceUnavailable: a configured backend unavailable, for 5 minutes", () => {
  it("never fires for backend none; fires per backend after 5 minutes, labelled with it", async () => {
    const none = await timeline("LLMServiceUnavailable", 10 * MINUTE, () => reading({ llm: [{ backend: "none", available: false }] }));
    expect(new Set(none.values())).toEqual(new Set(["-"]));
    const { state, evaluator } = scripted([rule("LLMServiceUnavailable")]);
    state.reading = reading({ llm: [{ backend: "openai", available: false }, { backend: "ollama", available: true }] });
    await evaluator.tick(T0);
    await evaluator.tick(T0 + 5 * MINUTE);
    expect(evaluator.active()).toMatchObject([{ state: "firing", labels: { backend: "openai" }, component: "llm", summary: "LLM backend openai unreachable" }]);
    state.reading = reading({ llm: [{ backend: "openai", available: true }] });
    await evaluator.tick(T0 + 6 * MINUTE);
    expect(evaluator.active()).toEqual([]);
  });
});

describe("HighComponentLatency: a component's p95 over 1 s in the last 5 minutes, for 5 minutes", () => {
  it("fires for the slow component only", async () => {
    const bounds = [0.1, 0.5, 1, 2];
    const slow: number[] = [];
    const fast: number[] = [];
    const { state, evaluator } = scripted([rule("HighComponentLatency")]);
    for (let t = 0; t <= 6 * MINUTE; t += 30 * SECOND) {
      slow.push(1.5, 1.5);
      fast.push(0.05, 0.05);
      state.reading = reading({ componentLatency: { parser: histogram(bounds, slow), cache: histogram(bounds, fast) } });
      await evaluator.tick(T0 + t);
    }
    expect(evaluator.active()).toMatchObject([{ name: "HighComponentLatency", state: "firing", labels: { component: "parser" }, component: "parser" }]);
    expect(evaluator.active()[0].description).toMatch(/component parser is 1\.\d\d s/);
  });
});

describe("DatabaseUnreachable: the database unanswered, for 1 minute", () => {
  it("fires after a minute and resolves on the first good ping", async () => {
    const states = await timeline("DatabaseUnreachable", 3 * MINUTE, (t) => reading({ databaseUp: t >= 2 * MINUTE }));
    expect(states.get(0)).toBe("pending");
    expect(states.get(30)).toBe("pending");
    expect(states.get(60)).toBe("firing");
    expect(states.get(120)).toBe("-");
  });
});

describe("mirroring deploy/prometheus/rules/alerts.yml", () => {
  type PromRule = { alert?: string; for?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  const prometheus = (parse(readFileSync(join(ROOT, "deploy/prometheus/rules/alerts.yml"), "utf8")) as { groups: Array<{ rules: PromRule[] }> }).groups.flatMap((g) => g.rules);
  const minutes = (text: string | undefined) => Number(/^(\d+)m$/.exec(text ?? "0m")?.[1] ?? NaN) * MINUTE;
  const mirrored = ALERT_RULES.filter((r) => r.name !== "DatabaseUnreachable");

  it.each(mirrored.map((r) => [r.name, r] as const))("%s has the same severity, `for` and runbook anchor", (name, r) => {
    const counterpart = prometheus.find((p) => p.alert === name);
    expect(counterpart, `${name} in alerts.yml`).toBeDefined();
    expect(r.severity).toBe(counterpart?.labels?.severity);
    expect(r.forMs).toBe(minutes(counterpart?.for));
    expect(counterpart?.annotations?.runbook_url?.endsWith(`#${r.runbook}`)).toBe(true);
  });

  it("every rule has a severity, summary, description, runbook anchor and `for`", () => {
    expect(ALERT_RULES.map((r) => r.name)).toEqual(["HighErrorRate", "HighResponseTime", "DatabaseUnreachable", "HighMemoryUsage", "LowParsingAccuracy", "LowCacheHitRate", "LLMServiceUnavailable", "HighComponentLatency"]);
    for (const r of ALERT_RULES) {
      expect(["info", "warning", "critical"]).toContain(r.severity);
      expect(r.runbook).toMatch(/^[a-z0-9-]+$/);
      expect(r.forMs).toBeGreaterThan(0);
      const breach = { labels: { backend: "openai", component: "parser" }, value: 1 };
      expect(r.summary(breach).length).toBeGreaterThan(10);
      expect(r.description(breach).length).toBeGreaterThan(20);
    }
  });
});
