// The metrics registry: every promised name with its type, pull-based gauges from injected sources, isolation.
import { register as globalRegistry } from "prom-client";
import { describe, expect, it } from "vitest";
import { createMetrics, METRIC_NAMES } from "../../src/ops/metrics.js";

const TYPES: Record<keyof typeof METRIC_NAMES, "counter" | "gauge" | "histogram"> = {
  httpRequests: "counter",
  httpRequestDuration: "histogram",
  parsingConfidence: "histogram",
  parsingAccuracy: "gauge",
  componentLatency: "histogram",
  cacheHitRate: "gauge",
  cacheHits: "counter",
  cacheMisses: "counter",
  parsingErrors: "counter",
  apiErrors: "counter",
  systemMemory: "gauge",
  systemCpu: "gauge",
  uptime: "gauge",
  llmServiceAvailable: "gauge",
  eventsStored: "gauge",
  parses: "counter",
};

/** The sample value of `name` with exactly these labels (rendered as in the exposition), or undefined. */
function sample(text: string, name: string, labels = ""): number | undefined {
  const prefix = labels ? `${name}{${labels}} ` : `${name} `;
  const line = text.split("\n").find((l) => l.startsWith(prefix));
  return line === undefined ? undefined : Number(line.slice(prefix.length));
}

function fakeClock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe("createMetrics", () => {
  it("exposes every metric of the deployment guide with its type", async () => {
    const text = await createMetrics().text();
    for (const [key, name] of Object.entries(METRIC_NAMES)) {
      expect(text).toContain(`# TYPE ${name} ${TYPES[key as keyof typeof METRIC_NAMES]}`);
    }
    expect(text).toContain("# TYPE process_cpu_user_seconds_total counter");
    expect(text).toContain("# TYPE nodejs_eventloop_lag_seconds gauge");
  });

  it("labels requests by method, route and status, and buckets durations from 1 ms to 10 s", async () => {
    const m = createMetrics({ defaultMetrics: false });
    m.httpRequests.inc({ method: "POST", route: "/parse", status: 200 });
    m.httpRequests.inc({ method: "POST", route: "/parse", status: 200 });
    m.httpRequestDuration.observe({ method: "POST", route: "/parse", status: 200 }, 0.004);
    m.componentLatency.observe({ component: "date_extraction" }, 0.0002);
    m.parsingConfidence.observe(0.85);
    m.parses.inc({ route: "rules" });
    m.parsingErrors.inc({ type: "no_date" });
    m.apiErrors.inc({ code: "VALIDATION_ERROR" });
    const text = await m.text();
    expect(sample(text, "http_requests_total", 'method="POST",route="/parse",status="200"')).toBe(2);
    expect(sample(text, "http_request_duration_seconds_bucket", 'le="0.001",method="POST",route="/parse",status="200"')).toBe(0);
    expect(sample(text, "http_request_duration_seconds_bucket", 'le="0.005",method="POST",route="/parse",status="200"')).toBe(1);
    expect(text).toContain('http_request_duration_seconds_bucket{le="10",');
    expect(sample(text, "parsing_confidence_score_bucket", 'le="0.8"')).toBe(0);
    expect(sample(text, "parsing_confidence_score_bucket", 'le="0.9"')).toBe(1);
    expect(sample(text, "parsing_confidence_score_bucket", 'le="1"')).toBe(1);
    expect(sample(text, "component_latency_seconds_count", 'component="date_extraction"')).toBe(1);
    expect(sample(text, "parses_total", 'route="rules"')).toBe(1);
    expect(sample(text, "parsing_errors_total", 'type="no_date"')).toBe(1);
    expect(sample(text, "api_errors_total", 'code="VALIDATION_ERROR"')).toBe(1);
  });

  it("keeps caller-set gauges", async () => {
    const m = createMetrics({ defaultMetrics: false });
    m.parsingAccuracy.set(0.91);
    m.llmServiceAvailable.set({ backend: "openai" }, 1);
    const text = await m.text();
    expect(sample(text, "parsing_accuracy_score")).toBe(0.91);
    expect(sample(text, 'llm_service_available{backend="openai"}')).toBe(1);
  });

  it("reads the pull-based gauges from the injected sources at scrape time", async () => {
    const clock = fakeClock();
    let rss = 123_456_789;
    let cpu = { user: 0, system: 0 };
    let stored = 7;
    const stats = { hits: 3, misses: 1 };
    const m = createMetrics({
      defaultMetrics: false,
      clock,
      startedAt: clock.now() - 5_000,
      rss: () => rss,
      cpuUsage: () => cpu,
      cacheStats: () => stats,
      countEvents: async () => stored,
    });

    clock.advance(1_000);
    cpu = { user: 300_000, system: 200_000 }; // 500 ms of CPU in 1 000 ms of wall time
    let text = await m.text();
    expect(sample(text, "system_memory_usage_bytes")).toBe(123_456_789);
    expect(sample(text, "system_cpu_usage_percent")).toBe(50);
    expect(sample(text, "api_uptime_seconds")).toBe(6);
    expect(sample(text, "cache_hit_rate")).toBe(0.75);
    expect(sample(text, "events_stored")).toBe(7);

    clock.advance(2_000);
    cpu = { user: 400_000, system: 300_000 }; // 200 ms more in 2 000 ms: since the previous scrape, not since start
    rss = 1;
    stored = 8;
    stats.misses = 3;
    text = await m.text();
    expect(sample(text, "system_cpu_usage_percent")).toBe(10);
    expect(sample(text, "system_memory_usage_bytes")).toBe(1);
    expect(sample(text, "api_uptime_seconds")).toBe(8);
    expect(sample(text, "cache_hit_rate")).toBe(0.5);
    expect(sample(text, "events_stored")).toBe(8);
  });

  it("derives cache_hit_rate from its own counters when no stats source is given", async () => {
    const m = createMetrics({ defaultMetrics: false });
    expect(sample(await m.text(), "cache_hit_rate")).toBe(0);
    m.cacheHits.inc(9);
    m.cacheMisses.inc();
    const text = await m.text();
    expect(sample(text, "cache_hit_rate")).toBe(0.9);
    expect(sample(text, "cache_hits_total")).toBe(9);
    expect(sample(text, "cache_misses_total")).toBe(1);
  });

  it("keeps the last value and reports when an async source fails, instead of failing the scrape", async () => {
    const errors: string[] = [];
    let fail = false;
    const m = createMetrics({
      defaultMetrics: false,
      countEvents: async () => {
        if (fail) throw new Error("db down");
        return 4;
      },
      onCollectError: (metric) => errors.push(metric),
    });
    expect(sample(await m.text(), "events_stored")).toBe(4);
    fail = true;
    expect(sample(await m.text(), "events_stored")).toBe(4);
    expect(errors).toEqual(["events_stored"]);
  });

  it("gives each instance its own registry and never touches the global one", async () => {
    const before = await globalRegistry.getMetricsAsJSON();
    const a = createMetrics();
    const b = createMetrics();
    a.httpRequests.inc({ method: "GET", route: "/health", status: 200 });
    expect(a.registry).not.toBe(b.registry);
    expect(sample(await a.text(), "http_requests_total", 'method="GET",route="/health",status="200"')).toBe(1);
    expect(sample(await b.text(), "http_requests_total", 'method="GET",route="/health",status="200"')).toBeUndefined();
    expect(await globalRegistry.getMetricsAsJSON()).toEqual(before);
    expect(a.contentType).toContain("text/plain");
  });
});
