/**
 * The alert rules evaluated in-process, mirroring deploy/prometheus/rules/alerts.yml for one process: the same
 * thresholds, windows, `for` durations, severities and runbook anchors (docs/alerts.md). Left out: ServiceDown (a
 * process cannot report its own absence; DatabaseUnreachable is its in-process counterpart), the ingestion alerts
 * (their metrics come with the job queue) and the SLO burn-rate alerts (their windows run to days: Prometheus' job).
 */
import { histogramCount, histogramIncrease, histogramQuantile } from "./histogram.js";
import type { SampleHistory } from "./history.js";
import type { Sample } from "./samples.js";
import type { AlertRule, Breach } from "./types.js";

const MINUTE = 60_000;
/** The rate window of the error-ratio and latency rules (the recording rules' `[5m]`). */
export const RATE_WINDOW_MS = 5 * MINUTE;
/** 800 MB read as 800 MiB, as alerts.yml does (the unit container memory limits use). */
export const MEMORY_THRESHOLD_BYTES = 800 * 1024 * 1024;
/**
 * Lookups before a cache hit rate means anything. Prometheus' rule only asks for one lookup because it sees a
 * fleet; a single process with a handful of lookups would alert on noise.
 */
export const MIN_CACHE_LOOKUPS = 100;

const percent = (v: number) => `${(v * 100).toFixed(1)}%`;
const duration = (seconds: number) => (seconds < 1 ? `${Math.round(seconds * 1000)} ms` : `${seconds.toFixed(2)} s`);
const mebibytes = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
const one = (value: number, holds: boolean): Breach[] => (holds ? [{ labels: {}, value }] : []);

/** 5xx / all requests over the last 5 minutes > 10%, for 2 minutes (job:http_requests_errors:ratio_rate5m). */
const highErrorRate: AlertRule = {
  name: "HighErrorRate",
  severity: "critical",
  component: "http",
  forMs: 2 * MINUTE,
  runbook: "high-error-rate",
  summary: () => "Calendar API error rate above 10%",
  description: ({ value }) => `${percent(value)} of requests answered 5xx over the last 5 minutes (threshold 10%, for 2 minutes).`,
  evaluate(history) {
    const w = history.window(RATE_WINDOW_MS);
    if (!w?.first.requests || !w.last.requests) return [];
    const total = w.last.requests.total - w.first.requests.total;
    const errors = w.last.requests.errors - w.first.requests.errors;
    // No request in the window is no data, not a 0% error rate.
    if (total <= 0) return [];
    return one(errors / total, errors / total > 0.1);
  },
};

/** p95 request duration over the last 5 minutes > 2 s, for 5 minutes (job:http_request_duration_seconds:p95_rate5m). */
const highResponseTime: AlertRule = {
  name: "HighResponseTime",
  severity: "warning",
  component: "http",
  forMs: 5 * MINUTE,
  runbook: "high-response-time",
  summary: () => "Calendar API p95 response time above 2 s",
  description: ({ value }) => `The 95th percentile response time is ${duration(value)} over the last 5 minutes (threshold 2 s, for 5 minutes).`,
  evaluate(history) {
    const w = history.window(RATE_WINDOW_MS);
    if (!w?.last.requestDuration) return [];
    const p95 = histogramQuantile(0.95, histogramIncrease(w.first.requestDuration, w.last.requestDuration));
    return p95 === null ? [] : one(p95, p95 > 2);
  },
};

/** Resident memory > 800 MiB, for 5 minutes (system_memory_usage_bytes). */
const highMemoryUsage: AlertRule = {
  name: "HighMemoryUsage",
  severity: "warning",
  component: "process",
  forMs: 5 * MINUTE,
  runbook: "high-memory-usage",
  summary: () => "Calendar API memory above 800 MB",
  description: ({ value }) => `Resident memory is ${mebibytes(value)} (threshold 800 MiB, for 5 minutes).`,
  evaluate: (history) => gauge(history, (s) => s.rssBytes, (v) => v > MEMORY_THRESHOLD_BYTES),
};

/** Golden-set accuracy < 0.70, for 10 minutes (parsing_accuracy_score). */
const lowParsingAccuracy: AlertRule = {
  name: "LowParsingAccuracy",
  severity: "warning",
  component: "parser",
  forMs: 10 * MINUTE,
  runbook: "low-parsing-accuracy",
  summary: () => "Calendar API parsing accuracy below 70%",
  description: ({ value }) => `The last golden-set evaluation scored ${percent(value)} (threshold 70%, for 10 minutes).`,
  evaluate: (history) => gauge(history, (s) => s.parsingAccuracy, (v) => v < 0.7),
};

/** Parse-cache hit rate < 30% once it has served MIN_CACHE_LOOKUPS lookups, for 15 minutes (cache_hit_rate). */
const lowCacheHitRate: AlertRule = {
  name: "LowCacheHitRate",
  severity: "info",
  component: "cache",
  forMs: 15 * MINUTE,
  runbook: "low-cache-hit-rate",
  summary: () => "Calendar API cache hit rate below 30%",
  description: ({ value }) => `The parse cache has answered ${percent(value)} of lookups since start (threshold 30%, for 15 minutes).`,
  evaluate(history) {
    const cache = history.latest()?.cache;
    if (!cache || cache.lookups < MIN_CACHE_LOOKUPS) return [];
    return one(cache.hitRate, cache.hitRate < 0.3);
  },
};

/** A configured LLM backend failed its probes, for 5 minutes (llm_service_available{backend!="none"} == 0). */
const llmServiceUnavailable: AlertRule = {
  name: "LLMServiceUnavailable",
  severity: "warning",
  component: "llm",
  forMs: 5 * MINUTE,
  runbook: "llm-service-unavailable",
  summary: ({ labels }) => `LLM backend ${labels.backend} unreachable`,
  description: ({ labels }) => `The LLM backend ${labels.backend} has failed its probes for 5 minutes; parsing runs without LLM enhancement.`,
  evaluate: (history) =>
    (history.latest()?.llm ?? []).filter((b) => b.backend !== "none" && !b.available).map((b) => ({ labels: { backend: b.backend }, value: 0 })),
};

/** p95 latency of a parsing component over the last 5 minutes > 1 s, for 5 minutes (component_latency_seconds). */
const highComponentLatency: AlertRule = {
  name: "HighComponentLatency",
  severity: "warning",
  component: "parser",
  forMs: 5 * MINUTE,
  runbook: "high-component-latency",
  summary: ({ labels }) => `Parsing component ${labels.component} p95 latency above 1 s`,
  description: ({ labels, value }) => `The 95th percentile latency of component ${labels.component} is ${duration(value)} over the last 5 minutes (threshold 1 s, for 5 minutes).`,
  evaluate(history) {
    const w = history.window(RATE_WINDOW_MS);
    if (!w) return [];
    const breaches: Breach[] = [];
    for (const [component, latest] of Object.entries(w.last.componentLatency)) {
      const recent = histogramIncrease(w.first.componentLatency[component], latest);
      const p95 = histogramCount(recent) > 0 ? histogramQuantile(0.95, recent) : null;
      if (p95 !== null && p95 > 1) breaches.push({ labels: { component }, value: p95 });
    }
    return breaches;
  },
};

/** The database did not answer its ping, for 1 minute: readiness fails, so the instance is out of service. */
const databaseUnreachable: AlertRule = {
  name: "DatabaseUnreachable",
  severity: "critical",
  component: "database",
  forMs: MINUTE,
  // docs/operations.md's "Database down" incident (no Prometheus alert: ServiceDown covers it there).
  runbook: "database-down",
  summary: () => "Calendar API cannot reach its database",
  description: () => "The event store has not answered its ping for over 1 minute; readiness answers 503 and writes fail.",
  evaluate: (history) => (history.latest()?.databaseUp === false ? [{ labels: {}, value: 0 }] : []),
};

/** Every in-process rule, in the order alerts.yml lists their counterparts. */
export const ALERT_RULES: readonly AlertRule[] = [
  highErrorRate,
  highResponseTime,
  databaseUnreachable,
  highMemoryUsage,
  lowParsingAccuracy,
  lowCacheHitRate,
  llmServiceUnavailable,
  highComponentLatency,
];

function gauge(history: SampleHistory, read: (s: Sample) => number | null, breached: (v: number) => boolean): Breach[] {
  const latest = history.latest();
  const value = latest === undefined ? null : read(latest);
  return value === null ? [] : one(value, breached(value));
}
