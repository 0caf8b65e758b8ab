/**
 * The ingestion metrics (job queue, scraper, dedup), on the service's explicit registry. Queue depths are
 * pull-based (read from the queue at scrape time); counters and histograms are fed by the job and scrape
 * observers. Names are the ones the ingestion dashboard and the alert rules query.
 */
import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import type { JobCounts } from "../ports/jobQueue.js";

export const INGEST_METRIC_NAMES = {
  queueDepth: "queue_depth",
  deadLetterDepth: "dead_letter_queue_depth",
  activeWorkers: "active_workers",
  jobsProcessed: "jobs_processed_total",
  jobDuration: "job_processing_duration_seconds",
  eventsExtracted: "scraper_events_extracted_total",
  dedupRatio: "scraper_deduplication_ratio",
  scrapeDuration: "scraper_execution_time_seconds",
  scraperErrors: "scraper_errors_total",
} as const;

/** 10 ms … 10 min: an ingest job reads a document and writes its events; a slow scrape waits on politeness delays. */
export const JOB_BUCKETS_SECONDS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

export interface IngestMetricsSources {
  /** The queue's name, as the `queue` label. */
  queue: string;
  /** Job counts read at scrape time; absent leaves the depth gauges at 0 (a process with no queue). */
  counts?: () => Promise<JobCounts>;
  /** Worker slots running in this process. */
  activeWorkers: () => number;
  onCollectError?: (metric: string, error: unknown) => void;
}

export interface IngestMetrics {
  readonly jobsProcessed: Counter<"queue" | "status">;
  readonly jobDuration: Histogram<"queue">;
  readonly eventsExtracted: Counter<"kind">;
  readonly dedupRatio: Gauge;
  readonly scrapeDuration: Histogram<"kind">;
  readonly scraperErrors: Counter<"kind" | "reason">;
}

export function createIngestMetrics(registry: Registry, sources: IngestMetricsSources): IngestMetrics {
  const registers = [registry];
  const onCollectError = sources.onCollectError ?? (() => undefined);
  const counts = async (): Promise<JobCounts | null> => (sources.counts ? sources.counts() : null);

  new Gauge({
    name: INGEST_METRIC_NAMES.queueDepth,
    help: "Jobs waiting to run (ready or in backoff), by queue.",
    labelNames: ["queue"] as const,
    // Every process reads the same shared queue.
    aggregator: "max",
    registers,
    async collect() {
      try {
        const c = await counts();
        if (c) this.set({ queue: sources.queue }, c.waiting + c.delayed);
      } catch (error) {
        onCollectError(INGEST_METRIC_NAMES.queueDepth, error);
      }
    },
  });
  new Gauge({
    name: INGEST_METRIC_NAMES.deadLetterDepth,
    help: "Jobs in the dead-letter queue (failed for good; retry or delete them through the admin API).",
    aggregator: "max",
    registers,
    async collect() {
      try {
        const c = await counts();
        if (c) this.set(c.dead);
      } catch (error) {
        onCollectError(INGEST_METRIC_NAMES.deadLetterDepth, error);
      }
    },
  });
  new Gauge({
    name: INGEST_METRIC_NAMES.activeWorkers,
    help: "Job worker slots running in this process (summed across processes).",
    aggregator: "sum",
    registers,
    collect() {
      this.set(sources.activeWorkers());
    },
  });

  return {
    jobsProcessed: new Counter({ name: INGEST_METRIC_NAMES.jobsProcessed, help: "Job attempts finished, by queue and status (completed, retried, dead).", labelNames: ["queue", "status"] as const, registers }),
    jobDuration: new Histogram({ name: INGEST_METRIC_NAMES.jobDuration, help: "Duration of a job attempt in seconds.", labelNames: ["queue"] as const, buckets: JOB_BUCKETS_SECONDS, registers }),
    eventsExtracted: new Counter({ name: INGEST_METRIC_NAMES.eventsExtracted, help: "Events read from sources and uploads, by document kind (before dedup).", labelNames: ["kind"] as const, registers }),
    dedupRatio: new Gauge({ name: INGEST_METRIC_NAMES.dedupRatio, help: "Share (0..1) of the last ingested document's events that matched an event already stored.", aggregator: "average", registers }),
    scrapeDuration: new Histogram({ name: INGEST_METRIC_NAMES.scrapeDuration, help: "Duration of a source run (fetch, extract, dedup, store) in seconds, by document kind.", labelNames: ["kind"] as const, buckets: JOB_BUCKETS_SECONDS, registers }),
    scraperErrors: new Counter({ name: INGEST_METRIC_NAMES.scraperErrors, help: "Failed source runs and uploads, by document kind and reason.", labelNames: ["kind", "reason"] as const, registers }),
  };
}
