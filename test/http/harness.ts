/**
 * The HTTP test harness: `buildApp(deps)` over the real adapters (a SQLite file in a temporary directory,
 * the memory cache and rate limiter, the Prometheus observer), wired as src/main/service.ts wires them but
 * without listening, so tests use `app.inject()`. Configuration goes through the real loader (plain
 * variable names such as API_KEYS or RATE_LIMIT_PER_MINUTE), with no config/<environment>.yaml.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { createMemoryCache } from "../../src/adapters/cache/memoryCache.js";
import { type MigratableEventStore, openEventStore } from "../../src/adapters/store/open.js";
import { loadConfig } from "../../src/config/load.js";
import { redactConfig } from "../../src/config/redact.js";
import type { AppConfig } from "../../src/config/types.js";
import type { ParseResult } from "../../src/core/parser/options.js";
import { buildApp } from "../../src/http/app.js";
import type { HttpDeps } from "../../src/http/deps.js";
import { createMemoryRateLimiter } from "../../src/http/plugins/rateLimiter.js";
import { type AlertEvaluator, createEvaluator } from "../../src/ops/alerts/evaluator.js";
import { metricsSource } from "../../src/ops/alerts/metricsSource.js";
import { createObserver } from "../../src/main/observer.js";
import { createEventLoopDelaySampler, runHealthChecks, standardHealthChecks } from "../../src/ops/health/index.js";
import { createLifecycle, type Lifecycle } from "../../src/ops/lifecycle.js";
import { createLogger } from "../../src/ops/logger.js";
import { createMetrics } from "../../src/ops/metrics.js";
import { type Clock, systemClock } from "../../src/ports/clock.js";
import type { EventStore } from "../../src/ports/eventStore.js";

export interface HarnessOptions {
  /** Environment variables for the loader (DATA_DIR is set to the temporary directory unless given). */
  env?: Record<string, string>;
  /** Time source for the rate limiter, the parse reference and list windows; the system clock by default. */
  clock?: Clock;
  /** Wraps the real store, e.g. to inject a fault. */
  wrapStore?: (store: MigratableEventStore) => EventStore;
}

export interface Harness {
  app: FastifyInstance;
  /** The store the app uses (wrapped when `wrapStore` was given). */
  store: EventStore;
  /** The real SQLite store underneath. */
  realStore: MigratableEventStore;
  config: Readonly<AppConfig>;
  lifecycle: Lifecycle;
  /** The in-process alert evaluator behind GET /alerts, not started: tests call tick(now). */
  alerts: AlertEvaluator;
  dir: string;
  close(): Promise<void>;
}

/**
 * Builds the app over a fresh SQLite file. Rate limits default to values no test reaches unless the test
 * sets RATE_LIMIT_PER_MINUTE / RATE_LIMIT_PER_HOUR itself.
 */
export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), "calendar-http-"));
  const env = { DATA_DIR: join(dir, "data"), RATE_LIMIT_PER_MINUTE: "1000000", RATE_LIMIT_PER_HOUR: "100000000", ...options.env };
  const { config } = loadConfig({ env, cwd: dir });
  const clock = options.clock ?? systemClock;
  const startedAt = clock.now();

  const loggers = createLogger({ level: "warn", dir: null, maxFileSizeMb: 1, maxFiles: 1, stdout: false });
  const lifecycle = createLifecycle();
  const realStore = await openEventStore({ databaseUrl: null, dataDir: config.store.dataDir, clock });
  await realStore.migrate();
  const store = options.wrapStore ? options.wrapStore(realStore) : realStore;
  const cache = createMemoryCache<ParseResult>({ ttlMs: config.cache.ttlHours * 3_600_000, maxBytes: config.cache.maxSizeMb * 1024 * 1024 });
  const metrics = createMetrics({ clock, startedAt, cacheStats: () => cache.stats(), countEvents: () => store.count() });
  const counters = { parses: 0 };
  const eventLoop = createEventLoopDelaySampler();
  const alerts = createEvaluator({
    // No golden-set scoring runs here: parsing_accuracy_score stays 0, which is no score rather than a bad one.
    source: metricsSource({ metrics, accuracyScored: false, databaseUp: () => store.ping().then(() => true, () => false) }),
    clock,
    intervalMs: config.alerts.evaluationIntervalSeconds * 1000,
  });
  const checks = standardHealthChecks(config.health, { ping: () => store.ping(), dataDir: config.store.dataDir, eventLoop, cacheStats: () => cache.stats() });

  const deps: HttpDeps = {
    config,
    store,
    cache,
    clock,
    stopwatch: () => performance.now(),
    logger: loggers.root,
    observer: createObserver(metrics, loggers, counters),
    rateLimiter: createMemoryRateLimiter(config.security.rateLimitPerMinute, config.security.rateLimitPerHour),
    health: () => runHealthChecks(checks, clock),
    accepting: () => lifecycle.state === "starting" || lifecycle.state === "ready",
    readiness: async () => {
      if (!lifecycle.isReady()) return { ready: false, reason: `the service is ${lifecycle.state}` };
      try {
        await store.ping();
        return { ready: true };
      } catch (error) {
        return { ready: false, reason: `the database is unreachable: ${(error as Error).message}` };
      }
    },
    status: async () => ({
      environment: config.environment,
      version: "0.0.0-test",
      uptimeSeconds: Math.round((clock.now() - startedAt) / 1000),
      state: lifecycle.state,
      eventsStored: await store.count().catch(() => null),
      parsesServed: counters.parses,
      lastIngest: null,
    }),
    metricsText: async () => ({ contentType: metrics.contentType, body: await metrics.text() }),
    redactedConfig: () => redactConfig(config),
    alerts,
    version: "0.0.0-test",
  };

  const app = await buildApp(deps);
  await app.ready();
  lifecycle.markReady();

  return {
    app,
    store,
    realStore,
    config,
    lifecycle,
    alerts,
    dir,
    async close() {
      await alerts.stop();
      await app.close();
      eventLoop.stop?.();
      await realStore.close();
      await loggers.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The JSON body of a response. */
export function json<T = Record<string, any>>(res: LightMyRequestResponse): T {
  return JSON.parse(res.body) as T;
}

/**
 * Asserts an RFC 9457 answer: the status, content type application/problem+json, our stable code, the field
 * when given, and a request id equal to the X-Request-Id response header. Returns the body.
 */
export function expectProblem(res: LightMyRequestResponse, status: number, code: string, field?: string): Record<string, any> {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const body = json(res);
  expect(body).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  if (field !== undefined) expect(body.field).toBe(field);
  expect(typeof body.requestId).toBe("string");
  expect(body.requestId.length).toBeGreaterThan(0);
  expect(res.headers["x-request-id"]).toBe(body.requestId);
  return body;
}

/** A clock the test moves by hand. */
export function manualClock(start: number): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => now, advance: (ms) => void (now += ms) };
}

/** POST with a JSON body. */
export function postJson(app: FastifyInstance, url: string, payload: unknown, headers: Record<string, string> = {}) {
  return app.inject({ method: "POST", url, payload: JSON.stringify(payload), headers: { "content-type": "application/json", ...headers } });
}
