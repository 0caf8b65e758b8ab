/**
 * The IngestStore contract: one suite every backend must pass (sources, files, provenance, the batch commit),
 * run per backend by ingestStore.<backend>.test.ts. Each test gets a fresh, migrated database.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { MigratableEventStore } from "../../src/adapters/store/open.js";
import type { IngestStore, Sighting } from "../../src/ports/ingestStore.js";
import type { NewEvent } from "../../src/ports/eventStore.js";

export interface IngestStores {
  events: MigratableEventStore;
  ingest: IngestStore;
}

const T0 = Date.parse("2026-12-03T12:00:00Z");
const event = (title: string, start: string, extra: Partial<NewEvent> = {}): NewEvent => ({ title, start, end: null, allDay: false, timezone: "America/New_York", recurrence: null, location: null, ...extra });
const seen = (itemKey: string, match: Sighting["match"] = "new"): Sighting => ({ itemKey, via: "ical", url: null, match, score: match === "new" ? 1 : 0.9 });

export function ingestStoreContract(name: string, open: () => Promise<IngestStores>, cleanup: () => Promise<void> = async () => undefined): void {
  describe(`IngestStore contract: ${name}`, () => {
    let s: IngestStores;
    beforeEach(async () => {
      s = await open();
      await s.events.migrate();
    });
    afterEach(async () => {
      await s.events.close();
    });
    afterAll(cleanup);

    it("creates, reads, lists and deletes sources; a URL registers once", async () => {
      const a = await s.ingest.createSource({ url: "https://a.test/feed.ics", timezone: "UTC", refreshMinutes: 60, name: "A" }, T0);
      expect(a).toMatchObject({ url: "https://a.test/feed.ics", name: "A", kind: null, enabled: true, runs: 0, eventsFound: 0, nextRunAt: new Date(T0).toISOString(), lastRunAt: null });
      expect(a.id).toMatch(/^src_[0-9a-f]{16}$/);
      await expect(s.ingest.createSource({ url: "https://a.test/feed.ics", timezone: "UTC", refreshMinutes: 5 }, T0)).rejects.toMatchObject({ code: "SOURCE_CONFLICT", field: "url" });
      const b = await s.ingest.createSource({ url: "https://b.test/", timezone: "Europe/Berlin", refreshMinutes: 5 }, T0 + 1);
      expect(await s.ingest.getSource(a.id)).toEqual(a);
      expect(await s.ingest.findSourceByUrl("https://b.test/")).toEqual(b);
      expect((await s.ingest.listSources({ limit: 10, offset: 0 })).map((x) => x.id)).toEqual([a.id, b.id]);
      expect((await s.ingest.listSources({ limit: 1, offset: 1 })).map((x) => x.id)).toEqual([b.id]);
      expect(await s.ingest.deleteSource(a.id)).toBe(true);
      expect(await s.ingest.deleteSource(a.id)).toBe(false);
      expect(await s.ingest.getSource(a.id)).toBeNull();
    });

    it("lists due sources and lets one scheduler claim a run", async () => {
      const due = await s.ingest.createSource({ url: "https://due.test/", timezone: "UTC", refreshMinutes: 60 }, T0);
      await s.ingest.createSource({ url: "https://later.test/", timezone: "UTC", refreshMinutes: 60 }, T0 + 60_000);
      await s.ingest.createSource({ url: "https://off.test/", timezone: "UTC", refreshMinutes: 60, enabled: false }, T0);
      expect((await s.ingest.dueSources(T0 + 1000, 10)).map((x) => x.id)).toEqual([due.id]);
      expect(await s.ingest.claimScheduledRun(due.id, T0, T0 + 3_600_000)).toBe(true);
      // A second scheduler that read the same next run loses.
      expect(await s.ingest.claimScheduledRun(due.id, T0, T0 + 3_600_000)).toBe(false);
      expect(await s.ingest.dueSources(T0 + 1000, 10)).toEqual([]);
    });

    it("records runs: success fills kind, validators and counts; failure keeps them and names the error", async () => {
      const src = await s.ingest.createSource({ url: "https://a.test/", timezone: "UTC", refreshMinutes: 60 }, T0);
      const ok = await s.ingest.recordRun(src.id, { at: T0 + 1000, ok: true, kind: "ics", etag: '"v1"', lastModified: "Wed, 02 Dec 2026 10:00:00 GMT", contentHash: "ab".repeat(32), eventsFound: 7 });
      expect(ok).toMatchObject({ kind: "ics", etag: '"v1"', eventsFound: 7, runs: 1, lastError: null, lastRunAt: new Date(T0 + 1000).toISOString(), lastSuccessAt: new Date(T0 + 1000).toISOString() });
      const failed = await s.ingest.recordRun(src.id, { at: T0 + 2000, ok: false, error: "HTTP 503" });
      expect(failed).toMatchObject({ kind: "ics", etag: '"v1"', eventsFound: 7, runs: 2, lastError: "HTTP 503", lastRunAt: new Date(T0 + 2000).toISOString(), lastSuccessAt: new Date(T0 + 1000).toISOString() });
      expect(await s.ingest.recordRun("src_missing", { at: T0, ok: true })).toBeNull();
    });

    it("records a file once per key", async () => {
      const key = "cd".repeat(32);
      const first = await s.ingest.recordFile({ key, size: 12, contentType: "application/pdf", kind: "pdf", filename: "a.pdf" }, T0);
      const again = await s.ingest.recordFile({ key, size: 12, contentType: "application/pdf", kind: "pdf", filename: "b.pdf" }, T0 + 5);
      expect(again).toEqual(first);
      expect(first).toMatchObject({ key, size: 12, kind: "pdf", filename: "a.pdf", createdAt: new Date(T0).toISOString() });
      expect(await s.ingest.getFile("ef".repeat(32))).toBeNull();
    });

    it("commits new events, patches and sightings together, and refreshes a sighting seen again", async () => {
      const origin = { type: "source" as const, id: "src_1" };
      expect(await s.ingest.lastSightingAt()).toBeNull();
      const first = await s.ingest.commit({ origin, at: T0, creates: [{ event: event("Jazz", "2027-03-12T20:00:00-05:00", { uid: "jazz@x" }), sightings: [seen("jazz@x")] }, { event: event("Fair", "2027-05-01", { allDay: true }), sightings: [seen("fair"), seen("fair-dup", "similar")] }], merges: [] });
      expect(first.created.map((e) => e.title)).toEqual(["Jazz", "Fair"]);
      const [jazz, fair] = first.created;
      expect(jazz.uid).toBe("jazz@x");
      expect(await s.ingest.eventsByUids(["jazz@x", "nope"])).toEqual([jazz]);

      const second = await s.ingest.commit({ origin: { type: "file", id: "f".repeat(64) }, at: T0 + 60_000, creates: [], merges: [{ eventId: jazz.id, sighting: seen("jazz@x", "uid"), patch: { title: "Jazz Night", location: "Hall" } }, { eventId: fair.id, sighting: seen("fair-post", "similar") }] });
      expect(second).toMatchObject({ created: [], merged: 2 });
      expect(second.updated).toHaveLength(1);
      expect(await s.events.get(jazz.id)).toMatchObject({ title: "Jazz Night", location: "Hall", uid: "jazz@x" });
      expect((await s.events.get(fair.id))!.title).toBe("Fair");

      // The same item seen again keeps its first sighting and moves the last one.
      await s.ingest.commit({ origin, at: T0 + 120_000, creates: [], merges: [{ eventId: jazz.id, sighting: seen("jazz@x", "uid") }] });
      const jazzSeen = await s.ingest.provenanceOf(jazz.id);
      expect(jazzSeen.map((p) => [p.type, p.match, p.firstSeenAt, p.lastSeenAt])).toEqual([
        ["source", "new", new Date(T0).toISOString(), new Date(T0 + 120_000).toISOString()],
        ["file", "uid", new Date(T0 + 60_000).toISOString(), new Date(T0 + 60_000).toISOString()],
      ]);
      expect((await s.ingest.provenanceOf(fair.id)).map((p) => p.itemKey).sort()).toEqual(["fair", "fair-dup", "fair-post"]);
      expect(await s.ingest.lastSightingAt()).toBe(new Date(T0 + 120_000).toISOString());
    });

    it("writes nothing of a batch that holds a bad event", async () => {
      const origin = { type: "file" as const, id: "a".repeat(64) };
      await expect(s.ingest.commit({ origin, at: T0, creates: [{ event: event("Good", "2027-01-01T10:00:00-05:00"), sightings: [seen("g")] }, { event: event("Bad", "not a date"), sightings: [seen("b")] }], merges: [] })).rejects.toThrow();
      expect(await s.events.count()).toBe(0);
      // A UID that is already stored fails the whole batch too (the caller should have merged it).
      await s.ingest.commit({ origin, at: T0, creates: [{ event: event("One", "2027-01-01T10:00:00-05:00", { uid: "u1" }), sightings: [seen("u1")] }], merges: [] });
      await expect(s.ingest.commit({ origin, at: T0, creates: [{ event: event("Two", "2027-01-02T10:00:00-05:00"), sightings: [seen("t")] }, { event: event("One again", "2027-01-01T10:00:00-05:00", { uid: "u1" }), sightings: [seen("u1")] }], merges: [] })).rejects.toMatchObject({ code: "EVENT_CONFLICT" });
      expect((await s.events.list({ limit: 10 })).map((e) => e.title)).toEqual(["One"]);
    });

    it("forgets sightings with their event, and a deleted source's sightings but not its events", async () => {
      const { created } = await s.ingest.commit({ origin: { type: "source", id: "src_gone" }, at: T0, creates: [{ event: event("A", "2027-01-01T10:00:00-05:00"), sightings: [seen("a")] }, { event: event("B", "2027-01-02T10:00:00-05:00"), sightings: [seen("b")] }], merges: [] });
      expect(await s.events.delete(created[0].id)).toBe(true);
      expect(await s.ingest.provenanceOf(created[0].id)).toEqual([]);
      const src = await s.ingest.createSource({ url: "https://gone.test/", timezone: "UTC", refreshMinutes: 60 }, T0);
      await s.ingest.commit({ origin: { type: "source", id: src.id }, at: T0, creates: [], merges: [{ eventId: created[1].id, sighting: seen("b2", "similar") }] });
      expect(await s.ingest.provenanceOf(created[1].id)).toHaveLength(2);
      await s.ingest.deleteSource(src.id);
      expect((await s.ingest.provenanceOf(created[1].id)).map((p) => p.id)).toEqual(["src_gone"]);
      expect(await s.events.get(created[1].id)).not.toBeNull();
    });
  });
}
