// Cluster aggregation: workers answer the primary over messages, the primary merges with AggregatorRegistry.
import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import {
  aggregatedMetricsText,
  setupClusterMetricsPrimary,
  setupClusterMetricsWorker,
  type ClusterMetricsMessage,
} from "../../src/ops/clusterMetrics.js";
import { createMetrics } from "../../src/ops/metrics.js";
import { fakeCluster } from "./fakeCluster.js";

const fakeNet = () => fakeCluster<ClusterMetricsMessage>();

function sample(text: string, line: string): number | undefined {
  const found = text.split("\n").find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

describe("cluster metrics", () => {
  it("sums counters and histograms across workers and applies each gauge's aggregator", async () => {
    const net = fakeNet();
    const w1 = createMetrics({ defaultMetrics: false });
    const w2 = createMetrics({ defaultMetrics: false });
    setupClusterMetricsWorker(w1.registry, { channel: net.worker(1) });
    setupClusterMetricsWorker(w2.registry, { channel: net.worker(2) });
    const primary = setupClusterMetricsPrimary(null, { channel: net.primary });

    w1.httpRequests.inc({ method: "GET", route: "/events", status: 200 }, 2);
    w2.httpRequests.inc({ method: "GET", route: "/events", status: 200 }, 3);
    w1.httpRequestDuration.observe({ method: "GET", route: "/events", status: 200 }, 0.02);
    w2.httpRequestDuration.observe({ method: "GET", route: "/events", status: 200 }, 0.03);
    w1.llmServiceAvailable.set({ backend: "openai" }, 1);
    w2.llmServiceAvailable.set({ backend: "openai" }, 0);
    w1.parsingAccuracy.set(0.9);

    const text = await primary.text();
    expect(sample(text, 'http_requests_total{method="GET",route="/events",status="200"}')).toBe(5);
    expect(sample(text, 'http_request_duration_seconds_count{method="GET",route="/events",status="200"}')).toBe(2);
    expect(sample(text, 'llm_service_available{backend="openai"}')).toBe(0); // min: one worker that cannot reach it is enough
    expect(sample(text, "parsing_accuracy_score")).toBe(0.9); // max: only one worker scores the golden set
    expect(text).toContain("# TYPE http_requests_total counter");
  });

  it("lets a worker serve the whole cluster's metrics by asking the primary", async () => {
    const net = fakeNet();
    const w1 = createMetrics({ defaultMetrics: false });
    const w2 = createMetrics({ defaultMetrics: false });
    const side1 = setupClusterMetricsWorker(w1.registry, { channel: net.worker(1) });
    setupClusterMetricsWorker(w2.registry, { channel: net.worker(2) });
    const primaryRegistry = new Registry();
    setupClusterMetricsPrimary(primaryRegistry, { channel: net.primary });
    w1.parses.inc({ route: "rules" });
    w2.parses.inc({ route: "rules" }, 4);

    const text = await side1.text();
    expect(sample(text, 'parses_total{route="rules"}')).toBe(5);
  });

  it("includes the primary's own registry", async () => {
    const primaryRegistry = new Registry();
    const m = createMetrics({ defaultMetrics: false });
    m.apiErrors.inc({ code: "X" });
    const text = await aggregatedMetricsText(m.registry);
    expect(sample(text, 'api_errors_total{code="X"}')).toBe(1);
    expect((await aggregatedMetricsText(primaryRegistry)).trim()).toBe("");
  });

  it("rejects when a worker does not answer in time rather than publish a partial sum", async () => {
    const net = fakeNet();
    net.worker(1); // never answers: no setupClusterMetricsWorker
    const primary = setupClusterMetricsPrimary(null, { channel: net.primary, timeoutMs: 50 });
    await expect(primary.text()).rejects.toThrow(/did not answer within 50 ms/);
  });

  it("skips disconnected workers and answers with nothing when none is up", async () => {
    const net = fakeNet();
    const gone = net.worker(1);
    gone.disconnect();
    const primary = setupClusterMetricsPrimary(null, { channel: net.primary, timeoutMs: 50 });
    expect((await primary.text()).trim()).toBe("");
  });
});
