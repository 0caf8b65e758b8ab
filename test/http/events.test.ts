// /events over a real SQLite file: CRUD, PATCH validation, windows with recurring events expanded (across a
// DST change), full-text search, location filter, cursor pagination, creating from text, all-or-nothing writes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MigratableEventStore } from "../../src/adapters/store/open.js";
import type { EventStore, NewEvent } from "../../src/ports/eventStore.js";
import { createHarness, expectProblem, type Harness, json, postJson } from "./harness.js";

const NY = "America/New_York";

type Listed = { id: string; title: string; start: string; end: string | null; occurrenceOf: string | null; location: string | null };

async function create(h: Harness, fields: Record<string, unknown>): Promise<Record<string, any>> {
  const res = await postJson(h.app, "/events", fields);
  expect(res.statusCode, res.body).toBe(201);
  const { events } = json(res);
  expect(events).toHaveLength(1);
  return events[0];
}

async function list(h: Harness, query: string): Promise<{ events: Listed[]; nextCursor: string | null; window: { from: string; to: string } }> {
  const res = await h.app.inject({ method: "GET", url: `/events?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return json(res);
}

describe("/events CRUD", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it("creates an event from fields, reads it back, changes it, deletes it", async () => {
    const created = await create(h, { title: "Dentist", start: "2027-02-03T14:00:00-05:00", end: "2027-02-03T15:00:00-05:00", timezone: NY, location: "Main St 5" });
    expect(created).toMatchObject({ title: "Dentist", start: "2027-02-03T14:00:00-05:00", end: "2027-02-03T15:00:00-05:00", allDay: false, timezone: NY, recurrence: null, location: "Main St 5", confidence: 1 });
    expect(created.id).toMatch(/^evt_[0-9a-f]+$/);
    expect(created.uid).toEqual(expect.any(String));

    const read = await h.app.inject({ method: "GET", url: `/events/${created.id}` });
    expect(read.statusCode).toBe(200);
    expect(json(read)).toMatchObject({ id: created.id, title: "Dentist", uid: created.uid });

    const patched = await h.app.inject({ method: "PATCH", url: `/events/${created.id}`, payload: { title: "Dentist (check-up)", location: null } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(json(patched)).toMatchObject({ id: created.id, title: "Dentist (check-up)", location: null, start: created.start, uid: created.uid });
    expect(json(await h.app.inject({ method: "GET", url: `/events/${created.id}` }))).toMatchObject({ title: "Dentist (check-up)", location: null });

    const deleted = await h.app.inject({ method: "DELETE", url: `/events/${created.id}` });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe("");
    expectProblem(await h.app.inject({ method: "GET", url: `/events/${created.id}` }), 404, "EVENT_NOT_FOUND", "id");
    expectProblem(await h.app.inject({ method: "DELETE", url: `/events/${created.id}` }), 404, "EVENT_NOT_FOUND", "id");
    expectProblem(await h.app.inject({ method: "PATCH", url: `/events/${created.id}`, payload: { title: "x" } }), 404, "EVENT_NOT_FOUND", "id");
  });

  it("creates an all-day event (exclusive end date)", async () => {
    const created = await create(h, { title: "Offsite", start: "2027-02-10", end: "2027-02-12", timezone: NY });
    expect(created).toMatchObject({ allDay: true, start: "2027-02-10", end: "2027-02-12" });
  });

  it("refuses invalid new events naming the field, and stores nothing", async () => {
    const before = await h.store.count();
    expectProblem(await postJson(h.app, "/events", { start: "2027-02-03T14:00:00-05:00", timezone: NY }), 400, "INVALID_EVENT", "title");
    expectProblem(await postJson(h.app, "/events", { title: "x", start: "tomorrow", timezone: NY }), 400, "INVALID_EVENT", "start");
    expectProblem(await postJson(h.app, "/events", { title: "x", start: "2027-02-03T14:00:00-05:00", timezone: "Nowhere/Nothing" }), 400, "INVALID_EVENT", "timezone");
    expectProblem(await postJson(h.app, "/events", { title: "x", start: "2027-02-03T14:00:00-05:00", end: "2027-02-03T13:00:00-05:00", timezone: NY }), 400, "INVALID_EVENT", "end");
    expectProblem(await postJson(h.app, "/events", { title: "x", start: "2027-02-03T14:00:00-05:00", timezone: NY, recurrence: "FREQ=SOMETIMES" }), 400, "INVALID_EVENT", "recurrence");
    expectProblem(await h.app.inject({ method: "POST", url: "/events", payload: "{nope", headers: { "content-type": "application/json" } }), 400, "INVALID_JSON");
    expect(await h.store.count()).toBe(before);
  });

  it("refuses a bad PATCH naming the field and changes nothing", async () => {
    const created = await create(h, { title: "Standup", start: "2027-02-04T09:00:00-05:00", end: "2027-02-04T09:15:00-05:00", timezone: NY, recurrence: "FREQ=DAILY;COUNT=5" });
    const before = json(await h.app.inject({ method: "GET", url: `/events/${created.id}` }));
    const patch = (payload: unknown) => h.app.inject({ method: "PATCH", url: `/events/${created.id}`, payload: payload as object });
    expectProblem(await patch({ start: "not a date" }), 400, "INVALID_EVENT", "start");
    expectProblem(await patch({ end: "2027-02-04T08:00:00-05:00" }), 400, "INVALID_EVENT", "end");
    expectProblem(await patch({ timezone: "Atlantis/Lost_City" }), 400, "INVALID_EVENT", "timezone");
    expectProblem(await patch({ recurrence: "every other blue moon" }), 400, "INVALID_EVENT", "recurrence");
    expectProblem(await patch({ title: "" }), 400, "INVALID_EVENT", "title");
    expectProblem(await patch({ allDay: true }), 400, "INVALID_EVENT", "start");
    expectProblem(await patch({}), 400, "VALIDATION_FAILED");
    expectProblem(await patch({ title: "ok", id: "evt_hijack" }), 400, "VALIDATION_FAILED");
    expect(json(await h.app.inject({ method: "GET", url: `/events/${created.id}` }))).toEqual(before);
  });

  it("answers unknown ids with 404 EVENT_NOT_FOUND problem+json", async () => {
    expectProblem(await h.app.inject({ method: "GET", url: "/events/evt_00000000000000000000" }), 404, "EVENT_NOT_FOUND", "id");
  });
});

describe("GET /events: windows, recurrence, search, pagination", () => {
  let h: Harness;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    h = await createHarness();
    ids.standup = (await create(h, { title: "Weekly planning", start: "2027-03-01T09:00:00-05:00", end: "2027-03-01T10:00:00-05:00", timezone: NY, recurrence: "FREQ=WEEKLY;BYDAY=MO" })).id;
    ids.salsa = (await create(h, { title: "Salsa social", start: "2027-03-05T21:00:00-05:00", end: "2027-03-06T01:00:00-05:00", timezone: NY, location: "Havana Club" })).id;
    ids.board = (await create(h, { title: "Board meeting", start: "2027-03-10T15:00:00-05:00", timezone: NY, location: "HQ, room 4", description: "Quarterly numbers and budget" })).id;
    ids.cafe = (await create(h, { title: "Coffee with Ana", start: "2027-03-12T10:00:00-05:00", timezone: NY, location: "Café Havana" })).id;
    ids.later = (await create(h, { title: "Dentist", start: "2027-06-01T10:00:00-04:00", timezone: NY })).id;
  });
  afterAll(() => h.close());

  it("expands a weekly 9am New York event across the DST change of 2027-03-14: 09:00 local, -05:00 then -04:00", async () => {
    const { events } = await list(h, "from=2027-03-01&to=2027-03-30&q=planning");
    const occurrences = events.filter((e) => e.occurrenceOf === ids.standup);
    expect(occurrences.map((e) => e.start)).toEqual([
      "2027-03-01T09:00:00-05:00",
      "2027-03-08T09:00:00-05:00",
      "2027-03-15T09:00:00-04:00",
      "2027-03-22T09:00:00-04:00",
      "2027-03-29T09:00:00-04:00",
    ]);
    expect(occurrences.map((e) => e.end)).toEqual([
      "2027-03-01T10:00:00-05:00",
      "2027-03-08T10:00:00-05:00",
      "2027-03-15T10:00:00-04:00",
      "2027-03-22T10:00:00-04:00",
      "2027-03-29T10:00:00-04:00",
    ]);
    // The UTC instant moves by an hour; the wall clock does not.
    expect(occurrences.map((e) => new Date(e.start).toISOString().slice(11, 16))).toEqual(["14:00", "14:00", "13:00", "13:00", "13:00"]);
    expect(new Set(occurrences.map((e) => e.id)).size).toBe(5);
  });

  it("lists a window in start order, recurring events expanded, events outside left out", async () => {
    const { events, window } = await list(h, "from=2027-03-01T00:00:00-05:00&to=2027-03-13T00:00:00-05:00&limit=100");
    expect(window).toEqual({ from: "2027-03-01T05:00:00.000Z", to: "2027-03-13T05:00:00.000Z" });
    expect(events.map((e) => e.title)).toEqual(["Weekly planning", "Salsa social", "Weekly planning", "Board meeting", "Coffee with Ana"]);
    expect(events.find((e) => e.title === "Salsa social")?.occurrenceOf).toBeNull();
    expect(events.some((e) => e.id === ids.later)).toBe(false);
  });

  it("searches title, location and description with q (case- and accent-insensitive, last word as prefix)", async () => {
    const titles = async (q: string) => (await list(h, `from=2027-01-01&to=2027-12-31&limit=500&q=${encodeURIComponent(q)}`)).events.map((e) => e.title);
    expect(await titles("salsa")).toEqual(["Salsa social"]);
    expect(await titles("HAVANA")).toEqual(["Salsa social", "Coffee with Ana"]);
    expect(await titles("quarterly")).toEqual(["Board meeting"]);
    expect(await titles("budg")).toEqual(["Board meeting"]);
    expect(await titles("cafe")).toEqual(["Coffee with Ana"]);
    expect(await titles("salsa havana")).toEqual(["Salsa social"]);
    expect(await titles("nothing-matches-this")).toEqual([]);
  });

  it("filters by location (substring, case-insensitive)", async () => {
    const { events } = await list(h, "from=2027-01-01&to=2027-12-31&location=havana");
    expect(events.map((e) => e.title).sort()).toEqual(["Coffee with Ana", "Salsa social"]);
    expect((await list(h, "from=2027-01-01&to=2027-12-31&location=room%204")).events.map((e) => e.title)).toEqual(["Board meeting"]);
  });

  it("pages with the cursor without duplicates or gaps", async () => {
    // Ties: three events at the same instant are ordered by id across pages.
    for (const title of ["Tie A", "Tie B", "Tie C"]) await create(h, { title, start: "2027-03-03T12:00:00-05:00", timezone: NY });
    const query = "from=2027-03-01&to=2027-04-01";
    const all = (await list(h, `${query}&limit=500`)).events.map((e) => e.id);
    expect(all.length).toBeGreaterThan(9);
    expect(new Set(all).size).toBe(all.length);
    for (const limit of [1, 2, 3, 4]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Awaited<ReturnType<typeof list>> = await list(h, `${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
        expect(page.events.length).toBeLessThanOrEqual(limit);
        seen.push(...page.events.map((e) => e.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor !== null && pages < 100);
      expect(seen, `limit=${limit}`).toEqual(all);
    }
  });

  it("refuses bad queries: INVALID_QUERY or VALIDATION_FAILED naming the parameter", async () => {
    expectProblem(await h.app.inject({ method: "GET", url: "/events?from=yesterday" }), 400, "INVALID_QUERY", "from");
    expectProblem(await h.app.inject({ method: "GET", url: "/events?from=2027-03-02&to=2027-03-01" }), 400, "INVALID_QUERY", "to");
    expectProblem(await h.app.inject({ method: "GET", url: "/events?cursor=garbage" }), 400, "INVALID_QUERY", "cursor");
    expectProblem(await h.app.inject({ method: "GET", url: "/events?limit=0" }), 400, "VALIDATION_FAILED", "limit");
    expectProblem(await h.app.inject({ method: "GET", url: "/events?sort=title" }), 400, "VALIDATION_FAILED");
  });
});

describe("POST /events from text", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it("saves every event of a multi-event text in one go", async () => {
    const res = await postJson(h.app, "/events", { text: "Dentist on Dec 3 at 2pm. Yoga class Dec 5 at 7am.", reference: "2026-11-20T10:00:00-05:00", timezone: NY });
    expect(res.statusCode, res.body).toBe(201);
    const { events } = json(res);
    expect(events.map((e: { title: string; start: string }) => [e.title, e.start])).toEqual([
      ["Dentist", "2026-12-03T14:00:00-05:00"],
      ["Yoga class", "2026-12-05T07:00:00-05:00"],
    ]);
    expect(await h.store.count()).toBe(2);
    for (const e of events) {
      const read = json(await h.app.inject({ method: "GET", url: `/events/${e.id}` }));
      expect(read).toMatchObject({ title: e.title, start: e.start, timezone: NY });
      expect(read.components.date.confidence).toEqual(expect.any(Number));
    }
  });

  it("stores nothing for a text with no event, or bad parse input", async () => {
    const before = await h.store.count();
    const none = await postJson(h.app, "/events", { text: "hello world" });
    expect(none.statusCode).toBe(201);
    expect(json(none).events).toEqual([]);
    expectProblem(await postJson(h.app, "/events", { text: "lunch tomorrow at noon", timezone: "Nowhere/Nothing" }), 400, "INVALID_TIMEZONE", "timezone");
    expectProblem(await postJson(h.app, "/events", { text: "" }), 400, "INVALID_TEXT", "text");
    expect(await h.store.count()).toBe(before);
  });
});

describe("POST /events from text: all or nothing", () => {
  // No real text makes the second parsed event fail, so the store is wrapped to give the second event the UID
  // of an existing one; the real SQLite insert then fails on it, inside the same transaction as the first.
  let h: Harness;
  let existingUid = "";
  let sabotage = false;
  const wrap = (store: MigratableEventStore): EventStore =>
    new Proxy(store, {
      get(target, property) {
        if (property === "create") {
          return (inputs: NewEvent[]) => target.create(sabotage && inputs.length > 1 ? [inputs[0], { ...inputs[1], uid: existingUid }, ...inputs.slice(2)] : inputs);
        }
        const value = Reflect.get(target, property) as unknown;
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });

  beforeAll(async () => {
    h = await createHarness({ wrapStore: wrap });
    existingUid = (await create(h, { title: "Existing", start: "2026-12-01T10:00:00-05:00", timezone: NY })).uid;
  });
  afterAll(() => h.close());

  it("writes none of the events when the second one fails (409 EVENT_CONFLICT, count unchanged)", async () => {
    sabotage = true;
    const res = await postJson(h.app, "/events", { text: "Dentist on Dec 3 at 2pm. Yoga class Dec 5 at 7am.", reference: "2026-11-20T10:00:00-05:00", timezone: NY });
    sabotage = false;
    expectProblem(res, 409, "EVENT_CONFLICT", "uid");
    expect(await h.store.count()).toBe(1);
    const { events } = await list(h, "from=2026-11-01&to=2027-01-01");
    expect(events.map((e) => e.title)).toEqual(["Existing"]);
  });
});
