// API keys and scopes, public probes, rate limits per key and per address, CORS allow-list, security headers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, expectProblem, type Harness, json, manualClock, postJson } from "./harness.js";

const ADMIN = "adminkey-0123456789abcdef";
const WRITER = "writekey-0123456789abcdef";
const READER = "readkey-0123456789abcdef";
const API_KEYS = `ops:${ADMIN}:read+write+admin,app:${WRITER},viewer:${READER}:read`;

const EVENT = { title: "Key test", start: "2027-01-05T10:00:00-05:00", end: "2027-01-05T11:00:00-05:00", timezone: "America/New_York" };

describe("API keys", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ env: { API_KEYS } });
  });
  afterAll(() => h.close());

  const get = (url: string, headers: Record<string, string> = {}) => h.app.inject({ method: "GET", url, headers });

  it("refuses a request without a key: 401 UNAUTHORIZED", async () => {
    expectProblem(await get("/events"), 401, "UNAUTHORIZED");
    expectProblem(await postJson(h.app, "/parse", { text: "lunch tomorrow" }), 401, "UNAUTHORIZED");
  });

  it("refuses a wrong key: 401 UNAUTHORIZED (X-API-Key and Bearer)", async () => {
    expectProblem(await get("/events", { "x-api-key": "not-a-key" }), 401, "UNAUTHORIZED");
    expectProblem(await get("/events", { "x-api-key": `${READER}x` }), 401, "UNAUTHORIZED");
    expectProblem(await get("/events", { authorization: "Bearer not-a-key" }), 401, "UNAUTHORIZED");
    expectProblem(await get("/events", { authorization: `Basic ${Buffer.from(`u:${READER}`).toString("base64")}` }), 401, "UNAUTHORIZED");
  });

  it("never repeats the presented key in the answer", async () => {
    const res = await get("/events", { "x-api-key": "leaky-secret-value-123" });
    expect(res.body).not.toContain("leaky-secret-value-123");
  });

  it("accepts a valid key in X-API-Key or Authorization: Bearer", async () => {
    expect((await get("/events", { "x-api-key": READER })).statusCode).toBe(200);
    expect((await get("/events", { authorization: `Bearer ${READER}` })).statusCode).toBe(200);
    expect((await get("/events", { authorization: `bearer ${WRITER}` })).statusCode).toBe(200);
  });

  it("refuses a read key on POST /events: 403 FORBIDDEN, nothing stored", async () => {
    const problem = expectProblem(await postJson(h.app, "/events", EVENT, { "x-api-key": READER }), 403, "FORBIDDEN");
    expect(problem.detail).toMatch(/write/);
    expect(await h.store.count()).toBe(0);
  });

  it("lets a write key (and an admin key) create events", async () => {
    expect((await postJson(h.app, "/events", EVENT, { "x-api-key": WRITER })).statusCode).toBe(201);
    expect((await postJson(h.app, "/events", EVENT, { authorization: `Bearer ${ADMIN}` })).statusCode).toBe(201);
    expect(await h.store.count()).toBe(2);
  });

  it("lets a read key parse (POST /parse needs read)", async () => {
    expect((await postJson(h.app, "/parse", { text: "lunch tomorrow at noon" }, { "x-api-key": READER })).statusCode).toBe(200);
  });

  it("keeps DELETE /cache/clear and GET /config for admin keys", async () => {
    for (const key of [READER, WRITER]) {
      expectProblem(await h.app.inject({ method: "DELETE", url: "/cache/clear", headers: { "x-api-key": key } }), 403, "FORBIDDEN");
      expectProblem(await get("/config", { "x-api-key": key }), 403, "FORBIDDEN");
    }
    expectProblem(await h.app.inject({ method: "DELETE", url: "/cache/clear" }), 401, "UNAUTHORIZED");
    const cleared = await h.app.inject({ method: "DELETE", url: "/cache/clear", headers: { "x-api-key": ADMIN } });
    expect(cleared.statusCode).toBe(200);
    expect(json(cleared)).toEqual({ cleared: expect.any(Number) });
    const config = await get("/config", { authorization: `Bearer ${ADMIN}` });
    expect(config.statusCode).toBe(200);
    // The effective configuration, with every key masked.
    for (const secret of [ADMIN, WRITER, READER]) expect(config.body).not.toContain(secret);
    expect(json(config).security).toBeDefined();
  });

  it("lets any key read /cache/stats", async () => {
    const res = await get("/cache/stats", { "x-api-key": READER });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({ hits: expect.any(Number), misses: expect.any(Number), hit_ratio: expect.any(Number), entries: expect.any(Number), bytes: expect.any(Number) });
  });

  it("serves the probes, /metrics, /status and /openapi.json without a key", async () => {
    for (const url of ["/health/live", "/live", "/liveness", "/health/ready", "/ready", "/readiness", "/metrics", "/status", "/openapi.json"]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
    }
    for (const url of ["/health", "/healthz"]) expect([200, 503], url).toContain((await get(url)).statusCode);
  });
});

describe("rate limits", () => {
  const T0 = Date.UTC(2027, 0, 4, 12, 0, 0);

  it("answers the 4th request in a minute with 429 RATE_LIMITED, Retry-After and RateLimit headers; counts per key", async () => {
    const clock = manualClock(T0);
    const h = await createHarness({ env: { API_KEYS, RATE_LIMIT_PER_MINUTE: "3" }, clock });
    try {
      const asReader = () => h.app.inject({ method: "GET", url: "/events", headers: { "x-api-key": READER } });
      for (let i = 1; i <= 3; i++) {
        const res = await asReader();
        expect(res.statusCode).toBe(200);
        expect(res.headers["ratelimit-limit"]).toBe("3");
        expect(res.headers["ratelimit-remaining"]).toBe(String(3 - i));
        expect(Number(res.headers["ratelimit-reset"])).toBeGreaterThan(0);
        clock.advance(1_000);
      }
      const limited = await asReader();
      expectProblem(limited, 429, "RATE_LIMITED");
      const retryAfter = Number(limited.headers["retry-after"]);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(limited.headers["ratelimit-limit"]).toBe("3");
      expect(limited.headers["ratelimit-remaining"]).toBe("0");
      expect(Number(limited.headers["ratelimit-reset"])).toBe(retryAfter);
      // Another key has its own count.
      const other = await h.app.inject({ method: "GET", url: "/events", headers: { authorization: `Bearer ${WRITER}` } });
      expect(other.statusCode).toBe(200);
      expect(other.headers["ratelimit-remaining"]).toBe("2");
      // Probes are never limited.
      for (let i = 0; i < 5; i++) expect((await h.app.inject({ method: "GET", url: "/health/live" })).statusCode).toBe(200);
      // The window passes: the key is served again.
      clock.advance(60_000);
      expect((await asReader()).statusCode).toBe(200);
    } finally {
      await h.close();
    }
  });

  it("counts per address when no keys are configured", async () => {
    const h = await createHarness({ env: { RATE_LIMIT_PER_MINUTE: "3" }, clock: manualClock(T0) });
    try {
      const from = (remoteAddress: string) => h.app.inject({ method: "POST", url: "/parse", payload: { text: "lunch tomorrow" }, remoteAddress });
      for (let i = 0; i < 3; i++) expect((await from("10.0.0.1")).statusCode).toBe(200);
      const limited = await from("10.0.0.1");
      expectProblem(limited, 429, "RATE_LIMITED");
      expect(limited.headers["retry-after"]).toBeDefined();
      expect((await from("10.0.0.2")).statusCode).toBe(200);
    } finally {
      await h.close();
    }
  });

  it("applies the hourly limit across minutes", async () => {
    const clock = manualClock(T0);
    const h = await createHarness({ env: { RATE_LIMIT_PER_MINUTE: "100", RATE_LIMIT_PER_HOUR: "5" }, clock });
    try {
      for (let i = 0; i < 5; i++) {
        expect((await h.app.inject({ method: "GET", url: "/events" })).statusCode).toBe(200);
        clock.advance(61_000);
      }
      const limited = await h.app.inject({ method: "GET", url: "/events" });
      expectProblem(limited, 429, "RATE_LIMITED");
      expect(limited.headers["ratelimit-limit"]).toBe("5");
      expect(Number(limited.headers["retry-after"])).toBeGreaterThan(60);
    } finally {
      await h.close();
    }
  });
});

describe("CORS and security headers", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ env: { API_KEYS, CORS_ORIGINS: "https://app.example.com,https://admin.example.com" } });
  });
  afterAll(() => h.close());

  it("echoes an allowed origin and exposes the request-id and rate-limit headers", async () => {
    const res = await h.app.inject({ method: "GET", url: "/events", headers: { origin: "https://app.example.com", "x-api-key": READER } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["access-control-allow-origin"]).toBe("https://app.example.com");
    expect(String(res.headers["access-control-expose-headers"])).toMatch(/X-Request-Id/);
    expect(String(res.headers["access-control-expose-headers"])).toMatch(/RateLimit-Remaining/);
  });

  it("does not allow another origin", async () => {
    const res = await h.app.inject({ method: "GET", url: "/events", headers: { origin: "https://evil.example.com", "x-api-key": READER } });
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("answers a preflight from an allowed origin without a key", async () => {
    const res = await h.app.inject({
      method: "OPTIONS",
      url: "/parse",
      headers: { origin: "https://admin.example.com", "access-control-request-method": "POST", "access-control-request-headers": "content-type,x-api-key" },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers["access-control-allow-origin"]).toBe("https://admin.example.com");
    expect(String(res.headers["access-control-allow-methods"])).toMatch(/POST/);
    expect(String(res.headers["access-control-allow-headers"]).toLowerCase()).toMatch(/x-api-key/);
  });

  it("sets the helmet security headers on answers and on errors", async () => {
    const ok = await h.app.inject({ method: "GET", url: "/health/live" });
    const refused = await h.app.inject({ method: "GET", url: "/events" });
    expect(refused.statusCode).toBe(401);
    for (const res of [ok, refused]) {
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
      expect(res.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
      expect(res.headers["referrer-policy"]).toBe("no-referrer");
      expect(res.headers["x-powered-by"]).toBeUndefined();
    }
  });
});
