// The sample source over the service's real metrics: counters summed, 5xx told apart, histograms merged per
// component, the pull-based gauges read, the database probe, and accuracy ignored when nothing scores it.
import { describe, expect, it } from "vitest";
import { metricsSource } from "../../src/ops/alerts/metricsSource.js";
import { createMetrics } from "../../src/ops/metrics.js";

function metricsWith() {
  const metrics = createMetrics({ defaultMetrics: false, rss: () => 900 * 2 ** 20, cacheStats: () => ({ hits: 30, misses: 90 }) });
  metrics.httpRequests.inc({ method: "GET", route: "/events", status: "200" }, 7);
  metrics.httpRequests.inc({ method: "POST", route: "/parse", status: "500" }, 2);
  metrics.httpRequests.inc({ method: "POST", route: "/parse", status: "503" }, 1);
  metrics.httpRequestDuration.observe({ method: "GET", route: "/events", status: "200" }, 0.003);
  metrics.httpRequestDuration.observe({ method: "POST", route: "/parse", status: "500" }, 3);
  metrics.componentLatency.observe({ component: "parser" }, 1.5);
  metrics.componentLatency.observe({ component: "cache" }, 0.0005);
  metrics.parsingAccuracy.set(0.8);
  metrics.cacheHits.inc(30);
  metrics.cacheMisses.inc(90);
  metrics.llmServiceAvailable.set({ backend: "none" }, 0);
  return metrics;
}

describe("metricsSource", () => {
  it("reads every value the rules need from the registry", async () => {
    const sample = await metricsSource({ metrics: metricsWith(), databaseUp: async () => true })();
    expect(sample.requests).toEqual({ total: 10, errors: 3 });
    const durationCounts = sample.requestDuration?.buckets.map((b) => [b.le, b.count]);
    expect(durationCounts?.find(([le]) => le === 0.005)).toEqual([0.005, 1]);
    expect(durationCounts?.find(([le]) => le === 2.5)).toEqual([2.5, 1]);
    expect(durationCounts?.at(-1)).toEqual([Infinity, 2]);
    expect(Object.keys(sample.componentLatency).sort()).toEqual(["cache", "parser"]);
    expect(sample.componentLatency.parser.buckets.find((b) => b.le === 1)?.count).toBe(0);
    expect(sample.componentLatency.parser.buckets.find((b) => b.le === 2)?.count).toBe(1);
    expect(sample.rssBytes).toBe(900 * 2 ** 20);
    expect(sample.parsingAccuracy).toBe(0.8);
    expect(sample.cache).toEqual({ hitRate: 0.25, lookups: 120 });
    expect(sample.llm).toEqual([{ backend: "none", available: false }]);
    expect(sample.databaseUp).toBe(true);
  });

  it("reads a probe that throws as the database down, and no probe as not probed", async () => {
    expect((await metricsSource({ metrics: metricsWith(), databaseUp: async () => Promise.reject(new Error("ECONNREFUSED")) })()).databaseUp).toBe(false);
    expect((await metricsSource({ metrics: metricsWith() })()).databaseUp).toBeNull();
  });

  it("leaves accuracy out when no golden-set scoring keeps the gauge current", async () => {
    expect((await metricsSource({ metrics: metricsWith(), accuracyScored: false })()).parsingAccuracy).toBeNull();
  });

  it("reads an idle service as zero requests and no observations", async () => {
    const sample = await metricsSource({ metrics: createMetrics({ defaultMetrics: false }) })();
    expect(sample.requests).toEqual({ total: 0, errors: 0 });
    expect(sample.requestDuration).toBeNull();
    expect(sample.componentLatency).toEqual({});
    expect(sample.llm).toEqual([]);
  });
});
