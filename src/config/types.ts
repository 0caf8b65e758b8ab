/** The validated, frozen configuration every component receives a slice of. Read and checked in src/config only. */

export type Environment = "local" | "staging" | "production" | "docker";
export type Scope = "read" | "write" | "admin";

export interface ApiKey {
  /** The secret itself (never logged; shown masked). */
  key: string;
  /** A name for logs and metrics (never the key). */
  name: string;
  scopes: Scope[];
}

export interface AppConfig {
  environment: Environment;
  server: {
    host: string;
    /** Default 8000. */
    port: number;
    /** Request body limit in bytes; default 1 MiB. */
    bodyLimitBytes: number;
    /** Processes sharing the port (`serve --workers N`); default 1. */
    workers: number;
    /** How long SIGTERM waits for in-flight requests before closing; default 10 000 ms. */
    shutdownGraceMs: number;
    trustProxy: boolean;
  };
  parser: {
    /** Longest text accepted by /parse (characters); default 5 000. */
    maxInputLength: number;
    /** Zone used when a request names none; default UTC. */
    defaultTimezone: string;
  };
  store: {
    /** postgres://… selects PostgreSQL; null means the SQLite file under dataDir. */
    databaseUrl: string | null;
    /** Default ./data: the SQLite file and stored uploads. */
    dataDir: string;
  };
  queue: {
    backend: "local" | "redis";
    redisUrl: string | null;
    /** Jobs run at once by the workers of one process (serve with the local queue, or `calendar-api worker`); 0 runs none. Default 2. */
    workerThreads: number;
    /** Attempts before a job is dead-lettered; default 5. */
    maxAttempts: number;
    /** Base of the exponential retry backoff (with jitter); default 2 000 ms. */
    backoffMs: number;
    /** How long a claimed job is leased before another worker may take it over (a killed worker's job); default 30 s. */
    leaseSeconds: number;
    /** Prefix of the queue's Redis keys (several deployments can share one Redis); default "calendar". */
    redisPrefix: string;
    /** Port of `calendar-api worker`'s probes and /metrics (127.0.0.1 unless server.host says otherwise); 0 opens none. Default 9464. */
    workerPort: number;
  };
  /** Uploaded files, content-addressed. */
  storage: {
    /** `fs://` (the files directory below) or `fs:///some/dir`; default fs://. */
    backend: string;
    /** Directory of `fs://`; null means `<dataDir>/files`. */
    path: string | null;
  };
  ingest: {
    /** Title+location similarity (0..1) above which two events with close starts are one; default 0.72. */
    clusterThreshold: number;
    /** How far apart two starts may be and still be the same event; default 30 minutes. */
    dedupToleranceMinutes: number;
    /** Largest upload accepted by POST /api/v1/ingest; default 20 MiB. */
    maxUploadBytes: number;
  };
  scraper: {
    /** Sent with every request; default names the service and how to reach its operators. */
    userAgent: string;
    /** Per request (connect, headers and body); default 10 000 ms. */
    timeoutMs: number;
    /** Response size cap; default 10 MiB. */
    maxBytes: number;
    /** Requests at once to one host; default 2. */
    perHostConcurrency: number;
    /** Least time between two requests to one host (robots.txt Crawl-delay wins when longer); default 1 000 ms. */
    perHostDelayMs: number;
    /** Obey robots.txt; default true. */
    respectRobots: boolean;
    /** How often due sources are looked for; 0 turns scheduled runs off. Default 30 s. */
    schedulerIntervalSeconds: number;
    /** Refresh interval of a source registered without one; default 360 minutes. */
    defaultRefreshMinutes: number;
  };
  cache: {
    ttlHours: number;
    maxSizeMb: number;
  };
  security: {
    apiKeys: ApiKey[];
    /** Keys required for every route but the probes (always in production). */
    requireApiKeys: boolean;
    corsOrigins: string[];
    rateLimitPerMinute: number;
    rateLimitPerHour: number;
    /**
     * Where the counts live: "memory" (this process; the primary's under `serve --workers N`) or "redis"
     * (REDIS_URL, shared by every replica). Default redis when REDIS_URL is set, else memory.
     */
    rateLimitStore: "memory" | "redis";
  };
  logging: {
    level: "trace" | "debug" | "info" | "warn" | "error" | "fatal";
    /** "json": one object per line (files, Loki); "pretty": human-readable lines for local development. Default json. */
    format: "json" | "pretty";
    /** Directory of the log files; null logs to stdout only. */
    dir: string | null;
    maxFileSizeMb: number;
    maxFiles: number;
  };
  metrics: {
    enabled: boolean;
    /** How often the golden set is re-scored for parsing_accuracy_score; 0 disables the schedule. */
    accuracyIntervalMinutes: number;
  };
  health: {
    diskThresholdPercent: number;
    memoryThresholdPercent: number;
    eventLoopDelayThresholdMs: number;
  };
  llm: {
    openaiBaseUrl: string | null;
    openaiApiKey: string | null;
    ollamaBaseUrl: string | null;
  };
  /** In-process alerting (src/ops/alerts) for deployments without Prometheus; each notifier is on when its target is set. */
  alerts: {
    /** Evaluate the alert rules inside the service; default true. */
    enabled: boolean;
    /** Seconds between evaluations; default 30. */
    evaluationIntervalSeconds: number;
    /** Slack-compatible incoming webhook (secret: the URL is the credential); null sends nothing to Slack. */
    slackWebhookUrl: string | null;
    /** PagerDuty Events API v2 integration key (secret); null sends nothing to PagerDuty. */
    pagerdutyRoutingKey: string | null;
    /** PagerDuty Events API v2 endpoint; default https://events.pagerduty.com/v2/enqueue (null: that default). */
    pagerdutyUrl: string | null;
    /** Generic webhook that receives each alert as JSON (secret); null sends nothing. */
    webhookUrl: string | null;
  };
}

/** Where a configuration value came from, for `calendar-api config`. */
export type ConfigSource = "default" | `file:${string}` | `env:${string}`;
