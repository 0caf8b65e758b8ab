/** What buildApp needs, in the HTTP layer's own terms; main/ builds it from the real adapters. */
import type { Logger } from "pino";
import type { ParseOutcome } from "../app/parseText.js";
import type { AppConfig } from "../config/types.js";
import type { ParseResult } from "../core/parser/options.js";
import type { AlertsReader } from "../ops/alerts/types.js";
import type { Cache, CacheAdmin } from "../ports/cache.js";
import type { Clock } from "../ports/clock.js";
import type { EventStore } from "../ports/eventStore.js";
import type { SourceDeps } from "../app/ingest/sources.js";
import type { UploadDeps } from "../app/ingest/uploads.js";
import type { IngestStore } from "../ports/ingestStore.js";
import type { JobQueue } from "../ports/jobQueue.js";

/** Receives what the HTTP layer observes (metrics, performance log); every method is cheap and never throws. */
export interface HttpObserver {
  request(sample: { method: string; route: string; status: number; seconds: number; requestId: string }): void;
  parse(outcome: ParseOutcome, requestId: string): void;
  apiError(code: string): void;
}

/** A health report as the probes render it. */
export interface HealthReport {
  status: "healthy" | "degraded" | "unhealthy";
  checks: Array<{ name: string; status: "healthy" | "degraded" | "unhealthy"; latencyMs: number; checkedAt: string; detail?: Record<string, unknown> }>;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Limit, remaining and seconds to reset of the window that is closest to running out. */
  limit: number;
  remaining: number;
  resetSeconds: number;
}

/**
 * Counts requests per key in fixed windows. `hit` counts one request and decides on it: at once when the counts
 * live in this process, as a promise when they live elsewhere (the primary of `serve --workers N`).
 */
export interface RateLimiter {
  hit(key: string, now: number): RateLimitDecision | Promise<RateLimitDecision>;
}

/** A limiter whose counts live in this process: it decides at once. */
export interface LocalRateLimiter extends RateLimiter {
  hit(key: string, now: number): RateLimitDecision;
}

export interface HttpDeps {
  config: AppConfig;
  store: EventStore;
  cache: Cache<ParseResult>;
  /** Statistics and clearing of the cache for operators: this process's, or every worker's in a cluster. */
  cacheAdmin: CacheAdmin;
  clock: Clock;
  /** Monotonic milliseconds for durations. */
  stopwatch: () => number;
  logger: Logger;
  observer: HttpObserver;
  rateLimiter: RateLimiter;
  /** Full health (all checks). */
  health: () => Promise<HealthReport>;
  /** False once shutdown began: new requests are answered 503 NOT_READY (problem+json). */
  accepting: () => boolean;
  /** Readiness: false while starting, draining, or when the database is unreachable. */
  readiness: () => Promise<{ ready: boolean; reason?: string }>;
  /** GET /status body. */
  status: () => Promise<Record<string, unknown>>;
  /** Prometheus text and its content type. */
  metricsText: () => Promise<{ contentType: string; body: string }>;
  /** The configuration with secrets masked (GET /config, admin). */
  redactedConfig: () => unknown;
  /** The in-process alerts: active ones and recent transitions (GET /alerts). */
  alerts: AlertsReader;
  version: string;
  /** Ingestion (uploads, sources, jobs, the dead-letter queue); its routes are absent when null. */
  ingestion: IngestionHttpDeps | null;
}

/** What the ingestion routes need: the queue they enqueue on and inspect, and the use cases' dependencies. */
export interface IngestionHttpDeps {
  queue: JobQueue;
  ingest: IngestStore;
  uploads: UploadDeps;
  sources: SourceDeps;
}
