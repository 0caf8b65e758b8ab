/**
 * The JobQueue contract on BullMQ, when REDIS_URL is set. The run writes under its own key prefix
 * (`calendar-test-<pid>-<random>`), each test under its own queue name, and obliterates every queue it
 * created when the suite ends, so parallel runs and other data in the same Redis are never touched.
 */
import { randomBytes } from "node:crypto";
import { Queue } from "bullmq";
import { describe, it } from "vitest";
import { createBullmqJobQueue } from "../../src/adapters/queue/bullmq/bullmqJobQueue.js";
import { redisConnectionOptions } from "../../src/adapters/redis/connection.js";
import { jobQueueContract } from "./jobQueueContract.js";

const redisUrl = process.env.REDIS_URL;

if (redisUrl === undefined || redisUrl === "") {
  describe.skip("JobQueue contract: redis (skipped: REDIS_URL is not set; set REDIS_URL=redis://… to run)", () => {
    it("runs against BullMQ on Redis", () => undefined);
  });
} else {
  const prefix = `calendar-test-${process.pid}-${randomBytes(4).toString("hex")}`;
  const names: string[] = [];

  jobQueueContract(
    "redis (bullmq)",
    async ({ observer }) => {
      const name = `contract-${names.length + 1}`;
      names.push(name);
      return { queue: createBullmqJobQueue({ redisUrl, name, prefix, observer }), dispose: async () => undefined };
    },
    async () => {
      for (const name of names) {
        const queue = new Queue(name, { connection: redisConnectionOptions(redisUrl, false), prefix });
        // force: also jobs still active (the close(signal) case leaves one to its lock).
        await queue.obliterate({ force: true });
        await queue.close();
      }
    },
  );
}
