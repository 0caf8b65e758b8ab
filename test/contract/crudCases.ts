/** EventStore contract, part 1: migrations, ping/close, create, read, update, delete and atomic batches. */
import { describe, expect, it } from "vitest";
import { at, type ContractContext, ev, titles } from "./contractFixtures.js";

export function crudCases(ctx: ContractContext): void {
  describe("lifecycle", () => {
    it("migrate applies every migration, 0001_events first, to an empty database, then has nothing left to do", async () => {
      expect(ctx.applied).toEqual(["0001_events", "0002_jobs", "0003_ingest"]);
      expect(await ctx.store.migrate()).toEqual([]);
    });

    it("declares its capabilities", () => {
      expect(["fulltext", "substring"]).toContain(ctx.store.capabilities.search);
      expect(typeof ctx.store.capabilities.skipLocked).toBe("boolean");
    });

    it("ping makes a round trip", async () => {
      await expect(ctx.store.ping()).resolves.toBeUndefined();
    });

    it("close can be called twice", async () => {
      await ctx.store.close();
      await expect(ctx.store.close()).resolves.toBeUndefined();
    });
  });

  describe("create and read", () => {
    it("assigns an evt_ id, a uid, timestamps and defaults", async () => {
      const [created] = await ctx.store.create([ev({ title: "Lunch" })]);
      expect(created.id).toMatch(/^evt_[0-9a-z]+$/);
      expect(created.uid.length).toBeGreaterThan(0);
      expect(created.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(created.updatedAt).toBe(created.createdAt);
      expect(created).toMatchObject({ confidence: 1, components: {}, exdates: [], description: null, location: null, recurrence: null });
      expect(await ctx.store.get(created.id)).toEqual(created);
    });

    it("keeps every field as given", async () => {
      const input = ev({
        title: "Salsa social — Café ☕",
        start: "2026-11-27T21:00:00-05:00",
        end: "2026-11-28T01:00:00-05:00",
        timezone: "America/New_York",
        recurrence: "FREQ=WEEKLY;BYDAY=FR",
        location: "Havana Club",
        description: "Beginners' lesson at 8",
        confidence: 0.94,
        components: { date: { text: "every Friday", span: [14, 26], confidence: 0.98 }, title: { text: "Salsa social", span: [0, 12], confidence: 0.7 } },
        uid: "salsa-1@example.org",
        exdates: ["2026-12-25T21:00:00-05:00", "2027-01-01T21:00:00-05:00"],
      });
      const [created] = await ctx.store.create([input]);
      const { uid, ...rest } = input;
      expect(created).toMatchObject({ ...rest, uid });
      expect(await ctx.store.get(created.id)).toEqual(created);
      expect(Object.keys((await ctx.store.get(created.id))!.components)).toEqual(["date", "title"]);
    });

    it("returns the batch in input order with distinct ids and uids", async () => {
      const created = await ctx.store.create([ev({ title: "a" }), ev({ title: "b" }), ev({ title: "c" })]);
      expect(titles(created)).toEqual(["a", "b", "c"]);
      expect(new Set(created.map((e) => e.id)).size).toBe(3);
      expect(new Set(created.map((e) => e.uid)).size).toBe(3);
      expect(await ctx.store.count()).toBe(3);
    });

    it("create([]) stores nothing", async () => {
      expect(await ctx.store.create([])).toEqual([]);
      expect(await ctx.store.count()).toBe(0);
    });

    it("get and findByUid return null for unknown keys", async () => {
      await ctx.store.create([ev()]);
      expect(await ctx.store.get("evt_missing")).toBeNull();
      expect(await ctx.store.findByUid("nobody@example.org")).toBeNull();
    });

    it("findByUid finds the event with that iCalendar UID", async () => {
      const [, second] = await ctx.store.create([ev({ uid: "one@example.org" }), ev({ uid: "two@example.org", title: "Two" })]);
      expect(await ctx.store.findByUid("two@example.org")).toEqual(second);
    });

    it("count counts every stored event", async () => {
      expect(await ctx.store.count()).toBe(0);
      await ctx.store.create([ev(), ev(), ev({ recurrence: "FREQ=DAILY" })]);
      expect(await ctx.store.count()).toBe(3);
    });
  });

  describe("create is atomic", () => {
    it("a uid already stored is refused", async () => {
      await ctx.store.create([ev({ uid: "taken@example.org" })]);
      await expect(ctx.store.create([ev({ uid: "taken@example.org" })])).rejects.toThrow();
      expect(await ctx.store.count()).toBe(1);
    });

    it("a batch whose second event reuses a stored uid leaves nothing", async () => {
      await ctx.store.create([ev({ uid: "taken@example.org" })]);
      await expect(ctx.store.create([ev({ title: "first", uid: "fresh@example.org" }), ev({ title: "second", uid: "taken@example.org" })])).rejects.toThrow();
      expect(await ctx.store.count()).toBe(1);
      expect(await ctx.store.findByUid("fresh@example.org")).toBeNull();
    });

    it("a batch repeating a uid within itself leaves nothing", async () => {
      await expect(ctx.store.create([ev({ uid: "twice@example.org" }), ev({ uid: "twice@example.org" })])).rejects.toThrow();
      expect(await ctx.store.count()).toBe(0);
    });

    it("a batch with an unreadable start leaves nothing", async () => {
      await expect(ctx.store.create([ev({ title: "fine" }), ev({ start: "next Tuesday" })])).rejects.toThrow(/start/);
      expect(await ctx.store.count()).toBe(0);
    });

    it("a large batch is stored whole", async () => {
      const created = await ctx.store.create(Array.from({ length: 450 }, (_, i) => ev({ title: `bulk ${i}` })));
      expect(created).toHaveLength(450);
      expect(await ctx.store.count()).toBe(450);
    });
  });

  describe("update and delete", () => {
    it("update changes the given fields, keeps identity and creation time, moves updatedAt", async () => {
      const [created] = await ctx.store.create([ev({ title: "Old", location: "Room 1", description: "notes" })]);
      await new Promise((r) => setTimeout(r, 5));
      const updated = await ctx.store.update(created.id, { title: "New", location: null, confidence: 0.5 });
      expect(updated).toMatchObject({ id: created.id, uid: created.uid, createdAt: created.createdAt, title: "New", location: null, description: "notes", confidence: 0.5 });
      expect(updated!.updatedAt > created.updatedAt).toBe(true);
      expect(await ctx.store.get(created.id)).toEqual(updated);
    });

    it("update recomputes the instants the window reads", async () => {
      const [created] = await ctx.store.create([ev({ start: "2026-03-10T10:00:00Z", end: "2026-03-10T11:00:00Z" })]);
      await ctx.store.update(created.id, { start: "2026-05-01T10:00:00Z", end: "2026-05-01T11:00:00Z" });
      expect(await ctx.list({ from: at("2026-03-10T00:00:00Z"), to: at("2026-03-11T00:00:00Z") })).toEqual([]);
      expect((await ctx.list({ from: at("2026-05-01T00:00:00Z"), to: at("2026-05-02T00:00:00Z") })).map((e) => e.id)).toEqual([created.id]);
      await ctx.store.update(created.id, { start: "2026-06-01", end: null, allDay: true, timezone: "Pacific/Auckland" });
      expect(await ctx.list({ from: at("2026-05-31T12:00:00Z"), to: at("2026-05-31T12:30:00Z") })).toHaveLength(1);
    });

    it("update re-indexes the searchable text", async () => {
      const [created] = await ctx.store.create([ev({ title: "Tango night" })]);
      await ctx.store.update(created.id, { title: "Salsa night", description: "Bring shoes" });
      expect(await ctx.list({ q: "tango" })).toEqual([]);
      expect(titles(await ctx.list({ q: "salsa shoes" }))).toEqual(["Salsa night"]);
    });

    it("update of an unknown id returns null and changes nothing", async () => {
      await ctx.store.create([ev()]);
      expect(await ctx.store.update("evt_missing", { title: "x" })).toBeNull();
      expect(await ctx.store.count()).toBe(1);
    });

    it("delete removes the event (and its search entry) once", async () => {
      const [keep, gone] = await ctx.store.create([ev({ title: "Keep salsa" }), ev({ title: "Gone salsa" })]);
      expect(await ctx.store.delete(gone.id)).toBe(true);
      expect(await ctx.store.get(gone.id)).toBeNull();
      expect(await ctx.store.delete(gone.id)).toBe(false);
      expect((await ctx.list({ q: "salsa" })).map((e) => e.id)).toEqual([keep.id]);
    });

    it("delete of an unknown id returns false", async () => {
      expect(await ctx.store.delete("evt_missing")).toBe(false);
    });
  });
}
