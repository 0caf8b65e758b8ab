/**
 * The JobQueue contract on the local adapter: a SQLite file per test in a temporary directory, always; and
 * PostgreSQL when DATABASE_URL is a postgres:// URL, with a schema per test (`calendar_jobs_<pid>_<random>_<n>`,
 * selected with search_path) dropped when the suite ends. Every database is migrated with the store's migrations.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "vitest";
import { createLocalJobQueue } from "../../src/adapters/queue/local/localJobQueue.js";
import { openStores } from "../../src/adapters/store/open.js";
import { jobQueueContract } from "./jobQueueContract.js";
import type { QueueFactoryOptions, QueueUnderTest } from "./jobQueueFixtures.js";
import { postgresSchemas, postgresSkipReason } from "./postgresSchemas.js";

/** Short polls and backoffs keep retries quick; the lease stays long (the crash test shortens it). */
const TEST_POLL_INTERVAL_MS = 20;

/** A migrated database at `databaseUrl` and a local queue on it; disposing closes the database. */
async function localQueue(databaseUrl: string, options: QueueFactoryOptions): Promise<QueueUnderTest> {
  const { events, database } = await openStores({ databaseUrl, dataDir: "unused" });
  await events.migrate();
  const queue = createLocalJobQueue({
    db: database.db,
    skipLocked: database.backend.capabilities.skipLocked,
    name: "contract",
    pollIntervalMs: TEST_POLL_INTERVAL_MS,
    observer: options.observer,
  });
  // The event store owns the connection: closing it closes the queue's database too.
  return { queue, dispose: () => events.close() };
}

const root = mkdtempSync(join(tmpdir(), "calendar-jobs-contract-"));
let files = 0;

jobQueueContract(
  "local (sqlite file)",
  (options) => localQueue(`sqlite:${join(root, `run-${++files}`, "calendar.db")}`, options),
  async () => rmSync(root, { recursive: true, force: true }),
);

const skip = postgresSkipReason();

if (skip !== null) {
  describe.skip(`JobQueue contract: local (postgres) (skipped: ${skip})`, () => {
    it("runs against PostgreSQL", () => undefined);
  });
} else {
  const schemas = postgresSchemas(process.env.DATABASE_URL!, "calendar_jobs");
  jobQueueContract("local (postgres)", async (options) => localQueue(await schemas.next(), options), () => schemas.dropAll());
}
