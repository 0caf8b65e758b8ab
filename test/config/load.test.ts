// Layering: defaults → config/<environment>.yaml → plain variables → CALENDAR_API__ variables, with sources and coercion.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configFilePath, loadConfig } from "../../src/config/load.js";
import { load, problemsOf } from "./helpers.js";

describe("the file layer", () => {
  it("reads config/<ENVIRONMENT>.yaml over the defaults", () => {
    const { config, sources } = load({ ENVIRONMENT: "docker" }, { "config/docker.yaml": "server:\n  port: 9000\nstore:\n  dataDir: /app/data\n" });
    expect(config.environment).toBe("docker");
    expect(config.server.port).toBe(9000);
    expect(config.store.dataDir).toBe("/app/data");
    expect(sources["server.port"]).toBe("file:config/docker.yaml");
    expect(sources["server.host"]).toBe("default");
    expect(sources.environment).toBe("env:ENVIRONMENT");
  });

  it("uses config/local.yaml when ENVIRONMENT is unset", () => {
    expect(configFilePath({})).toBe("config/local.yaml");
    expect(load({}, { "config/local.yaml": "logging:\n  level: debug\n" }).config.logging.level).toBe("debug");
  });

  it("ignores the other environments' files", () => {
    expect(load({}, { "config/production.yaml": "server:\n  port: 9000\n" }).config.server.port).toBe(8000);
  });

  it("accepts a missing or empty file", () => {
    expect(load({ ENVIRONMENT: "staging", API_KEYS: "ci:0123456789abcdef0123" }).config.environment).toBe("staging");
    expect(load({}, { "config/local.yaml": "# nothing yet\n" }).config.server.port).toBe(8000);
  });

  it("names the file when it is malformed", () => {
    const problems = problemsOf({}, { "config/local.yaml": "server:\n  port: [8000\n" });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^config\/local\.yaml: not valid YAML/);
  });

  it("names the file when it cannot be read", () => {
    const readFile = () => {
      throw new Error("EACCES: permission denied");
    };
    expect(() => loadConfig({ env: {}, cwd: "/x", readFile })).toThrow(/config\/local\.yaml: cannot be read \(EACCES/);
  });

  it("rejects unknown sections and keys with a suggestion, and an environment key", () => {
    const problems = problemsOf({}, { "config/local.yaml": "sever:\n  port: 1\nserver:\n  prot: 1\nenvironment: production\n" });
    expect(problems).toEqual([
      'config/local.yaml: unknown section "sever" (did you mean server?)',
      "config/local.yaml: unknown key server.prot (did you mean server.port?)",
      "config/local.yaml: environment cannot be set in a file (the file is chosen by ENVIRONMENT)",
    ]);
  });

  it("reads the real file system by default", () => {
    const cwd = mkdtempSync(join(tmpdir(), "calendar-config-"));
    mkdirSync(join(cwd, "config"));
    writeFileSync(join(cwd, "config/local.yaml"), "server:\n  port: 8123\n");
    try {
      expect(loadConfig({ env: {}, cwd }).config.server.port).toBe(8123);
      expect(loadConfig({ env: { ENVIRONMENT: "docker" }, cwd }).config.server.port).toBe(8000);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});

describe("the environment layers", () => {
  const file = { "config/local.yaml": "server:\n  port: 9000\n  host: 127.0.0.1\n" };

  it("plain names override the file", () => {
    const { config, sources } = load({ PORT: "9100" }, file);
    expect(config.server.port).toBe(9100);
    expect(sources["server.port"]).toBe("env:PORT");
    expect(config.server.host).toBe("127.0.0.1");
  });

  it("CALENDAR_API__ names override plain names and the file", () => {
    const { config, sources } = load({ PORT: "9100", CALENDAR_API__SERVER__PORT: "9200", CALENDAR_API__SERVER__HOST: "::" }, file);
    expect(config.server.port).toBe(9200);
    expect(sources["server.port"]).toBe("env:CALENDAR_API__SERVER__PORT");
    expect(config.server.host).toBe("::");
  });

  it("map camelCase keys from UPPER_SNAKE", () => {
    const { config } = load({ CALENDAR_API__PARSER__MAX_INPUT_LENGTH: "8000", CALENDAR_API__HEALTH__EVENT_LOOP_DELAY_THRESHOLD_MS: "500" });
    expect(config.parser.maxInputLength).toBe(8000);
    expect(config.health.eventLoopDelayThresholdMs).toBe(500);
  });

  it("set every plain name the seeds use", () => {
    const { config } = load({
      PORT: "8080", HOST: "127.0.0.1", LOG_LEVEL: "INFO", LOG_DIR: "/app/logs", DATA_DIR: "/data",
      DATABASE_URL: "postgresql://u:p@db/calendar", REDIS_URL: "redis://redis:6379/0", API_KEYS: "k-0123456789abcdef",
      CORS_ORIGINS: "https://yourdomain.com, https://api.yourdomain.com", RATE_LIMIT_PER_MINUTE: "30", RATE_LIMIT_PER_HOUR: "500",
      CACHE_TTL_HOURS: "12", CACHE_MAX_SIZE_MB: "100", MAX_INPUT_LENGTH: "10000", OPENAI_BASE_URL: "https://api.openai.com/v1",
      OPENAI_API_KEY: "sk-test", OLLAMA_BASE_URL: "http://localhost:11434", QUEUE_BACKEND: "redis", WORKER_THREADS: "4",
      WORKERS: "3", SHUTDOWN_GRACE_MS: "15000", ENABLE_METRICS: "false",
      STORAGE_BACKEND: "fs:///srv/uploads", STORAGE_PATH: "/srv/files", CLUSTER_THRESHOLD: "0.8",
    });
    expect(config.server).toMatchObject({ port: 8080, host: "127.0.0.1", workers: 3, shutdownGraceMs: 15000 });
    expect(config.logging).toMatchObject({ level: "info", dir: "/app/logs" });
    expect(config.store).toEqual({ databaseUrl: "postgresql://u:p@db/calendar", dataDir: "/data" });
    expect(config.queue).toMatchObject({ backend: "redis", redisUrl: "redis://redis:6379/0", workerThreads: 4 });
    expect(config.storage).toEqual({ backend: "fs:///srv/uploads", path: "/srv/files" });
    expect(config.ingest.clusterThreshold).toBe(0.8);
    expect(config.security).toMatchObject({ corsOrigins: ["https://yourdomain.com", "https://api.yourdomain.com"], rateLimitPerMinute: 30, rateLimitPerHour: 500, requireApiKeys: true });
    expect(config.security.apiKeys).toEqual([{ name: "key1", key: "k-0123456789abcdef", scopes: ["read", "write"] }]);
    expect(config.cache).toEqual({ ttlHours: 12, maxSizeMb: 100 });
    expect(config.parser.maxInputLength).toBe(10000);
    expect(config.llm).toEqual({ openaiBaseUrl: "https://api.openai.com/v1", openaiApiKey: "sk-test", ollamaBaseUrl: "http://localhost:11434" });
    expect(config.metrics.enabled).toBe(false);
  });

  it("CALENDAR_API__ENVIRONMENT picks the file over ENVIRONMENT", () => {
    const env = { ENVIRONMENT: "local", CALENDAR_API__ENVIRONMENT: "docker" };
    expect(configFilePath(env)).toBe("config/docker.yaml");
    expect(load(env, { "config/docker.yaml": "server:\n  port: 7000\n" }).config.server.port).toBe(7000);
  });

  it("leaves other variables alone", () => {
    expect(load({ PATH: "/usr/bin", HOME: "/root", API_SECRET_KEY: "x", CALENDAR_API_VERSION: "1" }).config.server.port).toBe(8000);
  });
});

describe("coercion from strings", () => {
  it("reads numbers, booleans, lists and trims", () => {
    const { config } = load({
      CALENDAR_API__SERVER__TRUST_PROXY: "TRUE", CALENDAR_API__METRICS__ENABLED: "0", CACHE_TTL_HOURS: " 0.5 ",
      CORS_ORIGINS: " https://a.example , ,http://localhost:3000 ", CALENDAR_API__PARSER__DEFAULT_TIMEZONE: "america/new_york",
    });
    expect(config.server.trustProxy).toBe(true);
    expect(config.metrics.enabled).toBe(false);
    expect(config.cache.ttlHours).toBe(0.5);
    expect(config.security.corsOrigins).toEqual(["https://a.example", "http://localhost:3000"]);
    expect(config.parser.defaultTimezone).toBe("America/New_York");
  });

  it("accepts YAML's own types and strings alike", () => {
    const { config } = load({}, { "config/local.yaml": 'server:\n  port: "9000"\n  trustProxy: true\nsecurity:\n  corsOrigins: [https://a.example]\n' });
    expect(config.server.port).toBe(9000);
    expect(config.server.trustProxy).toBe(true);
    expect(config.security.corsOrigins).toEqual(["https://a.example"]);
  });

  it("reads an empty value as 'none' where none is possible", () => {
    const { config } = load({ LOG_DIR: "", DATABASE_URL: "", CORS_ORIGINS: "" }, { "config/local.yaml": "logging:\n  dir: ./logs\nsecurity:\n  corsOrigins: ['*']\n" });
    expect(config.logging.dir).toBeNull();
    expect(config.store.databaseUrl).toBeNull();
    expect(config.security.corsOrigins).toEqual([]);
  });

  it("accepts the seeds' spellings: LOG_LEVEL=INFO, QUEUE_BACKEND=inproc", () => {
    const { config } = load({ LOG_LEVEL: "WARNING", QUEUE_BACKEND: "inproc" });
    expect(config.logging.level).toBe("warn");
    expect(config.queue.backend).toBe("local");
  });
});

describe("derived defaults", () => {
  it("REDIS_URL alone moves the queue onto Redis; QUEUE_BACKEND=local keeps it in-process", () => {
    expect(load({ REDIS_URL: "redis://r:6379" }).config.queue.backend).toBe("redis");
    expect(load({ REDIS_URL: "redis://r:6379", QUEUE_BACKEND: "local" }).config.queue.backend).toBe("local");
  });

  it("REDIS_URL alone puts the rate-limit counts in Redis; RATE_LIMIT_STORE=memory keeps them in the process", () => {
    expect(load({}).config.security.rateLimitStore).toBe("memory");
    expect(load({ REDIS_URL: "redis://r:6379" }).config.security.rateLimitStore).toBe("redis");
    expect(load({ REDIS_URL: "redis://r:6379", RATE_LIMIT_STORE: "memory" }).config.security.rateLimitStore).toBe("memory");
  });

  it("API keys turn requireApiKeys on", () => {
    expect(load({}).config.security.requireApiKeys).toBe(false);
    expect(load({ API_KEYS: "dev:devkey" }).config.security.requireApiKeys).toBe(true);
  });
});

describe("the repository's config files", () => {
  const real = (name: string) => readFileSync(join(import.meta.dirname, "../../config", name), "utf8");

  it.each(["local", "docker"])("%s.yaml loads with no variables", (name) => {
    expect(() => load({ ENVIRONMENT: name }, { [`config/${name}.yaml`]: real(`${name}.yaml`) })).not.toThrow();
  });

  it("staging.yaml loads with API keys", () => {
    const { config } = load({ ENVIRONMENT: "staging", API_KEYS: "ci:0123456789abcdef0123" }, { "config/staging.yaml": real("staging.yaml") });
    expect(config.logging).toMatchObject({ format: "json", dir: "/var/log/calendar-api" });
  });

  it("production.yaml loads with keys and PostgreSQL from the environment, and holds no secret itself", () => {
    const text = real("production.yaml");
    const { config, sources } = load({ ENVIRONMENT: "production", API_KEYS: "ops:0123456789abcdef0123:read+write+admin", DATABASE_URL: "postgres://u:p@db/c" }, { "config/production.yaml": text });
    expect(config.logging).toMatchObject({ format: "json", dir: "/var/log/calendar-api", level: "info" });
    for (const key of ["security.apiKeys", "llm.openaiApiKey", "store.databaseUrl", "queue.redisUrl"]) expect(sources[key]).not.toMatch(/^file:/);
    expect(text).not.toMatch(/apiKeys|openaiApiKey|databaseUrl|redisUrl|:\/\/[^\s]*@/);
  });

  it("docker.yaml listens on all interfaces and keeps data and logs under /app", () => {
    const { config } = load({ ENVIRONMENT: "docker" }, { "config/docker.yaml": real("docker.yaml") });
    expect(config.server.host).toBe("0.0.0.0");
    expect(config.store.dataDir).toBe("/app/data");
    expect(config.logging.dir).toBe("/app/logs");
  });

  it("local.yaml logs JSON lines at debug level to ./logs", () => {
    const { config } = load({}, { "config/local.yaml": real("local.yaml") });
    expect(config.logging).toMatchObject({ dir: "./logs", format: "json", level: "debug" });
  });
});
