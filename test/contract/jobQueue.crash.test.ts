/**
 * A worker killed mid-job (SIGKILL: no cleanup, no goodbye): the job runs again on another worker once the
 * lease/lock expires, and that killed attempt counts. The doomed worker is a real child process
 * (fixtures/crashWorker.mjs, which runs the compiled dist/ that the global setup keeps fresh). Runs on the
 * local adapter over a SQLite file always, over PostgreSQL when DATABASE_URL is set, and on BullMQ when
 * REDIS_URL is set; a skipped backend says why.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Queue } from "bullmq";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createBullmqJobQueue } from "../../src/adapters/queue/bullmq/bullmqJobQueue.js";
import { redisConnectionOptions } from "../../src/adapters/redis/connection.js";
import { createLocalJobQueue } from "../../src/adapters/queue/local/localJobQueue.js";
import { openStores } from "../../src/adapters/store/open.js";
import type { JobQueue, JobWorker } from "../../src/ports/jobQueue.js";
import { waitFor, waitForState } from "./jobQueueFixtures.js";

/** Short, so the survivor takes over within seconds; the doomed worker renews it every third (local) or half (BullMQ). */
const LEASE_MS = 1_000;
const WORKER_SCRIPT = new URL("./fixtures/crashWorker.mjs", import.meta.url);
const root = mkdtempSync(join(tmpdir(), "calendar-jobs-crash-"));

/** One backend: opens the queue in this process, and says how the child opens the same queue. */
interface CrashTarget {
  open(name: string): Promise<{ queue: JobQueue; childConfig: Record<string, unknown>; dispose(): Promise<void> }>;
  cleanup(): Promise<void>;
}

function localTarget(databaseUrlFor: (n: number) => Promise<string>, cleanup: () => Promise<void>): CrashTarget {
  let n = 0;
  return {
    async open(name) {
      const databaseUrl = await databaseUrlFor(++n);
      const { events, database } = await openStores({ databaseUrl, dataDir: "unused" });
      await events.migrate();
      const queue = createLocalJobQueue({ db: database.db, skipLocked: database.backend.capabilities.skipLocked, name, leaseMs: LEASE_MS, pollIntervalMs: 20 });
      return { queue, childConfig: { backend: "local", databaseUrl, name, leaseMs: LEASE_MS }, dispose: () => events.close() };
    },
    cleanup,
  };
}

function redisTarget(redisUrl: string): CrashTarget {
  const prefix = `calendar-test-${process.pid}-${randomBytes(4).toString("hex")}`;
  const names: string[] = [];
  return {
    async open(name) {
      names.push(name);
      // The stalled checker runs every half lease here, so the survivor notices the dead lock quickly.
      const queue = createBullmqJobQueue({ redisUrl, prefix, name, lockDurationMs: LEASE_MS, stalledIntervalMs: LEASE_MS / 2 });
      return { queue, childConfig: { backend: "redis", redisUrl, prefix, name, leaseMs: LEASE_MS }, dispose: async () => undefined };
    },
    async cleanup() {
      for (const name of names) {
        const queue = new Queue(name, { connection: redisConnectionOptions(redisUrl, false), prefix });
        await queue.obliterate({ force: true });
        await queue.close();
      }
    },
  };
}

/**
 * Starts the doomed worker (registered in `children` at once, so it is killed even when the wait fails) and
 * resolves with what it claimed once it is inside the handler.
 */
async function startDoomedWorker(childConfig: Record<string, unknown>, marker: string, children: ChildProcess[]): Promise<{ id: string; attempt: number }> {
  // stdin is a pipe the worker watches: it exits by itself if this process dies without killing it.
  const child = spawn(process.execPath, [fileURLToPath(WORKER_SCRIPT)], {
    env: { ...process.env, CRASH_WORKER_CONFIG: JSON.stringify({ ...childConfig, markerFile: marker }) },
    stdio: ["pipe", "ignore", "pipe"],
  });
  children.push(child);
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => void (stderr += chunk));
  await waitFor(
    "the doomed worker to claim the job",
    () => {
      if (child.exitCode !== null) throw new Error(`the worker exited early (${child.exitCode}): ${stderr}`);
      return existsSync(marker) && readFileSync(marker, "utf8").length > 0;
    },
    30_000,
  );
  return JSON.parse(readFileSync(marker, "utf8")) as { id: string; attempt: number };
}

/** SIGKILL, resolved once the process is gone. */
function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

function crashCases(title: string, target: CrashTarget): void {
  describe(`JobQueue crash: ${title}`, () => {
    const opened: { dispose(): Promise<void>; queue: JobQueue }[] = [];
    const workers: JobWorker[] = [];
    const children: ChildProcess[] = [];
    let n = 0;

    afterEach(async () => {
      for (const child of children.splice(0)) await kill(child);
      await Promise.all(workers.splice(0).map((w) => w.close(AbortSignal.timeout(500))));
      for (const { queue, dispose } of opened.splice(0)) {
        await queue.close();
        await dispose();
      }
    });
    afterAll(() => target.cleanup());

    async function setUp(maxAttempts: number) {
      const { queue, childConfig, dispose } = await target.open(`crash-${++n}`);
      opened.push({ queue, dispose });
      const job = await queue.enqueue("ingest-file", { path: "big.pdf" }, { maxAttempts, backoffMs: 10 });
      const claimed = await startDoomedWorker(childConfig, join(root, `${title.replace(/\W+/g, "-")}-${n}.json`), children);
      expect(claimed).toMatchObject({ id: job.id, attempt: 1 });
      await kill(children[children.length - 1]);
      expect(await queue.get(job.id)).toMatchObject({ state: "active", attempts: 1 });
      return { queue, job };
    }

    it("a job whose worker was SIGKILLed runs again on another worker once the lease expires; the killed attempt counts", async () => {
      const { queue, job } = await setUp(3);
      const attempts: number[] = [];
      workers.push(
        queue.process(async (context) => {
          attempts.push(context.attempt);
          return { by: "survivor", attempt: context.attempt };
        }),
      );
      const done = await waitForState(queue, job.id, "completed", 30_000);
      expect(done).toMatchObject({ attempts: 2, result: { by: "survivor", attempt: 2 } });
      expect(attempts).toEqual([2]);
    }, 90_000);

    it("a job whose worker was SIGKILLed on its last attempt is dead-lettered with 'lease expired', not run again", async () => {
      const { queue, job } = await setUp(1);
      let runs = 0;
      workers.push(
        queue.process(async () => {
          runs++;
          return null;
        }),
      );
      const dead = await waitForState(queue, job.id, "dead", 30_000);
      expect(dead).toMatchObject({ attempts: 1, maxAttempts: 1 });
      expect(dead.error).toMatch(/^lease expired/);
      expect(runs).toBe(0);
    }, 90_000);
  });
}

// The marker files of every backend live under root too: it goes once the whole file is done.
afterAll(() => rmSync(root, { recursive: true, force: true }));

crashCases(
  "local (sqlite file)",
  localTarget(
    async (n) => `sqlite:${join(root, `crash-${n}`, "calendar.db")}`,
    async () => undefined,
  ),
);

const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl === undefined || !/^postgres(ql)?:\/\//i.test(databaseUrl)) {
  const why = databaseUrl === undefined || databaseUrl === "" ? "DATABASE_URL is not set" : "DATABASE_URL is not a postgres:// URL";
  describe.skip(`JobQueue crash: local (postgres) (skipped: ${why}; set DATABASE_URL=postgres://… to run)`, () => {
    it("re-runs a killed worker's job on PostgreSQL", () => undefined);
  });
} else {
  const admin = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const run = `calendar_crash_${process.pid}_${randomBytes(4).toString("hex")}`;
  const schemas: string[] = [];
  crashCases(
    "local (postgres)",
    localTarget(
      async (n) => {
        const schema = `${run}_${n}`;
        await admin.query(`create schema "${schema}"`);
        schemas.push(schema);
        const url = new URL(databaseUrl);
        url.searchParams.set("options", `-c search_path=${schema}`);
        return url.toString();
      },
      async () => {
        for (const schema of schemas) await admin.query(`drop schema if exists "${schema}" cascade`);
        await admin.end();
      },
    ),
  );
}

const redisUrl = process.env.REDIS_URL;
if (redisUrl === undefined || redisUrl === "") {
  describe.skip("JobQueue crash: redis (skipped: REDIS_URL is not set; set REDIS_URL=redis://… to run)", () => {
    it("re-runs a killed worker's job on BullMQ", () => undefined);
  });
} else {
  crashCases("redis (bullmq)", redisTarget(redisUrl));
}
