// Health: aggregation to the worst status, per-check timeouts, and each check's thresholds with injected sources.
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { systemClock } from "../../src/ports/clock.js";
import {
  cacheHitRateCheck,
  circuitBreakersCheck,
  createEventLoopDelaySampler,
  databaseCheck,
  diskSpaceCheck,
  eventLoopDelayCheck,
  memoryCheck,
  runHealthChecks,
  standardHealthChecks,
  type EventLoopDelaySample,
  type HealthCheck,
  type HealthStatus,
} from "../../src/ops/health/index.js";

const fixed = (name: string, status: HealthStatus): HealthCheck => ({ name, run: async () => ({ status, detail: { n: name } }) });

describe("runHealthChecks", () => {
  it("is healthy with no checks, and reports the worst status otherwise", async () => {
    expect(await runHealthChecks([], systemClock)).toEqual({ status: "healthy", checks: [] });
    expect((await runHealthChecks([fixed("a", "healthy"), fixed("b", "degraded")], systemClock)).status).toBe("degraded");
    expect((await runHealthChecks([fixed("a", "unhealthy"), fixed("b", "degraded")], systemClock)).status).toBe("unhealthy");
  });

  it("reports name, status, latency, start instant and detail per check, in order", async () => {
    let t = Date.parse("2026-03-01T12:00:00Z");
    const clock = { now: () => t };
    const slow: HealthCheck = { name: "slow", run: async () => ((t += 25), { status: "healthy" }) };
    const report = await runHealthChecks([slow, fixed("b", "degraded")], clock);
    expect(report.checks[0]).toEqual({ name: "slow", status: "healthy", latencyMs: 25, checkedAt: "2026-03-01T12:00:00.000Z", detail: {} });
    expect(report.checks[1]).toMatchObject({ name: "b", status: "degraded", detail: { n: "b" } });
  });

  it("counts a hanging check as unhealthy after the timeout, without waiting for it", async () => {
    const hang: HealthCheck = { name: "hang", run: () => new Promise(() => {}) };
    const started = Date.now();
    const report = await runHealthChecks([hang, fixed("ok", "healthy")], systemClock, { timeoutMs: 50 });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(report.status).toBe("unhealthy");
    expect(report.checks[0]).toMatchObject({ name: "hang", status: "unhealthy", detail: { error: "timed out after 50 ms" } });
    expect(report.checks[1].status).toBe("healthy");
  });

  it("counts a throwing check as unhealthy, with credentials masked in the error", async () => {
    const sync: HealthCheck = {
      name: "sync",
      run: () => {
        throw new Error("no route to postgres://app:pw@db");
      },
    };
    const report = await runHealthChecks([sync], systemClock);
    expect(report.checks[0]).toMatchObject({ status: "unhealthy", detail: { error: "no route to postgres://app:****@db" } });
  });
});

describe("databaseCheck", () => {
  it("is healthy on a quick round trip, degraded when slow, unhealthy when ping throws", async () => {
    let t = 0;
    const clock = { now: () => t };
    expect((await databaseCheck({ ping: async () => void (t += 5), clock }).run()).status).toBe("healthy");
    const slow = await databaseCheck({ ping: async () => void (t += 1_500), slowMs: 1_000, clock }).run();
    expect(slow).toEqual({ status: "degraded", detail: { roundTripMs: 1_500, slowMs: 1_000 } });
    const down = databaseCheck({ ping: async () => Promise.reject(new Error("ECONNREFUSED")) });
    expect((await runHealthChecks([down], systemClock)).checks[0]).toMatchObject({ name: "database", status: "unhealthy", detail: { error: "ECONNREFUSED" } });
  });
});

describe("diskSpaceCheck", () => {
  // 1 000 blocks of 4 KiB, `free` of them free and all of those available to users.
  const disk = (free: number) => async () => ({ bsize: 4096, blocks: 1_000, bfree: free, bavail: free });
  const status = async (free: number, opts = {}) => (await diskSpaceCheck({ dir: "/data", statfs: disk(free), ...opts }).run()).status;

  it("is degraded above 90 % used and unhealthy above 97 %", async () => {
    expect(await status(100)).toBe("healthy"); // 90 % exactly
    expect(await status(99)).toBe("degraded");
    expect(await status(30)).toBe("degraded"); // 97 % exactly
    expect(await status(29)).toBe("unhealthy");
  });

  it("takes the degraded threshold from config and reports the numbers", async () => {
    expect(await status(300, { degradedPercent: 60 })).toBe("degraded");
    const r = await diskSpaceCheck({ dir: "/data", statfs: disk(250) }).run();
    expect(r.detail).toMatchObject({ dir: "/data", usedPercent: 75, freeBytes: 250 * 4096, totalBytes: 1_000 * 4096, degradedPercent: 90, unhealthyPercent: 97 });
  });

  it("counts root-reserved blocks as used, as df does", async () => {
    // 100 free blocks of which only 20 are available to users: 880 / (880 + 20) = 97.8 %.
    const r = await diskSpaceCheck({ dir: "/d", statfs: async () => ({ bsize: 1, blocks: 1_000, bfree: 120, bavail: 20 }) }).run();
    expect(r.status).toBe("unhealthy");
  });

  it("reads the real file system by default", async () => {
    const r = await diskSpaceCheck({ dir: tmpdir() }).run();
    expect(r.detail?.usedPercent).toBeGreaterThanOrEqual(0);
    expect(r.detail?.usedPercent).toBeLessThanOrEqual(100);
  });
});

describe("memoryCheck", () => {
  const heap = (used: number) => () => ({ used_heap_size: used, heap_size_limit: 1_000 });

  it("is degraded above 80 % of the heap limit", async () => {
    expect((await memoryCheck({ heapStatistics: heap(800) }).run()).status).toBe("healthy");
    expect((await memoryCheck({ heapStatistics: heap(801) }).run()).status).toBe("degraded");
    expect((await memoryCheck({ heapStatistics: heap(999) }).run()).status).toBe("degraded");
  });

  it("honours configured thresholds", async () => {
    expect((await memoryCheck({ heapStatistics: heap(600), degradedPercent: 50 }).run()).status).toBe("degraded");
    expect((await memoryCheck({ heapStatistics: heap(960), unhealthyPercent: 95 }).run()).status).toBe("unhealthy");
  });

  it("reads v8 by default", async () => {
    const r = await memoryCheck().run();
    expect(r.detail?.heapLimitBytes).toBeGreaterThan(0);
  });
});

describe("eventLoopDelayCheck", () => {
  const sampler = (s: Partial<EventLoopDelaySample>) => ({ sample: () => ({ samples: 10, p50Ms: 1, p99Ms: 1, maxMs: 1, ...s }), stop: () => {} });

  it("is degraded when p99 exceeds the threshold", async () => {
    expect((await eventLoopDelayCheck({ sampler: sampler({ p99Ms: 100 }), thresholdMs: 100 }).run()).status).toBe("healthy");
    expect((await eventLoopDelayCheck({ sampler: sampler({ p99Ms: 101 }), thresholdMs: 100 }).run()).status).toBe("degraded");
    expect((await eventLoopDelayCheck({ sampler: sampler({ p99Ms: 900 }), thresholdMs: 100, unhealthyMs: 500 }).run()).status).toBe("unhealthy");
  });

  it("is healthy with no samples yet", async () => {
    expect((await eventLoopDelayCheck({ sampler: sampler({ samples: 0, p99Ms: 9e9 }), thresholdMs: 1 }).run()).status).toBe("healthy");
  });

  it("measures a blocked loop with the real sampler, per window", async () => {
    const real = createEventLoopDelaySampler(10);
    try {
      await new Promise((r) => setTimeout(r, 30));
      const until = Date.now() + 120;
      while (Date.now() < until) {
        // Block the loop.
      }
      await new Promise((r) => setTimeout(r, 30));
      const blocked = await eventLoopDelayCheck({ sampler: real, thresholdMs: 50 }).run();
      expect(blocked.status).toBe("degraded");
      expect(blocked.detail?.maxMs).toBeGreaterThan(50);
      await new Promise((r) => setTimeout(r, 50));
      // The previous check reset the window: the 120 ms stall is no longer in it.
      const after = await eventLoopDelayCheck({ sampler: real, thresholdMs: 50 }).run();
      expect(after.detail?.maxMs).toBeLessThan(100);
    } finally {
      real.stop();
    }
  });
});

describe("cacheHitRateCheck", () => {
  const check = (hits: number, misses: number) => cacheHitRateCheck({ stats: () => ({ hits, misses }), minLookups: 100 }).run();

  it("is degraded below a 30 % hit rate once there were enough lookups", async () => {
    expect((await check(29, 71)).status).toBe("degraded");
    expect((await check(30, 70)).status).toBe("healthy");
    expect((await check(0, 99)).status).toBe("healthy"); // too few lookups to judge
    expect((await check(0, 0)).detail).toMatchObject({ hitRate: 0, hits: 0, misses: 0 });
  });
});

describe("circuitBreakersCheck", () => {
  it("is degraded while any breaker is open", async () => {
    expect(await circuitBreakersCheck({ openBreakers: () => [] }).run()).toEqual({ status: "healthy", detail: { open: [] } });
    expect(await circuitBreakersCheck({ openBreakers: async () => ["openai"] }).run()).toEqual({ status: "degraded", detail: { open: ["openai"] } });
  });
});

describe("standardHealthChecks", () => {
  it("builds the checks from the config slice, adding cache and breakers when given", () => {
    const eventLoop = { sample: () => ({ samples: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 }), stop: () => {} };
    const config = { diskThresholdPercent: 85, memoryThresholdPercent: 75, eventLoopDelayThresholdMs: 200 };
    const base = { ping: async () => {}, dataDir: tmpdir(), eventLoop };
    expect(standardHealthChecks(config, base).map((c) => c.name)).toEqual(["database", "disk", "memory", "eventLoop"]);
    expect(standardHealthChecks(config, { ...base, cacheStats: () => ({ hits: 0, misses: 0 }), openBreakers: () => [] }).map((c) => c.name)).toEqual([
      "database",
      "disk",
      "memory",
      "eventLoop",
      "cache",
      "circuitBreakers",
    ]);
  });
});
