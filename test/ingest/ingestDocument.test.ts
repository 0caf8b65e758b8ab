/**
 * The ingest use case over the real SQLite stores and the real document reader: dedup against what is
 * stored and within one document, an iCalendar UID as the authority for its event, rules arriving after
 * their dated posts, and re-ingesting an unchanged document. A fixed clock is the reference for the text.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { KyselyIngestStore } from "../../src/adapters/store/kyselyIngestStore.js";
import { type MigratableEventStore, openStores } from "../../src/adapters/store/open.js";
import { type IngestDeps, ingestDocument } from "../../src/app/ingest/ingestDocument.js";
import type { DocumentKind } from "../../src/ports/ingestStore.js";
import { createDocumentReader } from "../../src/sources/reader.js";
import { FEED_ICS, YOGA_POST_TXT } from "./documents.js";

const NOW = Date.parse("2026-12-03T12:00:00Z");
let dir: string;
let events: MigratableEventStore;
let deps: IngestDeps;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "calendar-ingest-"));
  const stores = await openStores({ databaseUrl: `sqlite:${join(dir, "store.db")}`, dataDir: dir });
  events = stores.events;
  await events.migrate();
  const clock = { now: () => NOW };
  deps = { events, ingest: new KyselyIngestStore(stores.database.db, stores.database.backend, clock), reader: createDocumentReader(), clock, dedup: { threshold: 0.72, toleranceMs: 30 * 60_000 } };
});
afterEach(async () => {
  await events.close();
  rmSync(dir, { recursive: true, force: true });
});

const ingest = (kind: DocumentKind, text: string, id = "src_a") => ingestDocument({ kind, body: Buffer.from(text), origin: { type: "source", id }, timezone: "America/New_York" }, deps);

describe("ingestDocument", () => {
  it("creates every event of a new feed, and nothing when the same feed comes again", async () => {
    expect(await ingest("ics", FEED_ICS)).toMatchObject({ kind: "ics", found: 3, created: 3, merged: 0, updated: 0 });
    const again = await ingest("ics", FEED_ICS);
    expect(again).toMatchObject({ found: 3, created: 0, merged: 3, updated: 0 });
    expect(again.eventIds).toHaveLength(3);
    expect(await events.count()).toBe(3);
  });

  it("lets an iCalendar item whose UID is stored move its event (the organiser changed it), without a duplicate", async () => {
    await ingest("ics", FEED_ICS);
    const moved = FEED_ICS.replace("DTSTART;TZID=America/New_York:20270312T200000", "DTSTART;TZID=America/New_York:20270313T210000").replace("DTEND;TZID=America/New_York:20270312T223000", "DTEND;TZID=America/New_York:20270313T233000");
    expect(await ingest("ics", moved)).toMatchObject({ created: 0, merged: 3, updated: 1 });
    const [concert] = (await events.list({ limit: 10, q: "jazz" }));
    expect(concert).toMatchObject({ start: "2027-03-13T21:00:00-05:00", end: "2027-03-13T23:30:00-05:00", uid: "concert-0312@hall.test" });
    expect(await events.count()).toBe(3);
  });

  it("folds duplicates inside one document into one event with two sightings", async () => {
    const flyer = "Jazz Night on March 12, 2027 at 8pm at Blue Note Hall\n\nJAZZ NIGHT with the Blue Trio — March 12, 2027, 8:00 pm, Blue Note Hall\n";
    const summary = await ingest("text", flyer);
    expect(summary).toMatchObject({ found: 2, created: 1, merged: 1 });
    expect(summary.eventIds).toHaveLength(1);
    const sightings = await deps.ingest.provenanceOf(summary.eventIds[0]);
    expect(sightings.map((s) => s.match)).toEqual(expect.arrayContaining(["new", "similar"]));
  });

  it("recognises dated posts as occurrences of a rule that arrives after them", async () => {
    const post = await ingest("text", YOGA_POST_TXT, "src_posts");
    expect(post).toMatchObject({ created: 1 });
    const feed = await ingest("ics", FEED_ICS, "src_feed");
    // The weekly class matched the stored Tuesday post; the concert and the fair are new.
    expect(feed).toMatchObject({ found: 3, created: 2, merged: 1 });
    expect(feed.eventIds).toContain(post.eventIds[0]);
  });

  it("keeps two same-titled events on different days apart", async () => {
    const two = "Beginners Yoga on January 12, 2027 at 6pm in Studio B\n\nBeginners Yoga on January 13, 2027 at 6pm in Studio B\n";
    expect(await ingest("text", two)).toMatchObject({ found: 2, created: 2, merged: 0 });
  });
});
