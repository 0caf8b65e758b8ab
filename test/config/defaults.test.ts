// Defaults in code: with no file and no variables the configuration is DEFAULT_CONFIG, every source "default".
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/defaults.js";
import { FIELDS } from "../../src/config/schema.js";
import { load } from "./helpers.js";

describe("defaults", () => {
  it("are the documented values", () => {
    const { config } = load({});
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(config.environment).toBe("local");
    expect(config.server).toEqual({ host: "0.0.0.0", port: 8000, bodyLimitBytes: 1048576, workers: 1, shutdownGraceMs: 10000, trustProxy: false });
    expect(config.parser).toEqual({ maxInputLength: 5000, defaultTimezone: "UTC" });
    expect(config.store).toEqual({ databaseUrl: null, dataDir: "./data" });
    expect(config.queue).toEqual({ backend: "local", redisUrl: null, workerThreads: 2, maxAttempts: 5, backoffMs: 2000, leaseSeconds: 30, redisPrefix: "calendar", workerPort: 9464 });
    expect(config.storage).toEqual({ backend: "fs://", path: null });
    expect(config.ingest).toEqual({ clusterThreshold: 0.72, dedupToleranceMinutes: 30, maxUploadBytes: 20 * 1024 * 1024 });
    expect(config.scraper).toMatchObject({ timeoutMs: 10_000, maxBytes: 10 * 1024 * 1024, perHostConcurrency: 2, perHostDelayMs: 1000, respectRobots: true, schedulerIntervalSeconds: 30 });
    expect(config.cache).toEqual({ ttlHours: 24, maxSizeMb: 64 });
    expect(config.security).toEqual({ apiKeys: [], requireApiKeys: false, corsOrigins: [], rateLimitPerMinute: 60, rateLimitPerHour: 1000, rateLimitStore: "memory" });
    expect(config.logging).toEqual({ level: "info", format: "json", dir: null, maxFileSizeMb: 10, maxFiles: 5 });
    expect(config.metrics).toEqual({ enabled: true, accuracyIntervalMinutes: 60 });
    expect(config.health).toEqual({ diskThresholdPercent: 90, memoryThresholdPercent: 80, eventLoopDelayThresholdMs: 200 });
    expect(config.llm).toEqual({ openaiBaseUrl: null, openaiApiKey: null, ollamaBaseUrl: null });
  });

  it("come from 'default' for every key", () => {
    const { sources } = load({});
    expect(Object.keys(sources)).toEqual(FIELDS.map((f) => f.path));
    expect(new Set(Object.values(sources))).toEqual(new Set(["default"]));
  });

  it("cover every key of the schema and nothing else", () => {
    const leaves = (node: object, prefix = ""): string[] =>
      Object.entries(node).flatMap(([k, v]) => (v !== null && typeof v === "object" && !Array.isArray(v) ? leaves(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(leaves(DEFAULT_CONFIG).sort()).toEqual(FIELDS.map((f) => f.path).sort());
  });
});
