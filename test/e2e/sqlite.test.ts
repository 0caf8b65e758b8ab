// The real CLI server on a socket with SQLite: parse and events over HTTP, bad input refused with nothing
// stored, rate limits, and the log files (request ids in every channel, no API key anywhere).
import { createHash } from "node:crypto";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliServer, eventually, expectProblem, logLines, logText, postJson, startCli } from "./helpers.js";

const ADMIN = "e2e-admin-5ecret-0a1b2c3d4e5f";
const WRITER = "e2e-writer-5ecret-9f8e7d6c5b4a";
const READER = "e2e-reader-5ecret-1122334455aa";
const WRONG = "e2e-wrong-5ecret-000000000000";
const API_KEYS = `ops:${ADMIN}:read+write+admin,app:${WRITER},viewer:${READER}:read`;
const NY = "America/New_York";
const LOG_FILES = ["calendar-api.log", "parsing-decisions.log", "performance-metrics.log"];

const asWriter = { "x-api-key": WRITER };

describe("e2e: calendar-api serve on SQLite", () => {
  let server: CliServer;
  const stored = async () => (await (await fetch(`${server.url}/status`)).json()).eventsStored as number;

  beforeAll(async () => {
    server = await startCli({ API_KEYS, MAX_INPUT_LENGTH: "500", LOG_LEVEL: "info" });
  }, 30_000);
  afterAll(async () => {
    await server?.cleanup();
  });

  it("parses over HTTP: rules, then cache for the same body; the request id is echoed", async () => {
    const body = { text: "Salsa social every Friday 9pm at Havana Club", reference: "2026-11-20T10:00:00-05:00", timezone: NY };
    const first = await postJson(`${server.url}/parse`, body, { ...asWriter, "x-request-id": "e2e-parse-1" });
    expect(first.status).toBe(200);
    expect(first.headers.get("x-request-id")).toBe("e2e-parse-1");
    const parsed = await first.json();
    expect(parsed.events[0]).toMatchObject({ title: "Salsa social", start: "2026-11-20T21:00:00-05:00", recurrence: "FREQ=WEEKLY;BYDAY=FR", location: "Havana Club" });
    expect(parsed.meta).toMatchObject({ route: "rules", durationMs: expect.any(Number), confidence: expect.any(Number) });
    const second = await postJson(`${server.url}/parse`, body, { authorization: `Bearer ${READER}`, "x-request-id": "e2e-parse-2" });
    expect((await second.json()).meta.route).toBe("cache");
  });

  it("creates events from fields and from text and lists them", async () => {
    const before = await stored();
    const one = await postJson(`${server.url}/events`, { title: "E2E dentist", start: "2027-02-03T14:00:00-05:00", end: "2027-02-03T15:00:00-05:00", timezone: NY }, { ...asWriter, "x-request-id": "e2e-create-1" });
    expect(one.status).toBe(201);
    const [created] = (await one.json()).events;
    const two = await postJson(`${server.url}/events`, { text: "Dentist on Dec 3 at 2pm. Yoga class Dec 5 at 7am.", reference: "2026-11-20T10:00:00-05:00", timezone: NY }, asWriter);
    expect(two.status).toBe(201);
    expect((await two.json()).events).toHaveLength(2);
    expect(await stored()).toBe(before + 3);

    const read = await fetch(`${server.url}/events/${created.id}`, { headers: asWriter });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ id: created.id, title: "E2E dentist" });
    const listed = await (await fetch(`${server.url}/events?from=2026-11-01&to=2027-03-01&limit=50`, { headers: { "x-api-key": READER } })).json();
    expect(listed.events.map((e: { title: string }) => e.title)).toEqual(["Dentist", "Yoga class", "E2E dentist"]);
  });

  it("refuses bad input over the socket as problem+json, storing nothing", async () => {
    const before = await stored();
    const events = `${server.url}/events`;
    const parse = `${server.url}/parse`;
    const badJson = await expectProblem(await postJson(parse, '{"text": "lunch', asWriter), 400, "INVALID_JSON");
    expect(badJson.detail).toMatch(/JSON/);
    await expectProblem(await postJson(events, '{"title": ', asWriter), 400, "INVALID_JSON");
    await expectProblem(await postJson(parse, { text: "lunch tomorrow ".repeat(40) }, asWriter), 413, "TEXT_TOO_LONG", "text");
    await expectProblem(await postJson(events, { text: "lunch tomorrow ".repeat(40) }, asWriter), 413, "TEXT_TOO_LONG", "text");
    await expectProblem(await postJson(events, { text: "x".repeat(1_100_000) }, asWriter), 413, "PAYLOAD_TOO_LARGE");
    await expectProblem(await postJson(parse, { text: "lunch at noon", timezone: "Mars/Olympus_Mons" }, asWriter), 400, "INVALID_TIMEZONE", "timezone");
    await expectProblem(await postJson(events, { text: "lunch tomorrow at noon", timezone: "Mars/Olympus_Mons" }, asWriter), 400, "INVALID_TIMEZONE", "timezone");
    await expectProblem(await postJson(events, { title: "No key", start: "2027-02-03T14:00:00-05:00", timezone: NY }), 401, "UNAUTHORIZED");
    await expectProblem(await postJson(events, { title: "Wrong key", start: "2027-02-03T14:00:00-05:00", timezone: NY }, { "x-api-key": WRONG }), 401, "UNAUTHORIZED");
    await expectProblem(await postJson(events, { title: "Wrong bearer", start: "2027-02-03T14:00:00-05:00", timezone: NY }, { authorization: `Bearer ${WRONG}` }), 401, "UNAUTHORIZED");
    await expectProblem(await postJson(events, { title: "Read key", start: "2027-02-03T14:00:00-05:00", timezone: NY }, { "x-api-key": READER }), 403, "FORBIDDEN");
    await expectProblem(await postJson(events, { title: "Bad start", start: "soon", timezone: NY }, asWriter), 400, "INVALID_EVENT", "start");
    expect(await stored()).toBe(before);
  });

  it("keeps probes and metrics public; admin routes need the admin key", async () => {
    for (const path of ["/health/live", "/health/ready", "/metrics", "/status"]) expect((await fetch(`${server.url}${path}`)).status, path).toBe(200);
    await expectProblem(await fetch(`${server.url}/config`, { headers: asWriter }), 403, "FORBIDDEN");
    const config = await fetch(`${server.url}/config`, { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(config.status).toBe(200);
    const text = await config.text();
    for (const secret of [ADMIN, WRITER, READER]) expect(text).not.toContain(secret);
  });

  it("writes the log files with request ids, and no API key in any line", async () => {
    const lines = await eventually(() => {
      const decisions = logLines(server.logDir, "parsing-decisions.log");
      const performance = logLines(server.logDir, "performance-metrics.log");
      const app = logLines(server.logDir, "calendar-api.log");
      const ok = decisions.some((l) => l.requestId === "e2e-parse-1") && performance.some((l) => l.requestId === "e2e-create-1") && app.some((l) => l.requestId === "e2e-parse-1");
      return ok ? { decisions, performance, app } : null;
    });
    expect(lines, "log lines with the request ids did not appear").not.toBeNull();
    const { decisions, performance, app } = lines!;
    // parsing-decisions: one line per parse, with hash, route, confidence breakdown, duration.
    const decision = decisions.find((l) => l.requestId === "e2e-parse-1")!;
    expect(decision).toMatchObject({ route: "rules", textHash: expect.any(String), duration_ms: expect.any(Number), confidence: expect.any(Number) });
    expect(decision.confidence_breakdown).toEqual(expect.any(Array));
    // The hash is the first 16 hex digits of the text's SHA-256: the same text can be found again without logging it.
    expect(decision.textHash).toBe(createHash("sha256").update("Salsa social every Friday 9pm at Havana Club").digest("hex").slice(0, 16));
    expect(decisions.find((l) => l.requestId === "e2e-parse-2")).toMatchObject({ route: "cache" });
    expect(JSON.stringify(decisions)).not.toContain("Havana Club");
    // performance-metrics: duration per request, with the route template.
    expect(performance.find((l) => l.requestId === "e2e-create-1")).toMatchObject({ route: "/events", method: "POST", status: 201, duration_ms: expect.any(Number) });
    // The app log: one line per request (the performance channel, also written there) carries the request id.
    const requestLines = app.filter((l) => l.channel === "performance" && l.route !== undefined);
    expect(requestLines.length).toBeGreaterThan(0);
    for (const line of requestLines) expect(line.requestId, JSON.stringify(line)).toEqual(expect.any(String));

    const everything = [...LOG_FILES, "calendar-api-errors.log"].map((f) => logText(server.logDir, f)).join("\n") + server.output().stdout + server.output().stderr;
    for (const secret of [ADMIN, WRITER, READER, WRONG]) expect(everything.includes(secret), `a key appears in the logs`).toBe(false);
  });
});

describe("e2e: rate limit reached (RATE_LIMIT_PER_MINUTE=3)", () => {
  let server: CliServer;
  beforeAll(async () => {
    server = await startCli({ API_KEYS, RATE_LIMIT_PER_MINUTE: "3" });
  }, 30_000);
  afterAll(async () => {
    await server?.cleanup();
  });

  it("answers the 4th request of a key with 429 and Retry-After; another key and the probes still pass", async () => {
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${server.url}/events`, { headers: { "x-api-key": READER } });
      expect(res.status).toBe(200);
      expect(res.headers.get("ratelimit-remaining")).toBe(String(2 - i));
    }
    const limited = await fetch(`${server.url}/events`, { headers: { "x-api-key": READER } });
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(limited.headers.get("ratelimit-limit")).toBe("3");
    expect(limited.headers.get("ratelimit-remaining")).toBe("0");
    expect(Number(limited.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
    await expectProblem(limited, 429, "RATE_LIMITED");
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await fetch(`${server.url}/events`, { headers: { "x-api-key": WRITER } })).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await fetch(`${server.url}/health/ready`)).status).toBe(200);
  });
});

/** A request on a connection of its own (no keep-alive), so that the cluster's primary hands each to the next worker. */
function onNewConnection(url: string, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; json: () => unknown }> {
  return new Promise((resolveResponse, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = httpRequest(
      `${url}${path}`,
      { method, agent: false, headers: { ...headers, connection: "close", ...(payload ? { "content-type": "application/json" } : {}) } },
      (res) => {
        let text = "";
        res.setEncoding("utf8").on("data", (chunk: string) => void (text += chunk));
        res.on("end", () => resolveResponse({ status: res.statusCode ?? 0, json: () => JSON.parse(text) }));
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

describe("e2e: serve --workers 2: rate limits, the cache, /status and alerts are the cluster's (RATE_LIMIT_PER_MINUTE=4)", () => {
  let server: CliServer;
  beforeAll(async () => {
    server = await startCli({ API_KEYS, RATE_LIMIT_PER_MINUTE: "4", WORKERS: "2", CALENDAR_API__ALERTS__EVALUATION_INTERVAL_SECONDS: "1" }, { readyTimeoutMs: 40_000 });
    // Both workers listen before the count starts, so that connections really alternate between them.
    const workersReady = () => server.output().stdout.split("calendar-api ready").length - 1;
    await eventually(() => workersReady() === 2, 45_000);
    expect(workersReady(), `both workers ready; stderr:\n${server.output().stderr}`).toBe(2);
  }, 100_000);
  afterAll(async () => {
    await server?.cleanup();
  });

  it("lets a key through 4 times in all, whichever worker each connection lands on", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await onNewConnection(server.url, "GET", "/events", { "x-api-key": READER })).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(4);
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(statuses.slice(4)).toEqual(Array(6).fill(429));
    // No worker fell back to counting alone.
    expect(server.output().stdout).not.toContain("rate limit decided by this worker alone");
  });

  it("counts the parses and reports and clears the parse cache of both workers, whichever one the operator reaches", async () => {
    const texts = ["Yoga Monday 7pm", "Choir Tuesday 6pm", "Book club Wednesday 8pm", "Pottery Thursday 5pm"];
    for (const text of texts) {
      const parsed = await onNewConnection(server.url, "POST", "/parse", asWriter, { text, timezone: NY, reference: "2026-12-01T09:00:00-05:00" });
      expect(parsed.status).toBe(200);
    }
    // /status counts both workers' parses, whichever worker answers it (each served some of the four).
    for (let i = 0; i < 3; i++) expect((await onNewConnection(server.url, "GET", "/status", {})).json()).toMatchObject({ parsesServed: 4 });
    const admin = { "x-api-key": ADMIN };
    const stats = await onNewConnection(server.url, "GET", "/cache/stats", admin);
    expect(stats.status).toBe(200);
    expect(stats.json()).toMatchObject({ entries: 4, misses: 4, hits: 0 });
    const cleared = await onNewConnection(server.url, "DELETE", "/cache/clear", admin);
    expect(cleared.json()).toEqual({ cleared: 4 });
    const after = await onNewConnection(server.url, "GET", "/cache/stats", admin);
    expect(after.json()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it("evaluates alerts on every worker's readings, gathered over the real IPC channel", async () => {
    // Every second each worker gathers both workers' readings (JSON over node:cluster IPC) and evaluates.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const alerts = await onNewConnection(server.url, "GET", "/alerts", { "x-api-key": ADMIN });
    expect(alerts.status).toBe(200);
    expect(alerts.json()).toMatchObject({ lastEvaluation: expect.any(String), active: [] });
    expect(server.output().stdout).not.toContain("alert evaluation failed");
  });
});

const redisUrl = process.env.REDIS_URL;
describe.skipIf(!redisUrl)(`e2e: two replicas share their rate limits through Redis (RATE_LIMIT_STORE=redis)${redisUrl ? "" : " (skipped: REDIS_URL is not set)"}`, () => {
  const replicas: CliServer[] = [];
  beforeAll(async () => {
    // A key prefix of this run's own, so that counts left by other runs or tests never meet these.
    const env = { API_KEYS, REDIS_URL: redisUrl!, RATE_LIMIT_STORE: "redis", RATE_LIMIT_PER_MINUTE: "3", CALENDAR_API__QUEUE__REDIS_PREFIX: `calendar-e2e-${process.pid}-${Date.now()}` };
    replicas.push(...(await Promise.all([startCli(env), startCli(env)])));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.cleanup()));
  });

  it("lets a key through 3 times across both replicas, then answers 429 on either", async () => {
    const get = (i: number) => fetch(`${replicas[i % 2].url}/events`, { headers: { "x-api-key": READER } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await get(i)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
    const limited = await get(1);
    expect(limited.headers.get("ratelimit-limit")).toBe("3");
    await expectProblem(limited, 429, "RATE_LIMITED");
    for (const r of replicas) expect(r.output().stdout).not.toContain("decided by this process alone");
  });
});
