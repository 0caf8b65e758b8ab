/**
 * The scrape schedule over the real SQLite stores and the local queue: a due source gets one job per run
 * even when two schedulers tick at once; a source not yet due, or disabled, gets none; the next run moves
 * forward by the source's refresh interval. The clock is moved by hand.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLocalJobQueue } from "../../src/adapters/queue/local/localJobQueue.js";
import { KyselyIngestStore } from "../../src/adapters/store/kyselyIngestStore.js";
import { type MigratableEventStore, openStores } from "../../src/adapters/store/open.js";
import { queueDueSources, type ScheduleDeps } from "../../src/app/ingest/scheduleSources.js";
import type { JobQueue } from "../../src/ports/jobQueue.js";

const T0 = Date.parse("2026-12-03T12:00:00Z");
let now = T0;
let dir: string;
let events: MigratableEventStore;
let queue: JobQueue;
let deps: ScheduleDeps;

beforeEach(async () => {
  now = T0;
  dir = mkdtempSync(join(tmpdir(), "calendar-schedule-"));
  const stores = await openStores({ databaseUrl: `sqlite:${join(dir, "store.db")}`, dataDir: dir });
  events = stores.events;
  await events.migrate();
  const clock = { now: () => now };
  queue = createLocalJobQueue({ db: stores.database.db, skipLocked: false, name: "ingest", clock });
  deps = { ingest: new KyselyIngestStore(stores.database.db, stores.database.backend, clock), queue, clock, queueDefaults: { maxAttempts: 3, backoffMs: 10 } };
});
afterEach(async () => {
  await queue.close();
  await events.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("queueDueSources", () => {
  it("queues one scrape per due source and moves its next run by the refresh interval", async () => {
    const hourly = await deps.ingest.createSource({ url: "https://a.test/feed.ics", timezone: "UTC", refreshMinutes: 60 }, T0);
    await deps.ingest.createSource({ url: "https://b.test/off.ics", timezone: "UTC", refreshMinutes: 60, enabled: false }, T0);
    await deps.ingest.createSource({ url: "https://c.test/later.ics", timezone: "UTC", refreshMinutes: 60 }, T0 + 10 * 60_000);

    expect(await queueDueSources(deps)).toBe(1);
    expect(await queueDueSources(deps)).toBe(0);
    const counts = await queue.counts();
    expect(counts.waiting).toBe(1);
    const job = await queue.get(`scrape-${hourly.id}-${T0}`);
    expect(job).toMatchObject({ name: "scrape-source", payload: { sourceId: hourly.id }, maxAttempts: 3 });
    expect((await deps.ingest.getSource(hourly.id))!.nextRunAt).toBe(new Date(T0 + 3_600_000).toISOString());

    now = T0 + 10 * 60_000;
    expect(await queueDueSources(deps)).toBe(1); // the later source
    now = T0 + 3_600_000;
    expect(await queueDueSources(deps)).toBe(1); // the hourly one's next run
    expect((await queue.counts()).waiting).toBe(3);
  });

  it("two schedulers ticking together queue a run once", async () => {
    await deps.ingest.createSource({ url: "https://a.test/feed.ics", timezone: "UTC", refreshMinutes: 30 }, T0);
    const queued = await Promise.all([queueDueSources(deps), queueDueSources(deps), queueDueSources(deps)]);
    expect(queued.reduce((a, b) => a + b, 0)).toBe(1);
    expect((await queue.counts()).waiting).toBe(1);
  });
});
