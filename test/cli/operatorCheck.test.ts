// `calendar-api check`: the morning health check against a real service started in-process on a loopback port
// (with API keys, so the operator key is presented), against a stub that reports degraded health and firing
// alerts, and against nothing at all.
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import type { AppConfig } from "../../src/config/types.js";
import { checkCommand } from "../../src/main/commands/checkCommand.js";
import { reportCommand } from "../../src/main/commands/reportCommand.js";
import { defaultServiceUrl, gaugeValue, operatorKey } from "../../src/main/ops/serviceProbe.js";
import { type RunningService, startService } from "../../src/main/service.js";
import { eventually, freePort, postJson } from "../e2e/helpers.js";
import { captureIo, tempDir } from "./operatorHelpers.js";

const ADMIN = "ops-check-admin-5ecret-0a1b2c3d";
const WRITER = "ops-check-writer-5ecret-9f8e7d6c";
const API_KEYS = `app:${WRITER},ops:${ADMIN}:read+write+admin`;

describe("calendar-api check against a running service", () => {
  const tmp = tempDir("check");
  const logDir = join(tmp.dir, "logs");
  let service: RunningService;
  let config: AppConfig;

  beforeAll(async () => {
    const loaded = loadConfig({
      env: { DATA_DIR: join(tmp.dir, "data"), LOG_DIR: logDir, LOG_LEVEL: "info", API_KEYS, RATE_LIMIT_PER_MINUTE: "1000000", RATE_LIMIT_PER_HOUR: "100000000" },
      cwd: tmp.dir,
    }).config;
    // The machine's load (disk, memory, a busy event loop under a parallel test run) must not make this service
    // degraded: the verdict on degraded health is tested against the stub below.
    config = { ...loaded, server: { ...loaded.server, host: "127.0.0.1", port: 0 }, health: { diskThresholdPercent: 100, memoryThresholdPercent: 100, eventLoopDelayThresholdMs: 60_000 } };
    service = await startService(config, { stdout: false });
    const body = { text: "Dentist appointment tomorrow at 3pm", reference: "2026-11-23T10:00:00-05:00", timezone: "America/New_York" };
    for (let i = 0; i < 3; i++) expect((await postJson(`${service.url}/parse`, body, { "x-api-key": WRITER })).status).toBe(200);
    expect((await fetch(`${service.url}/events?limit=5`, { headers: { "x-api-key": WRITER } })).status).toBe(200);
    await service.loggers.flush();
    // The start-up scoring of the golden set (parsing_accuracy_score, read by the report below).
    await eventually(async () => (gaugeValue(await (await fetch(`${service.url}/metrics`)).text(), "parsing_accuracy_score") ?? 0) > 0, 15_000, 100);
  }, 30_000);

  afterAll(async () => {
    if (service) {
      await service.shutdown.run("test finished");
      await service.loggers.close();
    }
    tmp.remove();
  });

  it("a healthy service: exit 0, every probe answered, the last 24 h of its own logs summarised", async () => {
    const h = captureIo();
    const code = await checkCommand({ url: service.url, json: false }, h.io, config);
    expect(h.err()).toBe("");
    expect(code, h.out()).toBe(0);
    const text = h.out();
    expect(text).toMatch(/^service\s+healthy \(GET \/health 200\)$/m);
    expect(text).toMatch(/^\s+database\s+healthy/m);
    expect(text).toMatch(/^readiness\s+ready$/m);
    expect(text).toMatch(/^status\s+local v\S+, ready, up .*, 0 events stored, 3 parses served$/m);
    expect(text).toMatch(/^alerts\s+(none active|n\/a: this service has no \/alerts|\d+ active)$/m);
    expect(text).toMatch(new RegExp(`^logs\\s+${logDir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}, last 24 h$`, "m"));
    expect(text).toMatch(/^\s+requests\s+(?:[4-9]|[1-9]\d+), 5xx 0\.0%, p50 [\d.]+ ms, p95 [\d.]+ ms$/m);
    expect(text).toMatch(/^\s+parses\s+3, mean confidence/m);
    expect(text).toMatch(/^verdict\s+HEALTHY$/m);
  });

  it("--json: the same findings as data; the log directory defaults to LOG_DIR", async () => {
    const h = captureIo();
    expect(await checkCommand({ url: service.url, json: true }, h.io, config)).toBe(0);
    const report = JSON.parse(h.out());
    expect(report).toMatchObject({ verdict: "healthy", reasons: [], ready: { ready: true, httpStatus: 200 }, health: { status: "healthy", httpStatus: 200 } });
    expect(report.status).toMatchObject({ environment: "local", parsesServed: 3 });
    expect(report.logs.dir).toBe(logDir);
    expect(report.logs.requests.byRoute.map((r: { route: string }) => r.route)).toEqual(expect.arrayContaining(["POST /parse", "GET /events"]));
  });

  it("report --url reads parsing_accuracy_score and the cache statistics from the service (with the operator key)", async () => {
    const h = captureIo();
    const scorer = async () => {
      throw new Error("must not score in-process when the service answers");
    };
    expect(await reportCommand({ period: "day", url: service.url, json: true }, h.io, config, ".", scorer)).toBe(0);
    const report = JSON.parse(h.out());
    expect(report.accuracy).toMatchObject({ source: "metrics", value: expect.any(Number) });
    expect(report.accuracy.value).toBeGreaterThan(0.5);
    expect(report.cache).toMatchObject({ hits: 2, misses: 1, source: `${service.url}/cache/stats` });
    expect(report.logs.parses).toMatchObject({ count: 3, byRoute: { rules: 1, cache: 2 } });
  });
});

describe("calendar-api check against a degraded service", () => {
  let stub: Server;
  let url = "";
  const seen: Array<string | undefined> = [];
  const tmp = tempDir("check-stub");
  const { config } = loadConfig({ env: { API_KEYS: `viewer:${WRITER}:read,ops:${ADMIN}:admin` }, cwd: tmp.dir });

  beforeAll(async () => {
    stub = createServer((req, res) => {
      seen.push(req.headers["x-api-key"] as string | undefined);
      const send = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      if (req.url === "/health") return send(200, { status: "degraded", checks: [{ name: "database", status: "healthy", latencyMs: 2, detail: {} }, { name: "memory", status: "degraded", latencyMs: 0, detail: { usedPercent: 91 } }] });
      if (req.url === "/health/ready") return send(200, { status: "ready" });
      if (req.url === "/status") return send(200, { environment: "production", version: "9.9.9", state: "ready", uptimeSeconds: 90_000, eventsStored: 7, parsesServed: 70 });
      if (req.url === "/alerts") {
        return send(200, {
          active: [
            { name: "HighMemoryUsage", severity: "warning", state: "firing", summary: "memory over 800 MiB" },
            { name: "LowCacheHitRate", severity: "info", state: "firing", summary: "cache hit rate 12%" },
            { name: "HighErrorRate", severity: "critical", state: "pending", summary: "5xx 12%" },
          ],
          recent: [],
        });
      }
      send(404, {});
    });
    await new Promise<void>((r) => stub.listen(0, "127.0.0.1", () => r()));
    const address = stub.address();
    url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise((r) => stub.close(r));
    tmp.remove();
  });

  it("exit 1, naming the degraded check and the firing warning; pending and info alerts are listed only", async () => {
    const h = captureIo();
    const code = await checkCommand({ url, logs: join(tmp.dir, "no-logs"), json: false }, h.io, config);
    expect(code).toBe(1);
    const text = h.out();
    expect(text).toMatch(/^\s+memory\s+degraded\s+0 ms\s+\{"usedPercent":91\}$/m);
    expect(text).toMatch(/^status\s+production v9\.9\.9, ready, up 1 d 1 h, 7 events stored, 70 parses served$/m);
    expect(text).toMatch(/^alerts\s+3 active$/m);
    expect(text).toMatch(/^\s+\[warning\] HighMemoryUsage firing: memory over 800 MiB$/m);
    expect(text).toMatch(/^verdict\s+DEGRADED$/m);
    expect(text).toMatch(/^\s+- \/health reports degraded \(memory degraded\)$/m);
    expect(text).toMatch(/^\s+- alert HighMemoryUsage \(warning\) is firing$/m);
    expect(text).not.toMatch(/LowCacheHitRate \(info\) is firing|HighErrorRate \(critical\) is firing/);
    // The admin key, though listed second.
    expect(new Set(seen)).toEqual(new Set([ADMIN]));
  });
});

describe("calendar-api check against nothing", () => {
  it("unreachable: exit 1 with the connection error; no log directory is said, not guessed", async () => {
    const port = await freePort();
    const tmp = tempDir("check-none");
    try {
      const { config } = loadConfig({ env: { PORT: String(port), HOST: "0.0.0.0" }, cwd: tmp.dir });
      const h = captureIo();
      expect(await checkCommand({ json: false }, h.io, config)).toBe(1);
      expect(h.out()).toMatch(new RegExp(`^calendar-api check  http://127\\.0\\.0\\.1:${port}  `));
      expect(h.out()).toMatch(/^service\s+UNREACHABLE \(connect ECONNREFUSED 127\.0\.0\.1:\d+\)$/m);
      expect(h.out()).toMatch(/^logs\s+no log directory/m);
      expect(h.out()).toMatch(/^verdict\s+UNREACHABLE$/m);
    } finally {
      tmp.remove();
    }
  });

  it("a bad --url is a usage error", async () => {
    const { config } = loadConfig({ env: {}, cwd: "/nonexistent" });
    await expect(checkCommand({ url: "ftp://x", json: false }, captureIo().io, config)).rejects.toThrow(/--url: expected an http/);
  });
});

describe("operator defaults", () => {
  it("the service URL comes from server.host and server.port; a wildcard host is reached on loopback", () => {
    const server = (host: string) => ({ server: { host, port: 8000 } }) as Pick<AppConfig, "server">;
    expect(defaultServiceUrl(server("0.0.0.0"))).toBe("http://127.0.0.1:8000");
    expect(defaultServiceUrl(server("::"))).toBe("http://[::1]:8000");
    expect(defaultServiceUrl(server("api.internal"))).toBe("http://api.internal:8000");
  });

  it("the operator key: the first admin key, else the first that can read, else none", () => {
    const keys = (...scopes: Array<Array<"read" | "write" | "admin">>) => ({ security: { apiKeys: scopes.map((s, i) => ({ key: `k${i}`, name: `n${i}`, scopes: s })) } }) as Pick<AppConfig, "security">;
    expect(operatorKey(keys(["write"], ["admin"]))).toBe("k1");
    expect(operatorKey(keys(["write"], ["read"]))).toBe("k0");
    expect(operatorKey(keys())).toBeNull();
  });

  it("gauges are read from Prometheus text with or without labels", () => {
    const text = "# HELP x\nparsing_accuracy_score 0.93\ncache_hit_rate{instance=\"a\"} 0.5\n";
    expect(gaugeValue(text, "parsing_accuracy_score")).toBe(0.93);
    expect(gaugeValue(text, "cache_hit_rate")).toBe(0.5);
    expect(gaugeValue(text, "missing")).toBeNull();
  });
});
