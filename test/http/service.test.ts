// The operator-facing routes: /openapi.json, /docs, /status, /metrics (route templates, never raw URLs),
// readiness while not ready, and the error catalogue documented in docs/errors.md.
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCatalogue } from "../../src/http/errors.js";
import { createHarness, expectProblem, type Harness, json, postJson } from "./harness.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

describe("OpenAPI and Swagger UI", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it("serves /openapi.json: valid JSON with the documented paths", async () => {
    const res = await h.app.inject({ method: "GET", url: "/openapi.json" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    const doc = json(res);
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info).toMatchObject({ title: "Calendar API", version: expect.any(String) });
    const paths = Object.keys(doc.paths);
    for (const path of ["/parse", "/parse/explain", "/events", "/events/{id}", "/calendar.ics", "/events/import"]) expect(paths, path).toContain(path);
    expect(Object.keys(doc.paths["/events/{id}"]).sort()).toEqual(expect.arrayContaining(["get", "patch", "delete"]));
    expect(doc.paths["/parse"].post.requestBody.content["application/json"].schema.required).toContain("text");
    // The internal routes stay out of the document.
    expect(paths).not.toContain("/openapi.json");
    expect(paths).not.toContain("/metrics");
  });

  it("serves Swagger UI at /docs as HTML", async () => {
    let res = await h.app.inject({ method: "GET", url: "/docs" });
    if (res.statusCode >= 300 && res.statusCode < 400) res = await h.app.inject({ method: "GET", url: String(res.headers.location) });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.body).toMatch(/swagger/i);
  });
});

describe("/status and /metrics", () => {
  let h: Harness;
  let id = "";
  beforeAll(async () => {
    h = await createHarness();
    await postJson(h.app, "/parse", { text: "Lunch tomorrow at noon at Luigi's", reference: "2026-11-20T10:00:00-05:00", timezone: "America/New_York" });
    await postJson(h.app, "/parse", { text: "Lunch tomorrow at noon at Luigi's", reference: "2026-11-20T10:00:00-05:00", timezone: "America/New_York" });
    const created = await postJson(h.app, "/events", { title: "Metrics probe", start: "2027-01-05T10:00:00Z", timezone: "UTC" });
    id = json(created).events[0].id;
    await h.app.inject({ method: "GET", url: `/events/${id}` });
    await h.app.inject({ method: "GET", url: "/events/evt_ffffffffffffffffffff" });
    await h.app.inject({ method: "GET", url: "/no/such/route/xyz123" });
    await postJson(h.app, "/parse", { text: "lunch", timezone: "Nowhere/Nothing" });
  });
  afterAll(() => h.close());

  it("/status reports environment, version, uptime, state, events stored, parses served, last ingest", async () => {
    const res = await h.app.inject({ method: "GET", url: "/status" });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({
      environment: "local",
      version: expect.any(String),
      uptimeSeconds: expect.any(Number),
      state: "ready",
      eventsStored: 1,
      parsesServed: 2,
      // Events created through POST /events are no ingest: nothing has been read from a source or an upload yet.
      lastIngest: null,
      queue: { backend: "local", waiting: 0, delayed: 0, active: 0, completed: 0, dead: 0 },
    });
  });

  it("/metrics counts http_requests_total by route template, never the raw URL", async () => {
    const res = await h.app.inject({ method: "GET", url: "/metrics" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/plain/);
    const text = res.body;
    expect(text).toMatch(/^# TYPE http_requests_total counter$/m);
    expect(text).toMatch(/^http_requests_total\{method="GET",route="\/events\/:id",status="200"\} 1$/m);
    expect(text).toMatch(/^http_requests_total\{method="GET",route="\/events\/:id",status="404"\} 1$/m);
    expect(text).toMatch(/^http_requests_total\{method="POST",route="\/parse",status="200"\} 2$/m);
    expect(text).toMatch(/^http_requests_total\{method="POST",route="\/parse",status="400"\} 1$/m);
    expect(text).not.toContain(id);
    expect(text).not.toContain("evt_ffff");
    expect(text).not.toContain("xyz123");
    const routes = [...text.matchAll(/^http_requests_total\{[^}]*route="([^"]*)"/gm)].map((m) => m[1]);
    for (const route of routes) expect(route === "unmatched" || route.startsWith("/")).toBe(true);
  });

  it("/metrics has the service metrics the issue lists", async () => {
    const text = (await h.app.inject({ method: "GET", url: "/metrics" })).body;
    for (const name of [
      "http_request_duration_seconds_bucket",
      "parsing_confidence_score_bucket",
      "parsing_accuracy_score",
      "component_latency_seconds_bucket",
      "cache_hit_rate",
      "parsing_errors_total",
      "api_errors_total",
      "system_memory_usage_bytes",
      "system_cpu_usage_percent",
      "api_uptime_seconds",
      "llm_service_available",
      "process_cpu_user_seconds_total",
    ]) {
      expect(text, name).toContain(name);
    }
    expect(text).toMatch(/^api_errors_total\{code="EVENT_NOT_FOUND"\} 1$/m);
    expect(text).toMatch(/^api_errors_total\{code="INVALID_TIMEZONE"\} 1$/m);
    // The gauge is the cache's own hit ratio (GET /cache/stats).
    const stats = json(await h.app.inject({ method: "GET", url: "/cache/stats" }));
    expect(stats.hits).toBe(1);
    expect(Number(/^cache_hit_rate (\S+)$/m.exec(text)?.[1])).toBeCloseTo(stats.hit_ratio, 6);
  });
});

describe("readiness", () => {
  it("answers 503 NOT_READY problem+json while starting or draining; liveness stays 200", async () => {
    const h = await createHarness();
    try {
      expect((await h.app.inject({ method: "GET", url: "/health/ready" })).statusCode).toBe(200);
      h.lifecycle.beginDraining();
      expectProblem(await h.app.inject({ method: "GET", url: "/health/ready" }), 503, "NOT_READY");
      expectProblem(await h.app.inject({ method: "GET", url: "/readiness" }), 503, "NOT_READY");
      expect((await h.app.inject({ method: "GET", url: "/health/live" })).statusCode).toBe(200);
    } finally {
      await h.close();
    }
  });
});

describe("docs/errors.md", () => {
  it("documents every error code of errorCatalogue()", () => {
    const path = resolve(ROOT, "docs/errors.md");
    expect(existsSync(path), "docs/errors.md does not exist yet").toBe(true);
    const doc = readFileSync(path, "utf8");
    const missing = errorCatalogue()
      .map((e) => e.code)
      .filter((code) => !new RegExp(`\\b${code}\\b`).test(doc));
    expect(missing).toEqual([]);
  });

  it("gives each code its HTTP status on the code's line", () => {
    const doc = readFileSync(resolve(ROOT, "docs/errors.md"), "utf8");
    for (const { code, status } of errorCatalogue()) {
      const line = doc.split("\n").find((l) => new RegExp(`\\b${code}\\b`).test(l) && new RegExp(`\\b${status}\\b`).test(l));
      expect(line, `${code} (${status})`).toBeDefined();
    }
  });
});
