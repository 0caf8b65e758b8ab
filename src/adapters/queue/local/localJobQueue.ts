/**
 * The JobQueue port on a durable `jobs` table in the events' SQL database (migration 0002): jobs survive
 * restarts, workers in any number of processes claim them under leases, and a job whose worker died is
 * re-run once its lease expires. The queue borrows the database connection and never closes it.
 */
import type { Kysely } from "kysely";
import { MAX_BACKOFF_MS } from "../../../core/jobs/backoff.js";
import { type Clock, systemClock } from "../../../ports/clock.js";
import type { EnqueueOptions, JobCounts, JobHandler, JobQueue, JobRecord, JobWorker, JsonValue, WorkerOptions } from "../../../ports/jobQueue.js";
import { newJobId, resolveEnqueueOptions } from "../enqueueOptions.js";
import { safeObserver, type SafeObserver } from "../safeObserver.js";
import { type JobsDatabase, type JobsScope, toJobRecord, toJsonText } from "./jobsTable.js";
import { LocalJobWorker } from "./localWorker.js";
import { Wakeup } from "./wakeup.js";
import type { QueueObservingOptions } from "../retryOptions.js";

/** How long a claim holds a job before another worker may take it over, unless renewed; 30 s. */
export const DEFAULT_LEASE_MS = 30_000;
/** How often an idle worker looks for runnable jobs (enqueues in the same process wake it at once); 200 ms. */
export const DEFAULT_POLL_INTERVAL_MS = 200;
/** Dead letters one `deadLetters` call returns when no limit is given; 100. */
export const DEFAULT_DEAD_LETTER_LIMIT = 100;

/** `DB` is whatever the caller's Kysely knows of the database; the queue only uses its own `jobs` table. */
export interface LocalJobQueueOptions<DB = unknown> extends QueueObservingOptions {
  /** The store's connection (`openStoreDatabase(...).db`), migrated; the queue never closes it. */
  db: Kysely<DB>;
  /** The backend can claim with `FOR UPDATE SKIP LOCKED` (PostgreSQL): `StoreBackend.capabilities.skipLocked`. */
  skipLocked: boolean;
  /** The queue's name ("ingest"): jobs of other queues in the same table are never touched. */
  name: string;
  /** Source of run_at, leases and timestamps; the system clock by default. */
  clock?: Clock;
  /** Lease length; DEFAULT_LEASE_MS. Renewed every third of it while the handler runs. */
  leaseMs?: number;
  /** Idle poll interval; DEFAULT_POLL_INTERVAL_MS. Also bounds how late a delayed job or a retry starts. */
  pollIntervalMs?: number;
  /**
   * Errors a worker survives: the database failing a claim or a write (the loop retries after the poll
   * interval; an unrecorded outcome is re-run after its lease), an observer throwing. Ignored by default.
   */
  onError?: (error: unknown) => void;
}

/** Opens the local queue on an already migrated database. */
export function createLocalJobQueue<DB>(options: LocalJobQueueOptions<DB>): JobQueue {
  // The caller's typing knows nothing of `jobs`; the queue's own does (jobsTable.ts).
  return new LocalJobQueue({ ...options, db: options.db as unknown as Kysely<JobsDatabase> });
}

export class LocalJobQueue implements JobQueue {
  readonly name: string;
  readonly backend = "local";
  readonly #options: LocalJobQueueOptions<JobsDatabase>;
  readonly #scope: JobsScope;
  readonly #clock: Clock;
  readonly #observer: SafeObserver;
  readonly #onError: (error: unknown) => void;
  readonly #wakeup = new Wakeup();
  #closed = false;

  constructor(options: LocalJobQueueOptions<JobsDatabase>) {
    this.name = options.name;
    this.#options = options;
    this.#scope = { db: options.db, queue: options.name };
    this.#clock = options.clock ?? systemClock;
    const onError = options.onError ?? (() => undefined);
    // A throwing onError must not break the worker either.
    this.#onError = (error) => {
      try {
        onError(error);
      } catch {
        // Nothing left to report to.
      }
    };
    this.#observer = safeObserver(options.observer, this.#onError);
  }

  async enqueue(name: string, payload: JsonValue, options?: EnqueueOptions): Promise<JobRecord> {
    this.#assertOpen();
    const resolved = resolveEnqueueOptions(options);
    const now = this.#clock.now();
    const id = resolved.jobId ?? newJobId();
    const { db, queue } = this.#scope;
    // An existing id is left as it is (idempotent enqueue): the read below returns it unchanged.
    const inserted = await db
      .insertInto("jobs")
      .values({
        queue,
        id,
        name,
        payload: toJsonText(payload),
        state: resolved.delayMs > 0 ? "delayed" : "waiting",
        attempts: 0,
        max_attempts: resolved.maxAttempts,
        backoff_ms: resolved.backoffMs,
        run_at: now + resolved.delayMs,
        lease_until: null,
        lease_owner: null,
        result: null,
        error: null,
        created_at: now,
        updated_at: now,
        finished_at: null,
      })
      .onConflict((oc) => oc.columns(["queue", "id"]).doNothing())
      .executeTakeFirst();
    if ((inserted.numInsertedOrUpdatedRows ?? 0n) > 0n && resolved.delayMs === 0) this.#wakeup.ring();
    const job = await this.get(id);
    if (job === null) throw new Error(`job ${id} vanished right after it was enqueued (removed concurrently)`);
    return job;
  }

  async get(id: string): Promise<JobRecord | null> {
    const { db, queue } = this.#scope;
    const row = await db.selectFrom("jobs").selectAll().where("queue", "=", queue).where("id", "=", id).executeTakeFirst();
    return row ? toJobRecord(row) : null;
  }

  process(handler: JobHandler, options: WorkerOptions = {}): JobWorker {
    this.#assertOpen();
    const concurrency = options.concurrency ?? 1;
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be an integer ≥ 1, got ${concurrency}`);
    const o = this.#options;
    const settings = {
      scope: this.#scope,
      skipLocked: o.skipLocked,
      clock: this.#clock,
      leaseMs: o.leaseMs ?? DEFAULT_LEASE_MS,
      pollIntervalMs: o.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
      maxBackoffMs: o.maxBackoffMs ?? MAX_BACKOFF_MS,
      jitter: o.jitter ?? "equal",
      random: o.random ?? Math.random,
      observer: this.#observer,
      onError: this.#onError,
      wakeup: this.#wakeup,
    };
    return new LocalJobWorker(settings, handler, concurrency);
  }

  async deadLetters(options: { limit?: number; offset?: number } = {}): Promise<JobRecord[]> {
    const { db, queue } = this.#scope;
    const rows = await db
      .selectFrom("jobs")
      .selectAll()
      .where("queue", "=", queue)
      .where("state", "=", "dead")
      // Newest first; jobs buried in the same millisecond by last update, then id, so pages are stable.
      .orderBy("finished_at", "desc")
      .orderBy("updated_at", "desc")
      .orderBy("id", "desc")
      .limit(Math.max(0, options.limit ?? DEFAULT_DEAD_LETTER_LIMIT))
      .offset(Math.max(0, options.offset ?? 0))
      .execute();
    return rows.map(toJobRecord);
  }

  async retryDead(id: string): Promise<boolean> {
    const { db, queue } = this.#scope;
    const now = this.#clock.now();
    // The last error stays until the job completes; the attempts start over.
    const result = await db
      .updateTable("jobs")
      .set({ state: "waiting", attempts: 0, run_at: now, result: null, finished_at: null, updated_at: now })
      .where("queue", "=", queue)
      .where("id", "=", id)
      .where("state", "=", "dead")
      .executeTakeFirst();
    const retried = result.numUpdatedRows > 0n;
    if (retried) this.#wakeup.ring();
    return retried;
  }

  async removeDead(id: string): Promise<boolean> {
    const { db, queue } = this.#scope;
    const result = await db.deleteFrom("jobs").where("queue", "=", queue).where("id", "=", id).where("state", "=", "dead").executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async counts(): Promise<JobCounts> {
    const { db, queue } = this.#scope;
    const rows = await db.selectFrom("jobs").select((eb) => ["state", eb.fn.countAll<number | string>().as("n")]).where("queue", "=", queue).groupBy("state").execute();
    const counts: JobCounts = { waiting: 0, delayed: 0, active: 0, completed: 0, dead: 0 };
    for (const row of rows) counts[row.state] = Number(row.n);
    return counts;
  }

  async close(): Promise<void> {
    // The connection belongs to the store; workers are closed by their owners first.
    this.#closed = true;
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error(`job queue "${this.name}" is closed`);
  }
}
