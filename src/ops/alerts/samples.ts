/** What the evaluator samples on each tick: the counters, histograms and gauges the alert rules read. */

/** A cumulative histogram: bucket counts by upper bound, ascending, the last bound +Infinity (Prometheus `le`). */
export interface HistogramSample {
  buckets: ReadonlyArray<{ le: number; count: number }>;
}

/**
 * One reading of the service's metrics at `at`. Counters and histograms are cumulative since start (rates come
 * from two samples); gauges are their current value. A field whose source is absent or failed reads as null, and
 * the rules that need it stay quiet, as a Prometheus rule does on a missing series.
 */
export interface Sample {
  /** Epoch ms of the reading. */
  at: number;
  /** http_requests_total summed over labels: all, and those answered 5xx. */
  requests: { total: number; errors: number } | null;
  /** http_request_duration_seconds summed over labels. */
  requestDuration: HistogramSample | null;
  /** component_latency_seconds per component. */
  componentLatency: Readonly<Record<string, HistogramSample>>;
  /** system_memory_usage_bytes (resident set size). */
  rssBytes: number | null;
  /** parsing_accuracy_score (0..1); null when no golden-set scoring runs. */
  parsingAccuracy: number | null;
  /** cache_hit_rate and the lookups behind it (cache_hits_total + cache_misses_total). */
  cache: { hitRate: number; lookups: number } | null;
  /** llm_service_available per backend; backend "none" means no LLM is configured. */
  llm: ReadonlyArray<{ backend: string; available: boolean }>;
  /** The database answered a ping; null when not probed. */
  databaseUp: boolean | null;
}

/** Reads one sample; the evaluator stamps `at`. */
export type SampleSource = () => Promise<Omit<Sample, "at">>;

/** A sample with nothing in it, for tests and sources to start from. */
export function emptySample(at: number): Sample {
  return { at, requests: null, requestDuration: null, componentLatency: {}, rssBytes: null, parsingAccuracy: null, cache: null, llm: [], databaseUp: null };
}
