/** The defaults in code: the first layer of the configuration, before config/<environment>.yaml and the environment. */
import { deepFreeze } from "./freeze.js";
import type { AppConfig } from "./types.js";

/** 1 MiB: the request body limit unless `server.bodyLimitBytes` says otherwise. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Every key's default. Two values are only starting points that the loader derives when they are not set:
 * `queue.backend` becomes "redis" when a Redis URL is configured, and `security.requireApiKeys` becomes true
 * when API keys are configured or the environment is production.
 *
 * `logging.dir` defaults to null (stdout only) so that a process started outside the project (tests, an
 * installed CLI) never creates a log folder in its working directory; config/local.yaml sets ./logs, the
 * container files /app/logs and /var/log/calendar-api.
 */
export const DEFAULT_CONFIG: Readonly<AppConfig> = deepFreeze({
  environment: "local",
  server: {
    host: "0.0.0.0",
    port: 8000,
    bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES,
    workers: 1,
    shutdownGraceMs: 10_000,
    trustProxy: false,
  },
  parser: {
    maxInputLength: 5000,
    defaultTimezone: "UTC",
  },
  store: {
    databaseUrl: null,
    dataDir: "./data",
  },
  queue: {
    backend: "local",
    redisUrl: null,
    workerThreads: 2,
    maxAttempts: 5,
    backoffMs: 2000,
    leaseSeconds: 30,
    redisPrefix: "calendar",
    workerPort: 9464,
  },
  storage: {
    backend: "fs://",
    path: null,
  },
  ingest: {
    clusterThreshold: 0.72,
    dedupToleranceMinutes: 30,
    maxUploadBytes: 20 * 1024 * 1024,
  },
  scraper: {
    userAgent: "calendar-api/0.1 (event scraper; +https://github.com/calendar-api/calendar-api)",
    timeoutMs: 10_000,
    maxBytes: 10 * 1024 * 1024,
    perHostConcurrency: 2,
    perHostDelayMs: 1000,
    respectRobots: true,
    schedulerIntervalSeconds: 30,
    defaultRefreshMinutes: 360,
  },
  cache: {
    ttlHours: 24,
    maxSizeMb: 64,
  },
  security: {
    apiKeys: [],
    requireApiKeys: false,
    corsOrigins: [],
    rateLimitPerMinute: 60,
    rateLimitPerHour: 1000,
    rateLimitStore: "memory",
  },
  logging: {
    level: "info",
    format: "json",
    dir: null,
    maxFileSizeMb: 10,
    maxFiles: 5,
  },
  metrics: {
    enabled: true,
    accuracyIntervalMinutes: 60,
  },
  health: {
    diskThresholdPercent: 90,
    memoryThresholdPercent: 80,
    eventLoopDelayThresholdMs: 200,
  },
  llm: {
    openaiBaseUrl: null,
    openaiApiKey: null,
    ollamaBaseUrl: null,
  },
  alerts: {
    enabled: true,
    evaluationIntervalSeconds: 30,
    slackWebhookUrl: null,
    pagerdutyRoutingKey: null,
    pagerdutyUrl: "https://events.pagerduty.com/v2/enqueue",
    webhookUrl: null,
  },
});

/** A mutable deep copy of the defaults, for the loader to fill in. */
export function cloneDefaults(): AppConfig {
  return structuredClone(DEFAULT_CONFIG) as AppConfig;
}
