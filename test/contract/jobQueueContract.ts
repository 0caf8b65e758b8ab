/**
 * The JobQueue contract: one suite every adapter must pass, run per backend by jobQueue.<backend>.test.ts.
 * Each test gets a fresh, empty queue from `makeQueue`; the workers it started and the queues it opened are
 * closed afterwards (workers first, with a short grace, as the service's shutdown does).
 */
import { afterAll, afterEach, beforeEach, describe } from "vitest";
import type { JobWorker } from "../../src/ports/jobQueue.js";
import { jobAdminCases } from "./jobAdminCases.js";
import { jobFailureCases } from "./jobFailureCases.js";
import { jobLifecycleCases } from "./jobLifecycleCases.js";
import type { JobQueueContext, QueueFactory, QueueUnderTest } from "./jobQueueFixtures.js";

/** The most one case may take; 30 s. */
const TEST_TIMEOUT_MS = 30_000;
/** How long afterEach lets a test's leftover handlers finish before aborting them. */
const CLOSE_GRACE_MS = 500;

/** Registers the contract for one backend; `cleanup` runs once after the last test (drop schemas, delete keys). */
export function jobQueueContract(name: string, makeQueue: QueueFactory, cleanup: () => Promise<void> = async () => undefined): void {
  // A generous per-test timeout: the cases wait for real workers, and CI machines can be slow.
  describe(`JobQueue contract: ${name}`, { timeout: TEST_TIMEOUT_MS }, () => {
    let opened: QueueUnderTest[] = [];
    let workers: JobWorker[] = [];
    const ctx = {
      async open(options) {
        const made = await makeQueue(options);
        opened.push(made);
        return made.queue;
      },
      work(queue, handler, options) {
        const worker = queue.process(handler, options);
        workers.push(worker);
        return worker;
      },
    } as JobQueueContext;

    beforeEach(async () => {
      ctx.queue = await ctx.open({});
    });
    afterEach(async () => {
      await Promise.all(workers.map((w) => w.close(AbortSignal.timeout(CLOSE_GRACE_MS))));
      for (const { queue, dispose } of opened) {
        await queue.close();
        await dispose();
      }
      opened = [];
      workers = [];
    });
    afterAll(async () => {
      await cleanup();
    });

    jobLifecycleCases(ctx);
    jobFailureCases(ctx);
    jobAdminCases(ctx);
  });
}
