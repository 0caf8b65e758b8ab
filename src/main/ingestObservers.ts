/** Job and ingest observers: metrics and logs for every job outcome and every document read. */
import type { Logger } from "pino";
import type { IngestObserver } from "../app/ingest/ingestObserver.js";
import type { IngestMetrics } from "../ops/ingestMetrics.js";
import type { JobObserver } from "../ports/jobQueue.js";

/**
 * Counts attempts by status and times them; logs a retry at warn and the final failure (dead letter) at
 * error — the errors log and the alerts see a job once, when it has failed for good.
 */
export function jobObserver(metrics: () => IngestMetrics | undefined, queue: string, log: Logger): JobObserver {
  return {
    finished(outcome) {
      const m = metrics();
      const status = outcome.type === "retrying" ? "retried" : outcome.type;
      m?.jobsProcessed.inc({ queue, status });
      m?.jobDuration.observe({ queue }, outcome.durationMs / 1000);
      const job = { jobId: outcome.job.id, job: outcome.job.name, attempt: outcome.job.attempts, durationMs: Math.round(outcome.durationMs) };
      if (outcome.type === "completed") log.info(job, "job completed");
      else if (outcome.type === "retrying") log.warn({ ...job, error: outcome.error, retryInMs: outcome.retryInMs }, "job failed; will retry");
      else log.error({ ...job, error: outcome.error }, "job dead-lettered");
    },
  };
}

export function ingestObserver(metrics: IngestMetrics, log: Logger): IngestObserver {
  return {
    ingested(summary, context) {
      metrics.eventsExtracted.inc({ kind: summary.kind }, summary.found);
      if (summary.found > 0) metrics.dedupRatio.set(summary.merged / summary.found);
      if (context.origin === "source") metrics.scrapeDuration.observe({ kind: summary.kind }, context.durationMs / 1000);
      log.info({ origin: context.origin, kind: summary.kind, found: summary.found, created: summary.created, merged: summary.merged, updated: summary.updated, warnings: summary.warnings.length, durationMs: Math.round(context.durationMs) }, "document ingested");
    },
    failed(kind, reason, context) {
      // Counted once per run or upload that failed for good; attempts that will be retried are the queue's to count.
      if (context.final) metrics.scraperErrors.inc({ kind, reason });
    },
  };
}
