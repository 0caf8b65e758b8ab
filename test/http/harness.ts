/**
 * The HTTP test harness: `buildApp(deps)` over the real adapters (a SQLite file in a temporary directory,
 * the memory cache and rate limiter, the Prometheus observer), wired by src/main/wiring.ts as the service is,
 * but without listening, so tests use `app.inject()`. Configuration goes through the real loader (plain
 * variable names such as API_KEYS or RATE_LIMIT_PER_MINUTE), with no config/<environment>.yaml.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { type MigratableEventStore, openStores } from "../../src/adapters/store/open.js";
import { createIngestion, loadQueueOpener, type Ingestion } from "../../src/main/ingestion.js";
import { loadConfig } from "../../src/config/load.js";
import type { AppConfig } from "../../src/config/types.js";
import { buildApp } from "../../src/http/app.js";
import type { AlertEvaluator } from "../../src/ops/alerts/evaluator.js";
import { wireService } from "../../src/main/wiring.js";
import { createLifecycle, type Lifecycle } from "../../src/ops/lifecycle.js";
import { createLogger } from "../../src/ops/logger.js";
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
  /** Queue, ingest store, file storage and the workers' dependencies, as the routes use them. */
  ingestion: Ingestion;
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
  const { events: realStore, database } = await openStores({ databaseUrl: null, dataDir: config.store.dataDir, clock });
  await realStore.migrate();
  const store = options.wrapStore ? options.wrapStore(realStore) : realStore;
  // The service's own wiring; no golden-set scoring runs here, so parsing_accuracy_score stays unscored.
  // Ingestion is wired as the service wires it, but no worker runs unless a test starts one (startIngestRuntime).
  const openQueue = await loadQueueOpener(config, database, clock);
  const { deps, alerting, eventLoop, ingestion } = wireService({
    config, store, clock, loggers, lifecycle, version: "0.0.0-test", startedAt, accuracyScored: () => false,
    ingestion: (registry) => createIngestion({ config, database, events: store, clock, logger: loggers.root, registry, openQueue }),
  });
  const alerts = alerting.evaluator;

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
    ingestion: ingestion!,
    dir,
    async close() {
      await alerts.stop();
      await app.close();
      await ingestion!.close();
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
