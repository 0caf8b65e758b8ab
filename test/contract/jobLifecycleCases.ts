/** JobQueue contract, part 1: enqueue and read, running jobs, concurrency, closing workers, the observer. */
import { describe, expect, it } from "vitest";
import type { JobContext, JsonValue } from "../../src/ports/jobQueue.js";
import { deferred, type JobQueueContext, recordingObserver, sleep, waitFor, waitForState } from "./jobQueueFixtures.js";

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function jobLifecycleCases(ctx: JobQueueContext): void {
  describe("enqueue and get", () => {
    it("enqueue stores a waiting job with the port's defaults; get returns it", async () => {
      const payload = { path: "inbox/a.ics", sizes: [1, 2.5], nested: { ok: true, none: null } };
      const job = await ctx.queue.enqueue("ingest-file", payload);
      expect(job).toMatchObject({ queue: ctx.queue.name, name: "ingest-file", payload, state: "waiting", attempts: 0, maxAttempts: 5 });
      expect(job).toMatchObject({ result: null, error: null, finishedAt: null });
      expect(job.id.length).toBeGreaterThan(0);
      expect(job.createdAt).toMatch(ISO);
      expect(job.updatedAt).toMatch(ISO);
      expect(await ctx.queue.get(job.id)).toEqual(job);
      expect(typeof ctx.queue.backend).toBe("string");
    });

    it("keeps payloads that are bare JSON values (a string, a number, null, an array)", async () => {
      for (const payload of ["hello", "{not json}", 42, null, [1, "two"]] as JsonValue[]) {
        const job = await ctx.queue.enqueue("echo", payload);
        expect((await ctx.queue.get(job.id))?.payload).toEqual(payload);
      }
    });

    it("get of an unknown id is null", async () => {
      expect(await ctx.queue.get("no-such-job")).toBeNull();
    });

    it("distinct enqueues get distinct ids", async () => {
      const jobs = await Promise.all([1, 2, 3, 4, 5].map((n) => ctx.queue.enqueue("echo", n)));
      expect(new Set(jobs.map((j) => j.id)).size).toBe(5);
    });

    it("a job with delayMs is delayed and not run before its time", async () => {
      const later = await ctx.queue.enqueue("echo", "later", { delayMs: 60_000 });
      expect(later.state).toBe("delayed");
      ctx.work(ctx.queue, async (job) => job.payload);
      const now = await ctx.queue.enqueue("echo", "now");
      await waitForState(ctx.queue, now.id, "completed");
      expect(await ctx.queue.get(later.id)).toMatchObject({ state: "delayed", attempts: 0 });
    });
  });

  describe("running jobs", () => {
    it("the handler gets the job's id, name, payload, attempt number and maxAttempts", async () => {
      const seen = deferred<JobContext>();
      ctx.work(ctx.queue, async (job) => {
        seen.resolve(job);
        return null;
      });
      const job = await ctx.queue.enqueue("scrape-source", { url: "https://example.org/events" }, { maxAttempts: 3 });
      expect(await seen.promise).toEqual({ id: job.id, name: "scrape-source", payload: { url: "https://example.org/events" }, attempt: 1, maxAttempts: 3 });
    });

    it("a job is active while its handler runs and completed with the result only once the handler resolved", async () => {
      const release = deferred();
      const started = deferred();
      ctx.work(ctx.queue, async () => {
        started.resolve();
        await release.promise;
        return { imported: 3 };
      });
      const job = await ctx.queue.enqueue("ingest-file", { path: "a.ics" });
      await started.promise;
      expect(await ctx.queue.get(job.id)).toMatchObject({ state: "active", attempts: 1, result: null, finishedAt: null });
      release.resolve();
      const done = await waitForState(ctx.queue, job.id, "completed");
      expect(done).toMatchObject({ result: { imported: 3 }, attempts: 1, error: null });
      expect(done.finishedAt).toMatch(ISO);
    });

    it("a handler resolving with null completes the job with a null result", async () => {
      ctx.work(ctx.queue, async () => null);
      const job = await ctx.queue.enqueue("echo", 1);
      expect(await waitForState(ctx.queue, job.id, "completed")).toMatchObject({ result: null });
    });

    it("a worker with concurrency N runs N jobs at once, and no more", async () => {
      const release = deferred();
      const running: string[] = [];
      const worker = ctx.work(
        ctx.queue,
        async (job) => {
          running.push(job.id);
          await release.promise;
          return null;
        },
        { concurrency: 3 },
      );
      const jobs = await Promise.all([1, 2, 3, 4].map((n) => ctx.queue.enqueue("echo", n)));
      await waitFor("three jobs running", () => running.length === 3 && worker.active() === 3);
      // The fourth stays waiting while the three slots are busy.
      expect((await ctx.queue.counts()).waiting).toBe(1);
      release.resolve();
      for (const job of jobs) await waitForState(ctx.queue, job.id, "completed");
      expect(running.length).toBe(4);
      expect(worker.active()).toBe(0);
    });

    it("two workers run 50 jobs, each exactly once", async () => {
      const runs = new Map<string, number>();
      const handler = async (job: JobContext): Promise<JsonValue> => {
        runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
        await sleep(2);
        return job.payload;
      };
      ctx.work(ctx.queue, handler, { concurrency: 3 });
      ctx.work(ctx.queue, handler, { concurrency: 3 });
      const jobs = await Promise.all(Array.from({ length: 50 }, (_, n) => ctx.queue.enqueue("echo", n)));
      await waitFor("50 completed jobs", async () => (await ctx.queue.counts()).completed === 50, 20_000);
      expect([...runs.keys()].sort()).toEqual(jobs.map((j) => j.id).sort());
      expect([...runs.values()].every((n) => n === 1)).toBe(true);
      for (const job of jobs) expect(await ctx.queue.get(job.id)).toMatchObject({ attempts: 1, result: job.payload });
    });
  });

  describe("closing a worker", () => {
    it("close() stops claiming and waits for the running job to finish and be recorded", async () => {
      const release = deferred();
      const started = deferred();
      const worker = ctx.work(ctx.queue, async () => {
        started.resolve();
        await release.promise;
        return "done";
      });
      const job = await ctx.queue.enqueue("echo", 1);
      await started.promise;
      let closed = false;
      const closing = worker.close().then(() => void (closed = true));
      await sleep(50);
      expect(closed).toBe(false);
      const next = await ctx.queue.enqueue("echo", 2);
      release.resolve();
      await closing;
      expect(worker.active()).toBe(0);
      expect(await ctx.queue.get(job.id)).toMatchObject({ state: "completed", result: "done" });
      // A closing worker claims nothing new.
      expect(await ctx.queue.get(next.id)).toMatchObject({ state: "waiting", attempts: 0 });
    });

    it("close(signal) aborts the handlers' signals when it aborts, waits for them, and leaves the job to its lease", async () => {
      const started = deferred();
      let sawAbort = false;
      const worker = ctx.work(ctx.queue, async (_job, signal) => {
        started.resolve();
        await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
        sawAbort = true;
        await sleep(20);
        throw new Error("aborted");
      });
      const job = await ctx.queue.enqueue("echo", 1);
      await started.promise;
      const grace = new AbortController();
      const closing = worker.close(grace.signal);
      grace.abort();
      await closing;
      expect(sawAbort).toBe(true);
      expect(worker.active()).toBe(0);
      // Not a failed attempt: still active under the lease, so another worker re-runs it after the lease.
      expect(await ctx.queue.get(job.id)).toMatchObject({ state: "active", attempts: 1 });
    });

    it("close() can be called again, and on an idle worker resolves at once", async () => {
      const worker = ctx.work(ctx.queue, async () => null);
      await worker.close();
      await expect(worker.close()).resolves.toBeUndefined();
    });
  });

  describe("observer", () => {
    it("hears started and completed with the job's record and a duration", async () => {
      const seen = recordingObserver();
      const queue = await ctx.open({ observer: seen.observer });
      ctx.work(queue, async () => ({ ok: true }));
      const job = await queue.enqueue("echo", "x");
      await waitFor("the completed outcome", () => seen.outcomes.length === 1);
      expect(seen.started.map((s) => s.id)).toEqual([job.id]);
      const [outcome] = seen.outcomes;
      expect(outcome).toMatchObject({ type: "completed", job: { id: job.id, state: "completed", result: { ok: true }, attempts: 1 } });
      expect(outcome.durationMs).toBeGreaterThanOrEqual(0);
    });

    it("an observer that throws breaks neither the job nor the worker", async () => {
      const queue = await ctx.open({
        observer: {
          started: () => {
            throw new Error("observer down");
          },
          finished: () => {
            throw new Error("observer down");
          },
        },
      });
      ctx.work(queue, async (job) => job.payload);
      const first = await queue.enqueue("echo", 1);
      await waitForState(queue, first.id, "completed");
      const second = await queue.enqueue("echo", 2);
      expect(await waitForState(queue, second.id, "completed")).toMatchObject({ result: 2 });
    });
  });
}
