/** JobQueue contract, part 3: idempotent enqueue, the dead-letter queue (list, retry, remove) and counts. */
import { describe, expect, it } from "vitest";
import { type JobQueue, UnrecoverableError } from "../../src/ports/jobQueue.js";
import { type JobQueueContext, sleep, waitFor, waitForState } from "./jobQueueFixtures.js";

/** Runs a worker that dead-letters payloads marked `{ fail: true }` and completes the rest; then buries `n` jobs one after another. */
async function buryInOrder(ctx: JobQueueContext, queue: JobQueue, n: number): Promise<string[]> {
  ctx.work(queue, async (job) => {
    const payload = job.payload as { fail?: boolean };
    if (payload.fail === true) throw new UnrecoverableError(`bad ${job.id}`);
    return "ok";
  });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const job = await queue.enqueue("echo", { fail: true, i });
    await waitForState(queue, job.id, "dead");
    ids.push(job.id);
    // Distinct finish instants: "newest first" is then unambiguous on every backend.
    await sleep(5);
  }
  return ids;
}

export function jobAdminCases(ctx: JobQueueContext): void {
  describe("idempotent enqueue", () => {
    it("enqueuing an existing jobId returns the existing job unchanged", async () => {
      const first = await ctx.queue.enqueue("ingest-file", { path: "a.ics" }, { jobId: "file-a", maxAttempts: 2 });
      expect(first).toMatchObject({ id: "file-a", state: "waiting", payload: { path: "a.ics" }, maxAttempts: 2 });
      const again = await ctx.queue.enqueue("ingest-file", { path: "other.ics" }, { jobId: "file-a", maxAttempts: 4 });
      expect(again).toEqual(first);
      expect((await ctx.queue.counts()).waiting).toBe(1);
    });

    it("any string is a jobId: colons, percent signs, digits only", async () => {
      for (const jobId of ["ingest-file:sha256:ab12", "42", "-7", "100%:done", "%3A", "café ☕"]) {
        const job = await ctx.queue.enqueue("echo", jobId, { jobId });
        expect(job.id).toBe(jobId);
        expect(await ctx.queue.get(jobId)).toMatchObject({ id: jobId, payload: jobId });
        expect((await ctx.queue.enqueue("echo", "again", { jobId })).payload).toBe(jobId);
      }
      expect((await ctx.queue.counts()).waiting).toBe(6);
    });

    it("…also once the job has completed", async () => {
      ctx.work(ctx.queue, async () => "first run");
      await ctx.queue.enqueue("echo", 1, { jobId: "once" });
      const done = await waitForState(ctx.queue, "once", "completed");
      expect(await ctx.queue.enqueue("echo", 2, { jobId: "once" })).toEqual(done);
    });
  });

  describe("dead letters", () => {
    it("deadLetters lists dead jobs newest first, with limit and offset", async () => {
      const ids = await buryInOrder(ctx, ctx.queue, 3);
      const newestFirst = [...ids].reverse();
      expect((await ctx.queue.deadLetters()).map((j) => j.id)).toEqual(newestFirst);
      expect((await ctx.queue.deadLetters({ limit: 2 })).map((j) => j.id)).toEqual(newestFirst.slice(0, 2));
      expect((await ctx.queue.deadLetters({ limit: 2, offset: 2 })).map((j) => j.id)).toEqual(newestFirst.slice(2));
      expect((await ctx.queue.deadLetters())[0]).toMatchObject({ state: "dead", error: `bad ${ids[2]}` });
    });

    it("deadLetters lists neither completed nor pending jobs", async () => {
      ctx.work(ctx.queue, async () => "ok");
      const done = await ctx.queue.enqueue("echo", 1);
      await waitForState(ctx.queue, done.id, "completed");
      await ctx.queue.enqueue("echo", 2, { delayMs: 60_000 });
      expect(await ctx.queue.deadLetters()).toEqual([]);
    });

    it("retryDead puts a dead job back with its attempts reset, and it runs again", async () => {
      let failing = true;
      const attempts: number[] = [];
      ctx.work(ctx.queue, async (job) => {
        attempts.push(job.attempt);
        if (failing) throw new Error("down");
        return "recovered";
      });
      const job = await ctx.queue.enqueue("scrape-source", {}, { maxAttempts: 2, backoffMs: 10 });
      await waitForState(ctx.queue, job.id, "dead");
      failing = false;
      expect(await ctx.queue.retryDead(job.id)).toBe(true);
      const done = await waitForState(ctx.queue, job.id, "completed");
      expect(done).toMatchObject({ attempts: 1, result: "recovered", error: null });
      expect(attempts).toEqual([1, 2, 1]);
      expect(await ctx.queue.deadLetters()).toEqual([]);
    });

    it("retryDead and removeDead refuse jobs that are not dead-lettered", async () => {
      const waiting = await ctx.queue.enqueue("echo", 1);
      expect(await ctx.queue.retryDead(waiting.id)).toBe(false);
      expect(await ctx.queue.removeDead(waiting.id)).toBe(false);
      expect(await ctx.queue.retryDead("no-such-job")).toBe(false);
      expect(await ctx.queue.removeDead("no-such-job")).toBe(false);
      expect(await ctx.queue.get(waiting.id)).toMatchObject({ state: "waiting" });
    });

    it("removeDead deletes a dead job: gone from get and the dead letters, and only once", async () => {
      const [id] = await buryInOrder(ctx, ctx.queue, 1);
      expect(await ctx.queue.removeDead(id)).toBe(true);
      expect(await ctx.queue.get(id)).toBeNull();
      expect(await ctx.queue.deadLetters()).toEqual([]);
      expect(await ctx.queue.removeDead(id)).toBe(false);
      expect(await ctx.queue.retryDead(id)).toBe(false);
    });
  });

  describe("counts", () => {
    it("an empty queue counts zero in every state", async () => {
      expect(await ctx.queue.counts()).toEqual({ waiting: 0, delayed: 0, active: 0, completed: 0, dead: 0 });
    });

    it("counts jobs per state", async () => {
      await ctx.queue.enqueue("echo", { then: "delay" }, { delayMs: 60_000 });
      await ctx.queue.enqueue("echo", { then: "wait" });
      await ctx.queue.enqueue("echo", { then: "wait" });
      expect(await ctx.queue.counts()).toEqual({ waiting: 2, delayed: 1, active: 0, completed: 0, dead: 0 });

      const block = new Promise<never>(() => undefined);
      const worker = ctx.work(
        ctx.queue,
        async (job, signal) => {
          const { then } = job.payload as { then: string };
          if (then === "complete") return "ok";
          if (then === "die") throw new UnrecoverableError("bad");
          // Blocks until the worker is closed with an aborted signal.
          await Promise.race([block, new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason), { once: true }))]);
          return null;
        },
        { concurrency: 4 },
      );
      await waitFor("two active jobs", () => worker.active() === 2);
      const done = await ctx.queue.enqueue("echo", { then: "complete" });
      const dead = await ctx.queue.enqueue("echo", { then: "die" });
      await waitForState(ctx.queue, done.id, "completed");
      await waitForState(ctx.queue, dead.id, "dead");
      expect(await ctx.queue.counts()).toEqual({ waiting: 0, delayed: 1, active: 2, completed: 1, dead: 1 });
    });
  });

  describe("closing the queue", () => {
    it("close() can be called twice", async () => {
      const queue = await ctx.open({});
      await queue.close();
      await expect(queue.close()).resolves.toBeUndefined();
    });
  });
}
