/**
 * Wires the API's dependencies from the configuration and the already-open store: cache, metrics, health
 * checks, alerting, readiness and status. The service and the HTTP test harness both use it, so tests run the
 * same composition the server runs.
 */
import { createMemoryCache } from "../adapters/cache/memoryCache.js";
import { createRedisRateLimiter, type RedisRateLimiter } from "../adapters/redis/redisRateLimiter.js";
import { redactConfig } from "../config/redact.js";
import type { AppConfig } from "../config/types.js";
import type { ParseResult } from "../core/parser/options.js";
import type { HttpDeps } from "../http/deps.js";
import { createMemoryRateLimiter } from "../http/plugins/rateLimiter.js";
import { type Alerting, createAlerting } from "../ops/alerts/alerting.js";
import { metricsSource } from "../ops/alerts/metricsSource.js";
import { type ClusterMetricsWorker, setupClusterMetricsWorker } from "../ops/clusterMetrics.js";
import { localCacheAdmin, setupClusterCacheWorker } from "../ops/clusterCache.js";
import { type ClusterCounters, setupClusterCountersWorker } from "../ops/clusterCounters.js";
import { type ClusterAlertSource, setupClusterAlertSource } from "../ops/clusterAlerts.js";
import { type ClusterRateLimiter, createClusterRateLimiter } from "../ops/clusterRateLimit.js";
import { createEventLoopDelaySampler, type EventLoopDelaySampler, runHealthChecks, standardHealthChecks } from "../ops/health/index.js";
import type { Lifecycle } from "../ops/lifecycle.js";
import type { Loggers } from "../ops/logger.js";
import { createMetrics, type Metrics } from "../ops/metrics.js";
import type { Clock } from "../ports/clock.js";
import type { EventStore } from "../ports/eventStore.js";
import type { Registry } from "prom-client";
import type { Ingestion } from "./ingestion.js";
import { createObserver } from "./observer.js";

export interface WiringParts {
  config: AppConfig;
  store: EventStore;
  clock: Clock;
  loggers: Loggers;
  lifecycle: Lifecycle;
  version: string;
  /** Epoch ms the process started (uptime). */
  startedAt: number;
  /** In a cluster worker, /metrics serves the whole cluster's aggregate. */
  clusterWorker?: boolean;
  /** The worker's node:cluster id (the alert leader is the lowest); 0 when not given. */
  clusterWorkerId?: number;
  /**
   * Whether parsing_accuracy_score holds a score yet (the alert ignores an unscored gauge, e.g. before the
   * first scoring at start-up, or when scoring is off).
   */
  accuracyScored: () => boolean;
  /** Builds ingestion on the service's metrics registry; without it the ingestion routes are absent. */
  ingestion?: (registry: Registry) => Ingestion;
}

export interface Wiring {
  deps: HttpDeps;
  metrics: Metrics;
  alerting: Alerting;
  eventLoop: EventLoopDelaySampler;
  clusterMetrics: ClusterMetricsWorker | null;
  /** In a cluster worker: the limiter that asks the primary (stopped at shutdown). */
  clusterRateLimit: ClusterRateLimiter | null;
  /** With RATE_LIMIT_STORE=redis: the limiter whose connection closes at shutdown. */
  redisRateLimit: RedisRateLimiter | null;
  /** In a cluster worker: stops answering the primary's cache requests. */
  clusterCache: { stop(): void } | null;
  /** In a cluster worker: sums the workers' counters for /status (stopped at shutdown). */
  clusterCounters: ClusterCounters | null;
  /** In a cluster worker: gathers every worker's readings for the alerts (stopped at shutdown). */
  clusterAlerts: ClusterAlertSource | null;
  ingestion: Ingestion | null;
}

/** Rejects after `ms` (bounded database pings for readiness and alerts). */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A warning with the reason when a process decides a rate limit alone, at most once a minute (it may happen on every request). */
function fallbackWarning(log: Loggers["root"], clock: Clock, message: string): (reason: string) => void {
  let lastAt = -Infinity;
  return (reason) => {
    const now = clock.now();
    if (now - lastAt < 60_000) return;
    lastAt = now;
    log.warn({ reason }, message);
  };
}

export function wireService(parts: WiringParts): Wiring {
  const { config, store, clock, loggers, lifecycle, startedAt } = parts;
  const log = loggers.root;
  const cache = createMemoryCache<ParseResult>({ ttlMs: config.cache.ttlHours * 3_600_000, maxBytes: config.cache.maxSizeMb * 1024 * 1024 });
  const metrics = createMetrics({ clock, startedAt, cacheStats: () => cache.stats(), countEvents: () => store.count(), onCollectError: (metric, error) => log.warn({ metric, err: error }, "metric source failed") });
  // No LLM backend is wired in yet: say so, so that "unavailable" alerts do not fire for a backend that is off.
  metrics.llmServiceAvailable.set({ backend: "none" }, 0);
  const ingestion = parts.ingestion ? parts.ingestion(metrics.registry) : null;
  const counters = { parses: 0 };
  const eventLoop = createEventLoopDelaySampler();
  const ping = () => within(store.ping(), 1_000, "the database");
  // No circuit breaker guards a dependency yet (the LLM enhancer will bring the first): the check reports none open.
  const checks = standardHealthChecks(config.health, { ping: () => store.ping(), dataDir: config.store.dataDir, eventLoop, cacheStats: () => cache.stats(), openBreakers: () => [] });
  const clusterMetrics = parts.clusterWorker ? setupClusterMetricsWorker(metrics.registry) : null;
  const clusterCache = parts.clusterWorker ? setupClusterCacheWorker(cache) : null;
  const clusterCounters = parts.clusterWorker ? setupClusterCountersWorker(counters) : null;
  // In a cluster, every worker's parses; null (unknown) rather than one worker's share when a worker does not answer.
  const parsesServed = async (): Promise<number | null> => {
    if (!clusterCounters) return counters.parses;
    return clusterCounters.totals().then(
      (totals) => totals.parses ?? 0,
      (error: Error) => {
        log.warn({ reason: error.message }, "parses served unknown: the workers' counts could not be summed");
        return null;
      },
    );
  };
  const { rateLimitPerMinute: perMinute, rateLimitPerHour: perHour } = config.security;
  const localLimiter = createMemoryRateLimiter(perMinute, perHour);
  // Counts shared by every replica through Redis; else, in a cluster worker, kept by the primary (a worker's own
  // counts would cover only the connections it happens to get); else this process's.
  const redisRateLimit =
    config.security.rateLimitStore === "redis" && config.queue.redisUrl !== null
      ? createRedisRateLimiter({ redisUrl: config.queue.redisUrl, prefix: config.queue.redisPrefix, perMinute, perHour, fallback: localLimiter, onFallback: fallbackWarning(log, clock, "rate limit decided by this process alone: Redis did not answer") })
      : null;
  const clusterRateLimit =
    !redisRateLimit && parts.clusterWorker ? createClusterRateLimiter({ fallback: localLimiter, onFallback: fallbackWarning(log, clock, "rate limit decided by this worker alone: its counts cover only its own connections") }) : null;
  const localReadings = metricsSource({ metrics, accuracyScored: parts.accuracyScored, databaseUp: () => ping().then(() => true, () => false) });
  // In a cluster worker, alerts judge every worker's readings and the lowest-numbered worker notifies.
  const clusterAlerts = parts.clusterWorker ? setupClusterAlertSource(localReadings, { workerId: parts.clusterWorkerId ?? 0 }) : null;
  const alerting = createAlerting({
    config: config.alerts,
    clock,
    logger: log.child({ component: "alerts" }),
    source: clusterAlerts?.source ?? localReadings,
    leads: clusterAlerts?.leads,
  });

  const deps: HttpDeps = {
    config,
    store,
    cache,
    cacheAdmin: clusterCache ?? localCacheAdmin(cache),
    clock,
    stopwatch: () => performance.now(),
    logger: log,
    observer: createObserver(metrics, loggers, counters),
    rateLimiter: redisRateLimit ?? clusterRateLimit ?? localLimiter,
    health: () => runHealthChecks(checks, clock),
    accepting: () => lifecycle.state === "starting" || lifecycle.state === "ready",
    readiness: async () => {
      if (!lifecycle.isReady()) return { ready: false, reason: `the service is ${lifecycle.state}` };
      try {
        await ping();
        return { ready: true };
      } catch (error) {
        const message = (error as Error).message;
        return { ready: false, reason: message.startsWith("the database") ? message : `the database is unreachable: ${message}` };
      }
    },
    status: async () => ({
      environment: config.environment,
      version: parts.version,
      uptimeSeconds: Math.round((clock.now() - startedAt) / 1000),
      state: lifecycle.state,
      eventsStored: await store.count().catch(() => null),
      parsesServed: await parsesServed(),
      lastIngest: ingestion ? await ingestion.ingest.lastSightingAt().catch(() => null) : null,
      queue: ingestion ? { backend: ingestion.queue.backend, ...(await ingestion.queue.counts().catch(() => ({}))) } : null,
    }),
    metricsText: async () => ({ contentType: metrics.contentType, body: clusterMetrics ? await clusterMetrics.text() : await metrics.text() }),
    redactedConfig: () => redactConfig(config),
    alerts: alerting.evaluator,
    version: parts.version,
    ingestion: ingestion?.http ?? null,
  };
  return { deps, metrics, alerting, eventLoop, clusterMetrics, clusterRateLimit, redisRateLimit, clusterCache, clusterCounters, clusterAlerts, ingestion };
}
