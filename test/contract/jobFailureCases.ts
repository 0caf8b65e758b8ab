/** JobQueue contract, part 2: failed attempts, retries with backoff, dead-lettering, UnrecoverableError. */
import { describe, expect, it } from "vitest";
import { UnrecoverableError } from "../../src/ports/jobQueue.js";
import { type JobQueueContext, outcomeTypes, recordingObserver, waitFor, waitForState } from "./jobQueueFixtures.js";

export function jobFailureCases(ctx: JobQueueContext): void {
  describe("failures", () => {
    it("a failed attempt is delayed by its backoff, keeping the error; the observer hears 'retrying'", async () => {
      const seen = recordingObserver();
      const queue = await ctx.open({ observer: seen.observer });
      ctx.work(queue, async () => {
        throw new Error("source unreachable");
      });
      const job = await queue.enqueue("scrape-source", {}, { maxAttempts: 3, backoffMs: 60_000 });
      const delayed = await waitForState(queue, job.id, "delayed");
      expect(delayed).toMatchObject({ attempts: 1, error: "source unreachable", finishedAt: null, result: null });
      await waitFor("the retrying outcome", () => seen.outcomes.length === 1);
      const [outcome] = seen.outcomes;
      expect(outcome).toMatchObject({ type: "retrying", error: "source unreachable", job: { id: job.id, state: "delayed", attempts: 1 } });
      // Attempt 1 waits base·2^0 = 60 s, jittered: somewhere in (0, 60 s].
      if (outcome.type !== "retrying") throw new Error("expected a retrying outcome");
      expect(outcome.retryInMs).toBeGreaterThan(0);
      expect(outcome.retryInMs).toBeLessThanOrEqual(60_000);
      expect((await queue.counts()).delayed).toBe(1);
    });

    it("retries with backoff until an attempt succeeds; the error is cleared on completion", async () => {
      const seen = recordingObserver();
      const queue = await ctx.open({ observer: seen.observer });
      const attempts: number[] = [];
      ctx.work(queue, async (job) => {
        attempts.push(job.attempt);
        if (job.attempt < 3) throw new Error(`flaky ${job.attempt}`);
        return { attempt: job.attempt };
      });
      const job = await queue.enqueue("scrape-source", {}, { maxAttempts: 5, backoffMs: 10 });
      const done = await waitForState(queue, job.id, "completed");
      expect(attempts).toEqual([1, 2, 3]);
      expect(done).toMatchObject({ attempts: 3, result: { attempt: 3 }, error: null });
      await waitFor("three outcomes", () => seen.outcomes.length === 3);
      expect(outcomeTypes(seen.outcomes, job.id)).toEqual(["retrying", "retrying", "completed"]);
      expect(seen.outcomes.map((o) => (o.type === "retrying" ? o.error : null))).toEqual(["flaky 1", "flaky 2", null]);
    });

    it("exhausting maxAttempts dead-letters the job with the last error; only the last failure is 'dead'", async () => {
      const seen = recordingObserver();
      const queue = await ctx.open({ observer: seen.observer });
      ctx.work(queue, async (job) => {
        throw new Error(`failed attempt ${job.attempt}`);
      });
      const job = await queue.enqueue("ingest-file", { path: "broken.ics" }, { maxAttempts: 3, backoffMs: 10 });
      const dead = await waitForState(queue, job.id, "dead");
      expect(dead).toMatchObject({ attempts: 3, maxAttempts: 3, error: "failed attempt 3", result: null, payload: { path: "broken.ics" } });
      expect(dead.finishedAt).not.toBeNull();
      await waitFor("three outcomes", () => seen.outcomes.length === 3);
      expect(outcomeTypes(seen.outcomes, job.id)).toEqual(["retrying", "retrying", "dead"]);
      expect(seen.outcomes[2]).toMatchObject({ type: "dead", error: "failed attempt 3", job: { state: "dead", attempts: 3 } });
      expect((await queue.deadLetters()).map((j) => j.id)).toEqual([job.id]);
    });

    it("maxAttempts 1 dead-letters on the first failure", async () => {
      ctx.work(ctx.queue, async () => {
        throw new Error("no");
      });
      const job = await ctx.queue.enqueue("echo", 1, { maxAttempts: 1, backoffMs: 10 });
      expect(await waitForState(ctx.queue, job.id, "dead")).toMatchObject({ attempts: 1, error: "no" });
    });

    it("UnrecoverableError dead-letters after one attempt, whatever maxAttempts allows", async () => {
      const seen = recordingObserver();
      const queue = await ctx.open({ observer: seen.observer });
      let runs = 0;
      ctx.work(queue, async () => {
        runs++;
        throw new UnrecoverableError("not an iCalendar file");
      });
      const job = await queue.enqueue("ingest-file", {}, { maxAttempts: 5, backoffMs: 10 });
      expect(await waitForState(queue, job.id, "dead")).toMatchObject({ attempts: 1, error: "not an iCalendar file" });
      await waitFor("the dead outcome", () => seen.outcomes.length === 1);
      expect(outcomeTypes(seen.outcomes, job.id)).toEqual(["dead"]);
      expect(runs).toBe(1);
    });

    it("a thrown non-Error is a failure with its text as the error", async () => {
      ctx.work(ctx.queue, async () => {
        throw "plain string";
      });
      const job = await ctx.queue.enqueue("echo", 1, { maxAttempts: 1 });
      expect(await waitForState(ctx.queue, job.id, "dead")).toMatchObject({ error: "plain string" });
    });

    it("enqueue rejects options out of range", async () => {
      await expect(ctx.queue.enqueue("echo", 1, { maxAttempts: 0 })).rejects.toThrow(/maxAttempts/);
      await expect(ctx.queue.enqueue("echo", 1, { backoffMs: -1 })).rejects.toThrow(/backoffMs/);
      await expect(ctx.queue.enqueue("echo", 1, { delayMs: Number.NaN })).rejects.toThrow(/delayMs/);
    });
  });
}
