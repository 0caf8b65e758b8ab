/** Every Prometheus metric of the service, on an explicit Registry (never prom-client's global one). */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { CacheStats } from "../ports/cache.js";
import { systemClock, type Clock } from "../ports/clock.js";

/** The metric names, as the deployment guide's dashboards and alerts query them. */
export const METRIC_NAMES = {
  httpRequests: "http_requests_total",
  httpRequestDuration: "http_request_duration_seconds",
  parsingConfidence: "parsing_confidence_score",
  parsingAccuracy: "parsing_accuracy_score",
  componentLatency: "component_latency_seconds",
  cacheHitRate: "cache_hit_rate",
  cacheHits: "cache_hits_total",
  cacheMisses: "cache_misses_total",
  parsingErrors: "parsing_errors_total",
  apiErrors: "api_errors_total",
  systemMemory: "system_memory_usage_bytes",
  systemCpu: "system_cpu_usage_percent",
  uptime: "api_uptime_seconds",
  llmServiceAvailable: "llm_service_available",
  eventsStored: "events_stored",
  parses: "parses_total",
} as const;

/** 1 ms … 10 s: the p95 alert sits at 2 s, so the upper buckets are spaced to resolve it. */
export const LATENCY_BUCKETS_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 2.5, 5, 10];
/** Tenths of the 0..1 confidence scale. */
export const CONFIDENCE_BUCKETS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

export interface MetricsOptions {
  /** Time source for uptime and CPU percentage; default the system clock. */
  clock?: Clock;
  /** Epoch ms the service started; default clock.now() at creation. */
  startedAt?: number;
  /** Cache counters read at scrape time for cache_hit_rate; default: the cache_hits/misses_total counters below. */
  cacheStats?: () => Pick<CacheStats, "hits" | "misses">;
  /** Number of stored events, read at scrape time for events_stored; absent leaves the gauge at 0. */
  countEvents?: () => Promise<number>;
  /** Resident set size source; default process.memoryUsage.rss. */
  rss?: () => number;
  /** CPU time used by the process in microseconds; default process.cpuUsage. */
  cpuUsage?: () => { user: number; system: number };
  /** Register prom-client's default Node metrics (process_*, nodejs_*); default true. */
  defaultMetrics?: boolean;
  /** Told when a scrape-time source throws; the gauge keeps its previous value. Default: ignored. */
  onCollectError?: (metric: string, error: unknown) => void;
}

type HttpLabels = "method" | "route" | "status";

/** The typed handles callers use: `metrics.httpRequests.inc({ method, route, status })`. */
export interface Metrics {
  readonly registry: Registry;
  readonly httpRequests: Counter<HttpLabels>;
  readonly httpRequestDuration: Histogram<HttpLabels>;
  readonly parsingConfidence: Histogram;
  /** Set by the golden-set scorer (0..1). */
  readonly parsingAccuracy: Gauge;
  readonly componentLatency: Histogram<"component">;
  readonly cacheHitRate: Gauge;
  readonly cacheHits: Counter;
  readonly cacheMisses: Counter;
  readonly parsingErrors: Counter<"type">;
  readonly apiErrors: Counter<"code">;
  readonly systemMemory: Gauge;
  readonly systemCpu: Gauge;
  readonly uptime: Gauge;
  /** Set to 1/0 by whoever probes the LLM backend. */
  readonly llmServiceAvailable: Gauge<"backend">;
  readonly eventsStored: Gauge;
  readonly parses: Counter<"route">;
  /** The exposition text (awaits the async collect() functions). */
  text(): Promise<string>;
  readonly contentType: string;
}

/**
 * Creates a registry with the default Node metrics and every service metric. Gauges whose value lives elsewhere
 * (memory, CPU, uptime, cache hit rate, stored events) are pull-based: their collect() reads the injected source
 * at scrape time. `aggregator` says how `serve --workers N` combines the workers' values (see clusterMetrics.ts).
 */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  const clock = options.clock ?? systemClock;
  const startedAt = options.startedAt ?? clock.now();
  const rss = options.rss ?? (() => process.memoryUsage.rss());
  const cpuUsage = options.cpuUsage ?? (() => process.cpuUsage());
  const onCollectError = options.onCollectError ?? (() => {});
  const registry = new Registry();
  const registers = [registry];
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });

  const cacheHits = new Counter({ name: METRIC_NAMES.cacheHits, help: "Parse-cache lookups that found a result.", registers });
  const cacheMisses = new Counter({ name: METRIC_NAMES.cacheMisses, help: "Parse-cache lookups that found nothing.", registers });
  const cacheStats =
    options.cacheStats ??
    (async () => ({ hits: await counterValue(cacheHits), misses: await counterValue(cacheMisses) }));

  // CPU percentage is a rate: CPU time used since the previous scrape over the wall time since then.
  let lastCpu = cpuUsage();
  let lastWall = clock.now();

  const metrics: Metrics = {
    registry,
    httpRequests: new Counter({
      name: METRIC_NAMES.httpRequests,
      help: "HTTP requests answered, by method, route pattern and status code.",
      labelNames: ["method", "route", "status"] as const,
      registers,
    }),
    httpRequestDuration: new Histogram({
      name: METRIC_NAMES.httpRequestDuration,
      help: "HTTP request duration in seconds.",
      labelNames: ["method", "route", "status"] as const,
      buckets: LATENCY_BUCKETS_SECONDS,
      registers,
    }),
    parsingConfidence: new Histogram({
      name: METRIC_NAMES.parsingConfidence,
      help: "Confidence (0..1) of each parsed event.",
      buckets: CONFIDENCE_BUCKETS,
      registers,
    }),
    parsingAccuracy: new Gauge({
      name: METRIC_NAMES.parsingAccuracy,
      help: "Accuracy (0..1) of the last golden-set evaluation.",
      aggregator: "max",
      registers,
    }),
    componentLatency: new Histogram({
      name: METRIC_NAMES.componentLatency,
      help: "Latency of a parsing component in seconds.",
      labelNames: ["component"] as const,
      buckets: LATENCY_BUCKETS_SECONDS,
      registers,
    }),
    cacheHitRate: new Gauge({
      name: METRIC_NAMES.cacheHitRate,
      help: "Parse-cache hits / lookups since start (0 before the first lookup).",
      // Each worker has its own cache; the mean of the ratios is the honest single number.
      aggregator: "average",
      registers,
      async collect() {
        try {
          const { hits, misses } = await cacheStats();
          this.set(hits + misses === 0 ? 0 : hits / (hits + misses));
        } catch (error) {
          onCollectError(METRIC_NAMES.cacheHitRate, error);
        }
      },
    }),
    cacheHits,
    cacheMisses,
    parsingErrors: new Counter({
      name: METRIC_NAMES.parsingErrors,
      help: "Parse failures by type.",
      labelNames: ["type"] as const,
      registers,
    }),
    apiErrors: new Counter({
      name: METRIC_NAMES.apiErrors,
      help: "Error responses by error code.",
      labelNames: ["code"] as const,
      registers,
    }),
    systemMemory: new Gauge({
      name: METRIC_NAMES.systemMemory,
      help: "Resident set size of the process in bytes.",
      registers,
      collect() {
        this.set(rss());
      },
    }),
    systemCpu: new Gauge({
      name: METRIC_NAMES.systemCpu,
      help: "CPU used by the process since the previous scrape, in percent of one core.",
      registers,
      collect() {
        const cpu = cpuUsage();
        const wall = clock.now();
        const elapsedMs = wall - lastWall;
        // Two scrapes in the same millisecond: keep the previous value rather than divide by zero.
        if (elapsedMs <= 0) return;
        const usedMs = (cpu.user - lastCpu.user + (cpu.system - lastCpu.system)) / 1000;
        this.set((usedMs / elapsedMs) * 100);
        lastCpu = cpu;
        lastWall = wall;
      },
    }),
    uptime: new Gauge({
      name: METRIC_NAMES.uptime,
      help: "Seconds since the service started.",
      aggregator: "max",
      registers,
      collect() {
        this.set((clock.now() - startedAt) / 1000);
      },
    }),
    llmServiceAvailable: new Gauge({
      name: METRIC_NAMES.llmServiceAvailable,
      help: "1 when the LLM backend answered its last probe, else 0; backend=\"none\" when no LLM is configured (alerts ignore it).",
      labelNames: ["backend"],
      // One worker that cannot reach it is enough to call it unavailable.
      aggregator: "min",
      registers,
    }),
    eventsStored: new Gauge({
      name: METRIC_NAMES.eventsStored,
      help: "Events in the store.",
      // Workers share one store: they all report the same count.
      aggregator: "max",
      registers,
      async collect() {
        if (!options.countEvents) return;
        try {
          this.set(await options.countEvents());
        } catch (error) {
          onCollectError(METRIC_NAMES.eventsStored, error);
        }
      },
    }),
    parses: new Counter({
      name: METRIC_NAMES.parses,
      help: "Texts parsed, by route (rules, llm, hybrid…).",
      labelNames: ["route"] as const,
      registers,
    }),
    text: () => registry.metrics(),
    contentType: registry.contentType,
  };
  return metrics;
}

async function counterValue(counter: Counter): Promise<number> {
  const { values } = await counter.get();
  return values.reduce((sum, v) => sum + v.value, 0);
}
