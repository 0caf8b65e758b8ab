/** The table of every configuration key: its path, its type and limits, its environment variable names, whether it is secret. */

/** What a key accepts; the coercers in coerce.ts read strings (environment) and YAML values alike. */
export type FieldKind =
  | { type: "int"; min: number; max: number }
  | { type: "number"; min: number; max: number; minExclusive?: boolean }
  | { type: "boolean" }
  | { type: "string" }
  | { type: "path" }
  | { type: "nullablePath" }
  | { type: "enum"; values: readonly string[]; aliases?: Readonly<Record<string, string>> }
  | { type: "url"; protocols: readonly string[] }
  | { type: "secret" }
  | { type: "zone" }
  | { type: "origins" }
  | { type: "apiKeys" };

export interface FieldSpec {
  /** Dotted path into AppConfig, e.g. "server.port". */
  path: string;
  kind: FieldKind;
  /** The plain environment variable the seeds use (PORT, LOG_LEVEL…), when there is one. */
  plain?: string;
  /** Secret values are masked in messages and in `calendar-api config`, and refused in staging/production files. */
  secret?: boolean;
}

/** Prefix of the environment variables that can set any key: CALENDAR_API__SECTION__KEY. */
export const ENV_PREFIX = "CALENDAR_API__";

const int = (min: number, max: number): FieldKind => ({ type: "int", min, max });

/** Every key, in the order `calendar-api config` prints them. */
export const FIELDS: readonly FieldSpec[] = [
  { path: "environment", kind: { type: "enum", values: ["local", "staging", "production", "docker"] }, plain: "ENVIRONMENT" },
  { path: "server.host", kind: { type: "string" }, plain: "HOST" },
  { path: "server.port", kind: int(1, 65_535), plain: "PORT" },
  { path: "server.bodyLimitBytes", kind: int(1024, 1024 ** 3) },
  { path: "server.workers", kind: int(1, 256), plain: "WORKERS" },
  { path: "server.shutdownGraceMs", kind: int(0, 600_000), plain: "SHUTDOWN_GRACE_MS" },
  { path: "server.trustProxy", kind: { type: "boolean" } },
  { path: "parser.maxInputLength", kind: int(1, 1_000_000), plain: "MAX_INPUT_LENGTH" },
  { path: "parser.defaultTimezone", kind: { type: "zone" } },
  { path: "store.databaseUrl", kind: { type: "url", protocols: ["postgres:", "postgresql:"] }, plain: "DATABASE_URL" },
  { path: "store.dataDir", kind: { type: "path" }, plain: "DATA_DIR" },
  // "inproc" is what the file-ingestion seed calls the in-process queue.
  { path: "queue.backend", kind: { type: "enum", values: ["local", "redis"], aliases: { inproc: "local" } }, plain: "QUEUE_BACKEND" },
  { path: "queue.redisUrl", kind: { type: "url", protocols: ["redis:", "rediss:"] }, plain: "REDIS_URL" },
  { path: "queue.workerThreads", kind: int(0, 256), plain: "WORKER_THREADS" },
  { path: "queue.maxAttempts", kind: int(1, 100) },
  { path: "queue.backoffMs", kind: int(1, 3_600_000) },
  { path: "queue.leaseSeconds", kind: int(1, 3600) },
  { path: "queue.redisPrefix", kind: { type: "string" } },
  { path: "queue.workerPort", kind: int(0, 65_535), plain: "WORKER_PORT" },
  { path: "storage.backend", kind: { type: "url", protocols: ["fs:"] }, plain: "STORAGE_BACKEND" },
  { path: "storage.path", kind: { type: "nullablePath" }, plain: "STORAGE_PATH" },
  { path: "ingest.clusterThreshold", kind: { type: "number", min: 0, max: 1, minExclusive: true }, plain: "CLUSTER_THRESHOLD" },
  { path: "ingest.dedupToleranceMinutes", kind: int(0, 24 * 60) },
  { path: "ingest.maxUploadBytes", kind: int(1024, 1024 ** 3) },
  { path: "scraper.userAgent", kind: { type: "string" }, plain: "SCRAPER_USER_AGENT" },
  { path: "scraper.timeoutMs", kind: int(100, 600_000) },
  { path: "scraper.maxBytes", kind: int(1024, 1024 ** 3) },
  { path: "scraper.perHostConcurrency", kind: int(1, 64) },
  { path: "scraper.perHostDelayMs", kind: int(0, 600_000) },
  { path: "scraper.respectRobots", kind: { type: "boolean" } },
  { path: "scraper.schedulerIntervalSeconds", kind: int(0, 86_400) },
  { path: "scraper.defaultRefreshMinutes", kind: int(1, 525_600) },
  { path: "cache.ttlHours", kind: { type: "number", min: 0, max: 24 * 365, minExclusive: true }, plain: "CACHE_TTL_HOURS" },
  { path: "cache.maxSizeMb", kind: int(1, 1_048_576), plain: "CACHE_MAX_SIZE_MB" },
  { path: "security.apiKeys", kind: { type: "apiKeys" }, plain: "API_KEYS", secret: true },
  { path: "security.requireApiKeys", kind: { type: "boolean" } },
  { path: "security.corsOrigins", kind: { type: "origins" }, plain: "CORS_ORIGINS" },
  { path: "security.rateLimitPerMinute", kind: int(1, 1_000_000), plain: "RATE_LIMIT_PER_MINUTE" },
  { path: "security.rateLimitPerHour", kind: int(1, 100_000_000), plain: "RATE_LIMIT_PER_HOUR" },
  { path: "security.rateLimitStore", kind: { type: "enum", values: ["memory", "redis"] }, plain: "RATE_LIMIT_STORE" },
  // LOG_LEVEL is case-insensitive: the seeds write LOG_LEVEL=INFO.
  { path: "logging.level", kind: { type: "enum", values: ["trace", "debug", "info", "warn", "error", "fatal"], aliases: { warning: "warn" } }, plain: "LOG_LEVEL" },
  { path: "logging.format", kind: { type: "enum", values: ["json", "pretty"] } },
  { path: "logging.dir", kind: { type: "nullablePath" }, plain: "LOG_DIR" },
  { path: "logging.maxFileSizeMb", kind: int(1, 10_240) },
  { path: "logging.maxFiles", kind: int(1, 1000) },
  // ENABLE_METRICS is the name the Calendar API seed documents.
  { path: "metrics.enabled", kind: { type: "boolean" }, plain: "ENABLE_METRICS" },
  { path: "metrics.accuracyIntervalMinutes", kind: int(0, 7 * 24 * 60) },
  { path: "health.diskThresholdPercent", kind: int(1, 100) },
  { path: "health.memoryThresholdPercent", kind: int(1, 100) },
  { path: "health.eventLoopDelayThresholdMs", kind: int(1, 60_000) },
  { path: "llm.openaiBaseUrl", kind: { type: "url", protocols: ["http:", "https:"] }, plain: "OPENAI_BASE_URL" },
  { path: "llm.openaiApiKey", kind: { type: "secret" }, plain: "OPENAI_API_KEY", secret: true },
  { path: "llm.ollamaBaseUrl", kind: { type: "url", protocols: ["http:", "https:"] }, plain: "OLLAMA_BASE_URL" },
  { path: "alerts.enabled", kind: { type: "boolean" } },
  { path: "alerts.evaluationIntervalSeconds", kind: int(1, 3600) },
  // Webhook URLs carry their credential in the path: secret like the routing key.
  { path: "alerts.slackWebhookUrl", kind: { type: "url", protocols: ["http:", "https:"] }, plain: "ALERT_SLACK_WEBHOOK_URL", secret: true },
  { path: "alerts.pagerdutyRoutingKey", kind: { type: "secret" }, plain: "ALERT_PAGERDUTY_ROUTING_KEY", secret: true },
  { path: "alerts.pagerdutyUrl", kind: { type: "url", protocols: ["http:", "https:"] } },
  { path: "alerts.webhookUrl", kind: { type: "url", protocols: ["http:", "https:"] }, plain: "ALERT_WEBHOOK_URL", secret: true },
];

/** The spec of one path; throws on a path that is not in the table (a programming error). */
export function fieldFor(path: string): FieldSpec {
  const field = FIELDS.find((f) => f.path === path);
  if (!field) throw new Error(`no configuration key ${path}`);
  return field;
}

/** "maxInputLength" → "MAX_INPUT_LENGTH". */
export function upperSnake(camel: string): string {
  return camel.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}

/** "parser.maxInputLength" → "CALENDAR_API__PARSER__MAX_INPUT_LENGTH". */
export function prefixedName(path: string): string {
  return ENV_PREFIX + path.split(".").map(upperSnake).join("__");
}

/** The variable to name when a key was never set: the plain one if there is one, else the prefixed one. */
export function preferredName(field: FieldSpec): string {
  return field.plain ?? prefixedName(field.path);
}

/** The closest candidate to `name` within a few edits, for "did you mean" hints; undefined when none is close. */
export function suggest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 4)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}
