/** Reads a Sample from the service's own metrics (src/ops/metrics.ts) and a database probe. */
import type { Histogram } from "prom-client";
import type { Metrics } from "../metrics.js";
import type { HistogramSample, SampleSource } from "./samples.js";

export interface MetricsSourceOptions {
  metrics: Metrics;
  /** Resolves true when the database answers (a bounded store ping); absent leaves the database unprobed. */
  databaseUp?: () => Promise<boolean>;
  /**
   * Whether parsing_accuracy_score is kept up to date (golden-set scoring on); default true. When off the gauge
   * stays at 0, which is no accuracy at all rather than a bad one.
   */
  accuracyScored?: boolean | (() => boolean);
}

/** A SampleSource over the registry's live values; get() runs the pull-based gauges' collect(). */
export function metricsSource(options: MetricsSourceOptions): SampleSource {
  const { metrics } = options;
  return async () => {
    const [requests, duration, components, memory, accuracy, hitRate, hits, misses, llm, databaseUp] = await Promise.all([
      metrics.httpRequests.get(),
      histogramsBy(metrics.httpRequestDuration, () => "all"),
      histogramsBy(metrics.componentLatency, (labels) => String(labels.component ?? "unknown")),
      metrics.systemMemory.get(),
      metrics.parsingAccuracy.get(),
      metrics.cacheHitRate.get(),
      metrics.cacheHits.get(),
      metrics.cacheMisses.get(),
      metrics.llmServiceAvailable.get(),
      options.databaseUp ? options.databaseUp().catch(() => false) : Promise.resolve(null),
    ]);
    const sum = (values: ReadonlyArray<{ value: number }>) => values.reduce((total, v) => total + v.value, 0);
    return {
      requests: {
        total: sum(requests.values),
        errors: sum(requests.values.filter((v) => String(v.labels.status ?? "").startsWith("5"))),
      },
      requestDuration: duration.all ?? null,
      componentLatency: components,
      rssBytes: memory.values[0]?.value ?? null,
      parsingAccuracy: (typeof options.accuracyScored === "function" ? options.accuracyScored() : (options.accuracyScored ?? true)) ? (accuracy.values[0]?.value ?? null) : null,
      cache: { hitRate: hitRate.values[0]?.value ?? 0, lookups: sum(hits.values) + sum(misses.values) },
      llm: llm.values.map((v) => ({ backend: String(v.labels.backend ?? ""), available: v.value !== 0 })),
      databaseUp,
    };
  };
}

/** A histogram's buckets summed per group of label values (everything but `le`). */
async function histogramsBy<T extends string>(histogram: Histogram<T>, group: (labels: Partial<Record<string, string | number>>) => string): Promise<Record<string, HistogramSample>> {
  const { values } = await histogram.get();
  const byGroup = new Map<string, Map<number, number>>();
  for (const v of values) {
    if (v.metricName !== undefined && !v.metricName.endsWith("_bucket")) continue;
    const { le, ...rest } = v.labels as Record<string, string | number>;
    if (le === undefined) continue;
    const bound = le === "+Inf" ? Infinity : Number(le);
    const key = group(rest);
    const buckets = byGroup.get(key) ?? new Map<number, number>();
    buckets.set(bound, (buckets.get(bound) ?? 0) + v.value);
    byGroup.set(key, buckets);
  }
  return Object.fromEntries(
    [...byGroup].map(([key, buckets]) => [key, { buckets: [...buckets].sort(([a], [b]) => a - b).map(([le, count]) => ({ le, count })) }]),
  );
}
