// GET /alerts through the HTTP harness: active alerts and recent transitions (newest first, ?limit), read scope.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MigratableEventStore } from "../../src/adapters/store/open.js";
import type { EventStore } from "../../src/ports/eventStore.js";
import { createHarness, expectProblem, type Harness, json } from "../http/harness.js";
import { MINUTE, SECOND, T0 } from "./fixtures.js";

const READ_KEY = "read-0123456789abcdef";
const WRITE_KEY = "write-0123456789abcdef";

describe("GET /alerts", () => {
  let h: Harness;
  let databaseDown = false;
  // The store's ping fails while databaseDown is set: the DatabaseUnreachable rule's probe.
  const wrap = (store: MigratableEventStore): EventStore =>
    new Proxy(store, {
      get(target, property) {
        if (property === "ping") return () => (databaseDown ? Promise.reject(new Error("ECONNREFUSED")) : target.ping());
        const value = Reflect.get(target, property) as unknown;
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });

  beforeAll(async () => {
    h = await createHarness({ wrapStore: wrap, env: { API_KEYS: `reader:${READ_KEY}:read,writer:${WRITE_KEY}:write` } });
  });
  afterAll(() => h.close());
  const get = (url: string, key = READ_KEY) => h.app.inject({ method: "GET", url, headers: { "x-api-key": key } });

  it("answers no alerts before the first evaluation", async () => {
    const res = await get("/alerts");
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({ lastEvaluation: null, active: [], recent: [] });
  });

  it("shows a pending, then firing, then resolved database alert, newest transition first", async () => {
    databaseDown = true;
    await h.alerts.tick(T0);
    expect(json(await get("/alerts")).active).toMatchObject([{ name: "DatabaseUnreachable", state: "pending", severity: "critical", firedAt: null }]);

    await h.alerts.tick(T0 + MINUTE);
    const firing = json(await get("/alerts"));
    expect(firing.lastEvaluation).toBe(new Date(T0 + MINUTE).toISOString());
    expect(firing.active).toEqual([
      {
        name: "DatabaseUnreachable",
        fingerprint: "DatabaseUnreachable",
        state: "firing",
        severity: "critical",
        component: "database",
        labels: {},
        value: 0,
        summary: "Calendar API cannot reach its database",
        description: expect.stringContaining("has not answered its ping"),
        runbookUrl: "https://github.com/calendar-api/calendar-api/blob/main/docs/operations.md#database-down",
        activeAt: new Date(T0).toISOString(),
        firedAt: new Date(T0 + MINUTE).toISOString(),
      },
    ]);
    expect(firing.recent).toMatchObject([{ status: "firing", name: "DatabaseUnreachable", startsAt: new Date(T0 + MINUTE).toISOString(), endsAt: null }]);

    databaseDown = false;
    await h.alerts.tick(T0 + MINUTE + 30 * SECOND);
    const resolved = json(await get("/alerts"));
    expect(resolved.active).toEqual([]);
    expect(resolved.recent.map((t: { status: string }) => t.status)).toEqual(["resolved", "firing"]);
    expect(json(await get("/alerts?limit=1")).recent).toMatchObject([{ status: "resolved", endsAt: new Date(T0 + MINUTE + 30 * SECOND).toISOString() }]);
  });

  it("refuses a bad limit as problem+json", async () => {
    expectProblem(await get("/alerts?limit=1001"), 400, "VALIDATION_FAILED");
    expectProblem(await get("/alerts?limit=many"), 400, "VALIDATION_FAILED");
  });

  it("needs the read scope (a write key has it, no key does not)", async () => {
    expect((await get("/alerts", WRITE_KEY)).statusCode).toBe(200);
    expectProblem(await h.app.inject({ method: "GET", url: "/alerts" }), 401, "UNAUTHORIZED");
  });

  it("is in the OpenAPI document", async () => {
    const doc = json(await h.app.inject({ method: "GET", url: "/openapi.json" }));
    expect(doc.paths["/alerts"]?.get).toBeDefined();
  });
});
