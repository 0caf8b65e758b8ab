// POST /parse and /parse/explain through buildApp + inject: the DESIGN.md contract, the cache route, the
// explain trace, every kind of bad input as problem+json naming the field, and request ids.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, expectProblem, type Harness, json, postJson } from "./harness.js";

const NY = "America/New_York";
const REFERENCE = "2026-11-20T10:00:00-05:00"; // a Friday
const SALSA = { text: "Salsa social every Friday 9pm at Havana Club", reference: REFERENCE, timezone: NY };

describe("POST /parse", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ env: { MAX_INPUT_LENGTH: "200", CALENDAR_API__SERVER__BODY_LIMIT_BYTES: "2048" } });
  });
  afterAll(() => h.close());

  it("answers the DESIGN.md contract: events with components and meta { route, durationMs, confidence }", async () => {
    const res = await postJson(h.app, "/parse", SALSA);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    const body = json(res);
    expect(body.events).toHaveLength(1);
    const [event] = body.events;
    expect(event).toMatchObject({
      title: "Salsa social",
      start: "2026-11-20T21:00:00-05:00",
      end: null,
      allDay: false,
      timezone: NY,
      recurrence: "FREQ=WEEKLY;BYDAY=FR",
      location: "Havana Club",
    });
    expect(event.confidence).toBeGreaterThan(0);
    expect(event.confidence).toBeLessThanOrEqual(1);
    expect(event.components.date).toEqual({ text: expect.any(String), span: [expect.any(Number), expect.any(Number)], confidence: expect.any(Number) });
    const [from, to] = event.components.location.span;
    expect(SALSA.text.slice(from, to)).toBe("Havana Club");
    expect(body.meta.route).toBe("rules");
    expect(typeof body.meta.durationMs).toBe("number");
    expect(body.meta.durationMs).toBeGreaterThanOrEqual(0);
    expect(body.meta.confidence).toBe(event.confidence);
  });

  it("answers the same body again from the cache, with the same events", async () => {
    const body = { ...SALSA, text: "Team lunch tomorrow at noon at Luigi's; board meeting Monday 3pm" };
    const first = json(await postJson(h.app, "/parse", body));
    const second = json(await postJson(h.app, "/parse", body));
    expect(first.meta.route).toBe("rules");
    expect(second.meta.route).toBe("cache");
    expect(second.events).toEqual(first.events);
    expect(second.meta.confidence).toBe(first.meta.confidence);
    expect(typeof second.meta.durationMs).toBe("number");
    // The overall confidence is the lowest event confidence.
    expect(first.meta.confidence).toBe(Math.min(...first.events.map((e: { confidence: number }) => e.confidence)));
    // Whitespace differences are the same cache entry; another zone is not.
    expect(json(await postJson(h.app, "/parse", { ...body, text: `  ${body.text.replace(/ /g, "  ")} ` })).meta.route).toBe("cache");
    expect(json(await postJson(h.app, "/parse", { ...body, timezone: "Europe/Berlin" })).meta.route).toBe("rules");
  });

  it("answers a text without events with an empty list and confidence 0", async () => {
    const body = json(await postJson(h.app, "/parse", { text: "hello world", reference: REFERENCE }));
    expect(body).toMatchObject({ events: [], meta: { route: "rules", confidence: 0 } });
  });

  it("refuses bad JSON: 400 INVALID_JSON", async () => {
    const res = await h.app.inject({ method: "POST", url: "/parse", payload: '{"text": "lunch', headers: { "content-type": "application/json" } });
    const problem = expectProblem(res, 400, "INVALID_JSON");
    expect(problem.detail).toMatch(/JSON/);
    expect(problem.instance).toBe("/parse");
  });

  it("refuses an empty JSON body: 400 INVALID_JSON", async () => {
    expectProblem(await h.app.inject({ method: "POST", url: "/parse", headers: { "content-type": "application/json" } }), 400, "INVALID_JSON");
  });

  it("refuses a body without text: 400 VALIDATION_FAILED naming text", async () => {
    const problem = expectProblem(await postJson(h.app, "/parse", { timezone: NY }), 400, "VALIDATION_FAILED", "text");
    expect(problem.detail).toMatch(/text/);
  });

  it("refuses a blank text: 400 INVALID_TEXT naming text", async () => {
    expectProblem(await postJson(h.app, "/parse", { text: "   " }), 400, "INVALID_TEXT", "text");
  });

  // Regression: the unknown property was not named (field "body", detail "body body: must NOT have additional properties").
  it("names an unknown property in the body (field: the property)", async () => {
    expectProblem(await postJson(h.app, "/parse", { text: "lunch tomorrow", colour: "red" }), 400, "VALIDATION_FAILED", "colour");
  });

  it("refuses an unknown zone: 400 INVALID_TIMEZONE naming timezone", async () => {
    const problem = expectProblem(await postJson(h.app, "/parse", { text: "lunch tomorrow at noon", timezone: "Mars/Olympus_Mons" }), 400, "INVALID_TIMEZONE", "timezone");
    expect(problem.detail).toContain("Mars/Olympus_Mons");
  });

  it("refuses a malformed reference: 400 INVALID_REFERENCE naming reference", async () => {
    expectProblem(await postJson(h.app, "/parse", { text: "lunch tomorrow at noon", reference: "next-ish tuesday" }), 400, "INVALID_REFERENCE", "reference");
    expectProblem(await postJson(h.app, "/parse", { text: "lunch tomorrow at noon", reference: "2026-13-45T25:00:00Z" }), 400, "INVALID_REFERENCE", "reference");
  });

  it("refuses a text over MAX_INPUT_LENGTH: 413 TEXT_TOO_LONG naming text", async () => {
    const problem = expectProblem(await postJson(h.app, "/parse", { text: "lunch tomorrow ".repeat(14) }), 413, "TEXT_TOO_LONG", "text");
    expect(problem.detail).toMatch(/200/);
  });

  it("refuses a body over the body limit: 413 PAYLOAD_TOO_LARGE", async () => {
    const res = await postJson(h.app, "/parse", { text: "x".repeat(3000) });
    expectProblem(res, 413, "PAYLOAD_TOO_LARGE");
  });

  it("refuses a content type it cannot read: 415 UNSUPPORTED_MEDIA_TYPE", async () => {
    const res = await h.app.inject({ method: "POST", url: "/parse", payload: "<text>lunch</text>", headers: { "content-type": "application/xml" } });
    expectProblem(res, 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  it("answers an unknown route with 404 NOT_FOUND problem+json", async () => {
    expectProblem(await h.app.inject({ method: "GET", url: "/nowhere" }), 404, "NOT_FOUND");
  });

  it("counts no parse for refused requests (nothing about a bad request is kept)", async () => {
    const before = json(await h.app.inject({ method: "GET", url: "/status" })).parsesServed;
    await postJson(h.app, "/parse", { text: "lunch", timezone: "Nowhere/Nothing" });
    await postJson(h.app, "/parse", { text: "x".repeat(500) });
    expect(json(await h.app.inject({ method: "GET", url: "/status" })).parsesServed).toBe(before);
    expect(await h.store.count()).toBe(0);
  });
});

describe("POST /parse/explain", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it("returns the events, the route and the trace: extractor and refiner names, spans, per-step durationMs", async () => {
    const res = await postJson(h.app, "/parse/explain", SALSA);
    expect(res.statusCode).toBe(200);
    const body = json(res);
    expect(body.events[0]).toMatchObject({ title: "Salsa social", recurrence: "FREQ=WEEKLY;BYDAY=FR", location: "Havana Club" });
    expect(body.meta.route).toBe("rules");
    expect(typeof body.meta.durationMs).toBe("number");
    const trace = body.trace as Array<{ step: string; kind: string; detail: string; spans?: number[][]; durationMs?: number }>;
    expect(trace.length).toBeGreaterThan(2);
    const extractors = trace.filter((s) => s.kind === "extractor");
    const refiners = trace.filter((s) => s.kind === "refiner");
    expect(extractors.length).toBeGreaterThan(0);
    expect(refiners.length).toBeGreaterThan(0);
    for (const step of [...extractors, ...refiners]) {
      expect(step.step).toMatch(/^[A-Z][A-Za-z]+(Extractor|Refiner)$/);
      expect(typeof step.durationMs).toBe("number");
      expect(step.durationMs).toBeGreaterThanOrEqual(0);
      expect(step.detail.length).toBeGreaterThan(0);
    }
    // The recurrence extractor names the span it matched.
    const recurrence = extractors.find((s) => /every Friday/.test(s.detail));
    expect(recurrence?.spans?.[0]).toEqual([SALSA.text.indexOf("every Friday"), SALSA.text.indexOf("every Friday") + "every Friday".length]);
  });

  it("never answers from the cache", async () => {
    await postJson(h.app, "/parse", SALSA);
    expect(json(await postJson(h.app, "/parse", SALSA)).meta.route).toBe("cache");
    expect(json(await postJson(h.app, "/parse/explain", SALSA)).meta.route).toBe("rules");
  });

  it("refuses bad input the same way as /parse", async () => {
    expectProblem(await postJson(h.app, "/parse/explain", { text: "lunch", timezone: "Nowhere/Nothing" }), 400, "INVALID_TIMEZONE", "timezone");
    expectProblem(await postJson(h.app, "/parse/explain", {}), 400, "VALIDATION_FAILED", "text");
  });
});

describe("request ids", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it("accepts X-Request-Id and echoes it on success and in problem bodies", async () => {
    const ok = await postJson(h.app, "/parse", SALSA, { "x-request-id": "client-req-42" });
    expect(ok.headers["x-request-id"]).toBe("client-req-42");
    const bad = await postJson(h.app, "/parse", { text: "" }, { "x-request-id": "client-req-43" });
    expect(expectProblem(bad, 400, "INVALID_TEXT").requestId).toBe("client-req-43");
  });

  it("generates a request id when none is given", async () => {
    const a = await h.app.inject({ method: "GET", url: "/health/live" });
    const b = await h.app.inject({ method: "GET", url: "/health/live" });
    expect(a.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers["x-request-id"]).not.toBe(b.headers["x-request-id"]);
  });

  it("replaces an invalid or oversized X-Request-Id with a generated one", async () => {
    for (const given of ["has spaces and <script>", "x".repeat(200), "semi;colon"]) {
      const res = await h.app.inject({ method: "GET", url: "/health/live", headers: { "x-request-id": given } });
      expect(res.headers["x-request-id"]).not.toBe(given);
      expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
