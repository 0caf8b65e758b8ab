/**
 * The composition root of the API process: picks the adapters from the configuration, wires the use cases,
 * the HTTP app and the operations layer, listens, and knows how to stop in order.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { openStores } from "../adapters/store/open.js";
import type { AppConfig } from "../config/types.js";
import { buildApp } from "../http/app.js";
import { createLifecycle, type Lifecycle } from "../ops/lifecycle.js";
import { createLogger, type Loggers } from "../ops/logger.js";
import { createShutdown, type Shutdown } from "../ops/shutdown.js";
import { systemClock } from "../ports/clock.js";
import type { EventStore } from "../ports/eventStore.js";
import { scheduleAccuracy } from "./accuracy.js";
import { createIngestion, loadQueueOpener } from "./ingestion.js";
import { startIngestRuntime } from "./ingestRuntime.js";
import { wireService } from "./wiring.js";

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The package version (package.json), shown by /status and the OpenAPI document. */
export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(resolve(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "0.0.0";
  }
}

export interface RunningService {
  app: FastifyInstance;
  /** http://host:port the server listens on. */
  url: string;
  store: EventStore;
  lifecycle: Lifecycle;
  loggers: Loggers;
  shutdown: Shutdown;
}

export interface ServiceOptions {
  /** In a cluster worker, /metrics serves the whole cluster's aggregate. */
  clusterWorker?: boolean;
  /** The worker's node:cluster id, for choosing which worker notifies alerts. */
  clusterWorkerId?: number;
  /** Log to stdout as well as files; default true. */
  stdout?: boolean;
}

/** Builds, starts and returns the service; it is ready (readiness 200) once this resolves. */
export async function startService(config: AppConfig, options: ServiceOptions = {}): Promise<RunningService> {
  const clock = systemClock;
  const startedAt = clock.now();
  const loggers = createLogger({ level: config.logging.level, dir: config.logging.dir, maxFileSizeMb: config.logging.maxFileSizeMb, maxFiles: config.logging.maxFiles, stdout: options.stdout ?? true });
  const log = loggers.root;
  const lifecycle = createLifecycle();
  const { events: store, database } = await openStores({ databaseUrl: config.store.databaseUrl, dataDir: config.store.dataDir, clock });
  const applied = await store.migrate();
  if (applied.length > 0) log.info({ migrations: applied }, "database migrated");

  // Until the golden set has been scored once, the accuracy gauge says nothing (its alert waits).
  let scored = false;
  const openQueue = await loadQueueOpener(config, database, clock);
  const { deps, metrics, alerting, eventLoop, clusterMetrics, clusterRateLimit, redisRateLimit, clusterCache, clusterCounters, clusterAlerts, ingestion } = wireService({
    config, store, clock, loggers, lifecycle, version: packageVersion(), startedAt, clusterWorker: options.clusterWorker, clusterWorkerId: options.clusterWorkerId, accuracyScored: () => scored,
    ingestion: (registry) => createIngestion({ config, database, events: store, clock, logger: log, registry, openQueue }),
  });
  // With the local queue the API process runs the workers (the embedded default); with Redis, `calendar-api worker` does.
  const ingestRuntime = startIngestRuntime(ingestion!, {
    workerSlots: config.queue.backend === "local" ? config.queue.workerThreads : 0,
    schedulerIntervalMs: config.scraper.schedulerIntervalSeconds * 1000,
    logger: log,
  });

  const app = await buildApp(deps);
  const stopAccuracy = config.metrics.enabled
    ? scheduleAccuracy((value) => {
        metrics.parsingAccuracy.set(value);
        scored = true;
      }, config.metrics.accuracyIntervalMinutes, (error) => log.warn({ err: error }, "accuracy scoring failed"))
    : () => undefined;

  // Ordered shutdown: refuse new work (readiness 503), let in-flight requests finish, close the store, flush logs.
  const shutdown = createShutdown({
    logger: log,
    graceMs: config.server.shutdownGraceMs,
    steps: [
      { name: "readiness", run: async () => void lifecycle.beginDraining() },
      { name: "http", run: async () => app.close() },
      { name: "schedules", run: async () => { stopAccuracy(); eventLoop.stop?.(); clusterMetrics?.stop(); clusterRateLimit?.stop(); clusterCache?.stop(); clusterCounters?.stop(); } },
      // Running jobs finish within the grace period; one cut short is re-run after its lease by another worker.
      { name: "workers", run: async (signal) => ingestRuntime.stop(signal) },
      { name: "queue", run: async () => ingestion!.close() },
      // Before the store: an evaluation under way pings it; notifications still queued get a bounded chance to go out.
      // The readings channel closes after the evaluator, so that an evaluation under way still gets its answers.
      { name: "alerts", run: async (signal) => { await alerting.stop(signal); clusterAlerts?.stop(); } },
      { name: "rate limits", run: async () => redisRateLimit?.close() },
      { name: "store", run: async () => store.close() },
      { name: "logs", run: async () => { lifecycle.markStopped(); await loggers.flush(); } },
    ],
  });

  const address = await app.listen({ host: config.server.host, port: config.server.port });
  lifecycle.markReady();
  alerting.start();
  log.info({ address, environment: config.environment, store: config.store.databaseUrl ? "postgres" : "sqlite", version: packageVersion() }, "calendar-api ready");
  return { app, url: address, store, lifecycle, loggers, shutdown };
}
