/** The local job queue beyond the contract: leases (renewal, loss), the injected clock, the borrowed connection. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Kysely, sql } from "kysely";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createLocalJobQueue, type LocalJobQueueOptions } from "../../src/adapters/queue/local/localJobQueue.js";
import { openStores } from "../../src/adapters/store/open.js";
import type { Clock } from "../../src/ports/clock.js";
import type { JobQueue, JobWorker } from "../../src/ports/jobQueue.js";
import { deferred, sleep, waitFor, waitForState } from "../contract/jobQueueFixtures.js";

const root = mkdtempSync(join(tmpdir(), "calendar-local-queue-"));
let n = 0;
const toClose: { close(signal?: AbortSignal): Promise<void> }[] = [];

/** A migrated SQLite file and a queue on it (20 ms polls); the raw connection for looking behind the port. */
async function open(options: Partial<Omit<LocalJobQueueOptions, "db">> = {}): Promise<{ queue: JobQueue; db: Kysely<unknown>; work: JobQueue["process"] }> {
  const { events, database } = await openStores({ databaseUrl: `sqlite:${join(root, `q-${++n}`, "calendar.db")}`, dataDir: "unused" });
  await events.migrate();
  const queue = createLocalJobQueue({ db: database.db, skipLocked: false, name: "ingest", pollIntervalMs: 20, ...options });
  toClose.push(events, queue);
  const work: JobQueue["process"] = (handler, workerOptions) => {
    const worker: JobWorker = queue.process(handler, workerOptions);
    toClose.unshift({ close: () => worker.close(AbortSignal.timeout(500)) });
    return worker;
  };
  return { queue, db: database.db as unknown as Kysely<unknown>, work };
}

afterEach(async () => {
  // Workers first (unshifted), then queues, then the stores that own the connections.
  for (const item of toClose.splice(0)) await item.close();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("local job queue: leases", () => {
  it("renews the lease while a handler outlives it, so no other worker takes the job over", async () => {
    const { queue, work } = await open({ leaseMs: 400 });
    let runs = 0;
    const handler = async (): Promise<null> => {
      runs++;
      await sleep(1_200);
      return null;
    };
    work(handler);
    work(handler);
    const job = await queue.enqueue("slow", null);
    expect(await waitForState(queue, job.id, "completed")).toMatchObject({ attempts: 1 });
    expect(runs).toBe(1);
  });

  it("a worker whose lease was taken over has its signal aborted and cannot record its outcome", async () => {
    const { queue, db, work } = await open({ leaseMs: 150 });
    const started = deferred();
    const aborted = deferred<unknown>();
    work(async (_job, signal) => {
      started.resolve();
      await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
      aborted.resolve(signal.reason);
      // Resolving late must not complete the job: the lease is someone else's now.
      return "too late";
    });
    const job = await queue.enqueue("slow", null);
    await started.promise;
    // Another worker's claim, with a lease long enough to outlast the test.
    await sql`update jobs set lease_owner = 'another-worker', lease_until = ${Date.now() + 60_000} where id = ${job.id}`.execute(db);
    expect(String(await aborted.promise)).toMatch(/lease on job .* was lost/);
    await sleep(100);
    expect(await queue.get(job.id)).toMatchObject({ state: "active", attempts: 1, result: null });
    const { rows } = await sql<{ lease_owner: string }>`select lease_owner from jobs where id = ${job.id}`.execute(db);
    expect(rows[0].lease_owner).toBe("another-worker");
  });
});

describe("local job queue: clock and connection", () => {
  it("reads run_at and backoff against the injected clock", async () => {
    let now = Date.parse("2026-03-10T10:00:00Z");
    const clock: Clock = { now: () => now };
    const { queue, work } = await open({ clock, jitter: "none" });
    const attempts: number[] = [];
    work(async (job) => {
      attempts.push(job.attempt);
      if (job.attempt === 1) throw new Error("first try fails");
      return "ok";
    });
    const job = await queue.enqueue("later", null, { delayMs: 60_000, backoffMs: 5_000 });
    expect(job.createdAt).toBe("2026-03-10T10:00:00.000Z");
    await sleep(100);
    expect(attempts).toEqual([]);
    now += 60_000;
    // The failure is recorded (run_at = clock + backoff) before the clock moves again.
    await waitFor("the first failure to be recorded", async () => (await queue.get(job.id))?.error === "first try fails");
    // No jitter: attempt 1 waits exactly the base, 5 s of the injected clock.
    now += 4_999;
    await sleep(100);
    expect(attempts).toEqual([1]);
    now += 1;
    expect(await waitForState(queue, job.id, "completed")).toMatchObject({ attempts: 2, finishedAt: "2026-03-10T10:01:05.000Z" });
  });

  it("close() leaves the borrowed connection open", async () => {
    const { queue, db } = await open();
    await queue.enqueue("x", 1);
    await queue.close();
    const { rows } = await sql<{ n: number }>`select count(*) as n from jobs`.execute(db);
    expect(Number(rows[0].n)).toBe(1);
    await expect(queue.enqueue("x", 2)).rejects.toThrow(/closed/);
  });

  it("jobs of another queue in the same table are never claimed", async () => {
    const { queue, db, work } = await open();
    const other = createLocalJobQueue({ db, skipLocked: false, name: "other", pollIntervalMs: 20 });
    const foreign = await other.enqueue("x", 1);
    work(async () => "ran");
    const mine = await queue.enqueue("x", 2);
    await waitForState(queue, mine.id, "completed");
    expect(await other.get(foreign.id)).toMatchObject({ state: "waiting", attempts: 0 });
    expect(await queue.get(foreign.id)).toBeNull();
  });
});
