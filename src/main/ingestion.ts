/**
 * Composition of ingestion: picks the job queue (local table or BullMQ on Redis), the file storage, the
 * fetcher and the document reader from the configuration, and hands the HTTP routes and the workers their
 * dependencies. The only place that chooses ingestion adapters.
 */
import type { Logger } from "pino";
import type { Registry } from "prom-client";
import { createBrowserRenderer } from "../adapters/fetch/browserRenderer.js";
import { createHttpFetcher } from "../adapters/fetch/httpFetcher.js";
import { createLocalJobQueue } from "../adapters/queue/local/localJobQueue.js";
import { openFileStorage } from "../adapters/storage/fsFileStorage.js";
import { KyselyIngestStore } from "../adapters/store/kyselyIngestStore.js";
import type { StoreDatabaseHandle } from "../adapters/store/open.js";
import { translateStoreErrors } from "../adapters/store/translateErrors.js";
import type { WorkerDeps } from "../app/ingest/jobHandler.js";
import type { SourceDeps } from "../app/ingest/sources.js";
import type { UploadDeps } from "../app/ingest/uploads.js";
import type { AppConfig } from "../config/types.js";
import type { IngestionHttpDeps } from "../http/deps.js";
import { createIngestMetrics, type IngestMetrics } from "../ops/ingestMetrics.js";
import type { Clock } from "../ports/clock.js";
import type { EventStore } from "../ports/eventStore.js";
import type { FileStorage } from "../ports/fileStorage.js";
import type { IngestStore } from "../ports/ingestStore.js";
import type { JobObserver, JobQueue } from "../ports/jobQueue.js";
import { createDocumentReader } from "../sources/reader.js";
import { ingestObserver, jobObserver } from "./ingestObservers.js";
import { join } from "node:path";

/** The queue every ingestion job goes through. */
export const INGEST_QUEUE = "ingest";

export interface Ingestion {
  queue: JobQueue;
  ingest: IngestStore;
  storage: FileStorage;
  metrics: IngestMetrics;
  http: IngestionHttpDeps;
  worker: WorkerDeps;
  /** Worker slots running in this process (the active_workers gauge reads it). */
  slots: { running: number };
  /** Closes the queue's connections and the browser (workers must be stopped first). */
  close(): Promise<void>;
}

export interface IngestionParts {
  config: AppConfig;
  database: StoreDatabaseHandle;
  events: EventStore;
  clock: Clock;
  logger: Logger;
  registry: Registry;
  /** From loadQueueOpener. */
  openQueue: QueueOpener;
}

/** Opens the job queue; `observer` sees every job outcome of workers started on it. */
export type QueueOpener = (observer: JobObserver, onError: (error: unknown) => void) => JobQueue;

/**
 * The queue the configuration names, as an opener. The BullMQ adapter (BullMQ and ioredis: about 16 MB of heap) is
 * imported only when the backend is redis, so the embedded default never loads it.
 */
export async function loadQueueOpener(config: AppConfig, database: StoreDatabaseHandle, clock: Clock): Promise<QueueOpener> {
  const leaseMs = config.queue.leaseSeconds * 1000;
  if (config.queue.backend === "redis") {
    const { createBullmqJobQueue } = await import("../adapters/queue/bullmq/bullmqJobQueue.js");
    return (observer, onError) => createBullmqJobQueue({ redisUrl: config.queue.redisUrl!, prefix: config.queue.redisPrefix, name: INGEST_QUEUE, lockDurationMs: leaseMs, observer, onError });
  }
  return (observer, onError) => createLocalJobQueue({ db: database.db, skipLocked: database.backend.capabilities.skipLocked, name: INGEST_QUEUE, clock, leaseMs, observer, onError });
}

export function createIngestion(parts: IngestionParts): Ingestion {
  const { config, database, events, clock, logger } = parts;
  const log = logger.child({ component: "ingest" });
  const slots = { running: 0 };
  // The queue is created before the metrics exist (the gauges read it): the observer looks them up late.
  let metrics: IngestMetrics | undefined;
  const queue = parts.openQueue(jobObserver(() => metrics, INGEST_QUEUE, log), (error) => log.warn({ err: error }, "job queue error"));
  metrics = createIngestMetrics(parts.registry, { queue: INGEST_QUEUE, counts: () => queue.counts(), activeWorkers: () => slots.running, onCollectError: (metric, error) => log.warn({ metric, err: error }, "metric source failed") });
  const ingest = translateStoreErrors(new KyselyIngestStore(database.db, database.backend, clock));
  const storage = openFileStorage(config.storage.backend, config.storage.path ?? join(config.store.dataDir, "files"));
  const reader = createDocumentReader();
  const fetcher = createHttpFetcher({
    userAgent: config.scraper.userAgent,
    timeoutMs: config.scraper.timeoutMs,
    maxBytes: config.scraper.maxBytes,
    perHostConcurrency: config.scraper.perHostConcurrency,
    perHostDelayMs: config.scraper.perHostDelayMs,
    respectRobots: config.scraper.respectRobots,
    clock,
  });
  // Launched on the first source that asks for rendering, then reused.
  const renderer = createBrowserRenderer({ userAgent: config.scraper.userAgent, timeoutMs: config.scraper.timeoutMs, maxBytes: config.scraper.maxBytes });
  const queueDefaults = { maxAttempts: config.queue.maxAttempts, backoffMs: config.queue.backoffMs };
  const dedup = { threshold: config.ingest.clusterThreshold, toleranceMs: config.ingest.dedupToleranceMinutes * 60_000 };
  const uploads: UploadDeps = { ingest, reader, clock, storage, queue, maxUploadBytes: config.ingest.maxUploadBytes, defaultTimezone: config.parser.defaultTimezone, queueDefaults };
  const sources: SourceDeps = { ingest, queue, clock, defaultTimezone: config.parser.defaultTimezone, defaultRefreshMinutes: config.scraper.defaultRefreshMinutes, queueDefaults };
  const worker: WorkerDeps = { events, ingest, reader, clock, dedup, storage, fetcher, renderer, observer: ingestObserver(metrics, log), stopwatch: () => performance.now() };
  return {
    queue, ingest, storage, metrics, http: { queue, ingest, uploads, sources }, worker, slots,
    async close() {
      await queue.close();
      await renderer.close();
    },
  };
}
