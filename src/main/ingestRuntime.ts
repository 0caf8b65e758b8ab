/**
 * What runs ingestion inside a process: the job workers (in `serve` with the local queue, and in
 * `calendar-api worker`) and the scrape schedule (in `serve`). Stopped in order by the shutdown.
 */
import type { Logger } from "pino";
import { ingestJobHandler } from "../app/ingest/jobHandler.js";
import { queueDueSources } from "../app/ingest/scheduleSources.js";
import type { JobWorker } from "../ports/jobQueue.js";
import type { Ingestion } from "./ingestion.js";

export interface IngestRuntimeOptions {
  /** Jobs run at once in this process; 0 runs no worker. */
  workerSlots: number;
  /** How often due sources are queued; 0 runs no schedule. */
  schedulerIntervalMs: number;
  logger: Logger;
}

export interface IngestRuntime {
  /** Stops the schedule, then lets running jobs finish until `signal` aborts (their leases cover the rest). */
  stop(signal?: AbortSignal): Promise<void>;
}

export function startIngestRuntime(ingestion: Ingestion, options: IngestRuntimeOptions): IngestRuntime {
  const log = options.logger.child({ component: "ingest" });
  let worker: JobWorker | null = null;
  if (options.workerSlots > 0) {
    worker = ingestion.queue.process(ingestJobHandler(ingestion.worker), { concurrency: options.workerSlots });
    ingestion.slots.running = options.workerSlots;
    log.info({ queue: ingestion.queue.name, backend: ingestion.queue.backend, concurrency: options.workerSlots }, "job workers started");
  }
  let timer: NodeJS.Timeout | null = null;
  let ticking: Promise<unknown> = Promise.resolve();
  if (options.schedulerIntervalMs > 0) {
    const tick = (): void => {
      ticking = queueDueSources({ ingest: ingestion.ingest, queue: ingestion.queue, clock: ingestion.http.sources.clock, queueDefaults: ingestion.http.sources.queueDefaults })
        .then((queued) => queued > 0 && log.info({ queued }, "scheduled source runs queued"))
        .catch((error: unknown) => log.warn({ err: error }, "source schedule tick failed"));
    };
    timer = setInterval(tick, options.schedulerIntervalMs);
    timer.unref();
  }
  return {
    async stop(signal) {
      if (timer) clearInterval(timer);
      await ticking;
      if (worker) await worker.close(signal);
      ingestion.slots.running = 0;
    },
  };
}
