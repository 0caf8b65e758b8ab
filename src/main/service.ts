/**
 * The composition root of the API process: picks the adapters from the configuration, wires the use cases,
 * the HTTP app and the operations layer, listens, and knows how to stop in order.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { createMemoryCache } from "../adapters/cache/memoryCache.js";
import { openEventStore } from "../adapters/store/open.js";
import { redactConfig } from "../config/redact.js";
import type { AppConfig } from "../config/types.js";
import type { ParseResult } from "../core/parser/options.js";
import { buildApp } from "../http/app.js";
import type { HttpDeps } from "../http/deps.js";
import { createMemoryRateLimiter } from "../http/plugins/rateLimiter.js";
import { createAlerting } from "../ops/alerts/alerting.js";
import { metricsSource } from "../ops/alerts/metricsSource.js";
import { setupClusterMetricsWorker } from "../ops/clusterMetrics.js";
import { createEventLoopDelaySampler, runHealthChecks, standardHealthChecks } from "../ops/health/index.js";
import { createLifecycle, type Lifecycle } from "../ops/lifecycle.js";
import { createLogger, type Loggers } from "../ops/logger.js";
import { createMetrics } from "../ops/metrics.js";
import { createShutdown, type Shutdown } from "../ops/shutdown.js";
import { systemClock } from "../ports/clock.js";
import type { EventStore } from "../ports/eventStore.js";
import { scheduleAccuracy } from "./accuracy.js";
import { createObserver } from "./observer.js";

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
  /** Log to stdout as well as files; default true. */
  stdout?: boolean;
}

/** A promise that rejects after `ms` (for bounded readiness pings). */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Builds, starts and returns the service; it is ready (readiness 200) once this resolves. */
export async function startService(config: AppConfig, options: ServiceOptions = {}): Promise<RunningService> {
  const clock = systemClock;
  const startedAt = clock.now();
  const loggers = createLogger({ level: config.logging.level, dir: config.logging.dir, maxFileSizeMb: config.logging.maxFileSizeMb, maxFiles: config.logging.maxFiles, stdout: options.stdout ?? true });
  const log = loggers.root;
  const lifecycle = createLifecycle();
  const store = await openEventStore({ databaseUrl: config.store.databaseUrl, dataDir: config.store.dataDir, clock });
  const applied = await store.migrate();
  if (applied.length > 0) log.info({ migrations: applied }, "database migrated");

  const cache = createMemoryCache<ParseResult>({ ttlMs: config.cache.ttlHours * 3_600_000, maxBytes: config.cache.maxSizeMb * 1024 * 1024 });
  const metrics = createMetrics({ clock, startedAt, cacheStats: () => cache.stats(), countEvents: () => store.count(), onCollectError: (metric, error) => log.warn({ metric, err: error }, "metric source failed") });
  const counters = { parses: 0 };
  // No LLM backend is wired in yet: say so, so that "unavailable" alerts do not fire for a backend that is off.
  metrics.llmServiceAvailable.set({ backend: "none" }, 0);
  const eventLoop = createEventLoopDelaySampler();
  const checks = standardHealthChecks(config.health, { ping: () => store.ping(), dataDir: config.store.dataDir, eventLoop, cacheStats: () => cache.stats() });
  const clusterMetrics = options.clusterWorker ? setupClusterMetricsWorker(metrics.registry) : null;
  const alerting = createAlerting({
    config: config.alerts,
    clock,
    logger: log.child({ component: "alerts" }),
    source: metricsSource({ metrics, accuracyScored: config.metrics.enabled, databaseUp: () => within(store.ping(), 1_000, "the database").then(() => true, () => false) }),
  });

  const deps: HttpDeps = {
    config,
    store,
    cache,
    clock,
    stopwatch: () => performance.now(),
    logger: log,
    observer: createObserver(metrics, loggers, counters),
    rateLimiter: createMemoryRateLimiter(config.security.rateLimitPerMinute, config.security.rateLimitPerHour),
    health: () => runHealthChecks(checks, clock),
    accepting: () => lifecycle.state === "starting" || lifecycle.state === "ready",
    readiness: async () => {
      if (!lifecycle.isReady()) return { ready: false, reason: `the service is ${lifecycle.state}` };
      try {
        await within(store.ping(), 1_000, "the database");
        return { ready: true };
      } catch (error) {
        const message = (error as Error).message;
        return { ready: false, reason: message.startsWith("the database") ? message : `the database is unreachable: ${message}` };
      }
    },
    status: async () => ({
      environment: config.environment,
      version: packageVersion(),
      uptimeSeconds: Math.round((clock.now() - startedAt) / 1000),
      state: lifecycle.state,
      eventsStored: await store.count().catch(() => null),
      parsesServed: counters.parses,
      lastIngest: null,
    }),
    metricsText: async () => ({ contentType: metrics.contentType, body: clusterMetrics ? await clusterMetrics.text() : await metrics.text() }),
    redactedConfig: () => redactConfig(config),
    alerts: alerting.evaluator,
    version: packageVersion(),
  };

  const app = await buildApp(deps);
  const stopAccuracy = config.metrics.enabled
    ? scheduleAccuracy((value) => metrics.parsingAccuracy.set(value), config.metrics.accuracyIntervalMinutes, (error) => log.warn({ err: error }, "accuracy scoring failed"))
    : () => undefined;

  // Ordered shutdown: refuse new work (readiness 503), let in-flight requests finish, close the store, flush logs.
  const shutdown = createShutdown({
    logger: log,
    graceMs: config.server.shutdownGraceMs,
    steps: [
      { name: "readiness", run: async () => void lifecycle.beginDraining() },
      { name: "http", run: async () => app.close() },
      { name: "schedules", run: async () => { stopAccuracy(); eventLoop.stop?.(); clusterMetrics?.stop(); } },
      // Before the store: an evaluation under way pings it; notifications still queued get a bounded chance to go out.
      { name: "alerts", run: async (signal) => alerting.stop(signal) },
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
