/**
 * The JobQueue port on BullMQ and Redis: jobs survive restarts in Redis, any number of processes consume
 * them, and a job whose worker died is re-run by BullMQ's stalled-job checker once its lock expires. Vendor
 * types stay in this folder; the queue opens its own Redis connections and closes them in close().
 */
import { type JobsOptions, Queue, type WorkerOptions as BullmqWorkerOptions } from "bullmq";
import { backoffDelay, MAX_BACKOFF_MS } from "../../../core/jobs/backoff.js";
import type { EnqueueOptions, JobCounts, JobHandler, JobQueue, JobRecord, JobWorker, JsonValue, WorkerOptions } from "../../../ports/jobQueue.js";
import { newJobId, resolveEnqueueOptions } from "../enqueueOptions.js";
import { safeObserver, type SafeObserver } from "../safeObserver.js";
import { toBullmqId } from "./bullmqIds.js";
import { type CalendarJob, toJobRecord, toJobState } from "./bullmqRecords.js";
import { BullmqJobWorker } from "./bullmqWorker.js";
import { redisConnectionOptions } from "../../redis/connection.js";
import type { QueueObservingOptions } from "../retryOptions.js";

/** Prefix of every Redis key the queue writes; "calendar". */
export const DEFAULT_REDIS_PREFIX = "calendar";
/** How long a worker's lock on a job lasts unless renewed (renewed every half of it); 30 s, BullMQ's default. */
export const DEFAULT_LOCK_DURATION_MS = 30_000;
/** How often a worker looks for jobs whose lock expired (their worker died); 30 s, BullMQ's default. */
export const DEFAULT_STALLED_INTERVAL_MS = 30_000;
/**
 * Stalls BullMQ tolerates before failing a job by itself; 1 000. The port's limit is the job's maxAttempts,
 * which counts stalled attempts and is enforced when the job is re-run: this only backs it up.
 */
export const DEFAULT_MAX_STALLED_COUNT = 1_000;
/** Dead letters one `deadLetters` call returns when no limit is given; 100. */
export const DEFAULT_DEAD_LETTER_LIMIT = 100;

/** The backoff type jobs are enqueued with: resolved by this adapter's strategy (core/jobs/backoff.ts). */
const BACKOFF_TYPE = "calendar-exponential";

export interface BullmqJobQueueOptions extends QueueObservingOptions {
  /** redis:// or rediss:// URL (REDIS_URL). */
  redisUrl: string;
  /** The queue's name ("ingest"). */
  name: string;
  /** Key prefix; DEFAULT_REDIS_PREFIX. Tests give each run its own and delete its keys afterwards. */
  prefix?: string;
  /** The lease: DEFAULT_LOCK_DURATION_MS. */
  lockDurationMs?: number;
  /** DEFAULT_STALLED_INTERVAL_MS; a killed worker's job is re-run within about lock + interval. */
  stalledIntervalMs?: number;
  /** DEFAULT_MAX_STALLED_COUNT. */
  maxStalledCount?: number;
  /** Errors the queue and its workers survive (Redis connection trouble, a lost lock, an observer throwing). Ignored by default. */
  onError?: (error: unknown) => void;
}

/** Opens the queue (its Redis connection starts connecting now). */
export function createBullmqJobQueue(options: BullmqJobQueueOptions): JobQueue {
  return new BullmqJobQueue(options);
}

export class BullmqJobQueue implements JobQueue {
  readonly name: string;
  readonly backend = "redis";
  readonly #options: BullmqJobQueueOptions;
  readonly #prefix: string;
  readonly #queue: Queue<JsonValue, JsonValue, string>;
  readonly #observer: SafeObserver;
  readonly #onError: (error: unknown) => void;
  /** The delay the backoff strategy chose for each job's latest failure, until its "failed" event reads it. */
  readonly #retryDelays = new Map<string, number>();
  #closed: Promise<void> | undefined;

  constructor(options: BullmqJobQueueOptions) {
    this.name = options.name;
    this.#options = options;
    this.#prefix = options.prefix ?? DEFAULT_REDIS_PREFIX;
    const onError = options.onError ?? (() => undefined);
    this.#onError = (error) => {
      try {
        onError(error);
      } catch {
        // Nothing left to report to.
      }
    };
    this.#observer = safeObserver(options.observer, this.#onError);
    this.#queue = new Queue<JsonValue, JsonValue, string>(options.name, { connection: redisConnectionOptions(options.redisUrl, false), prefix: this.#prefix });
    this.#queue.on("error", (error) => this.#onError(error));
  }

  async enqueue(name: string, payload: JsonValue, options?: EnqueueOptions): Promise<JobRecord> {
    const resolved = resolveEnqueueOptions(options);
    const jobId = toBullmqId(resolved.jobId ?? newJobId());
    const jobOptions: JobsOptions = {
      jobId,
      attempts: resolved.maxAttempts,
      backoff: { type: BACKOFF_TYPE, delay: resolved.backoffMs },
      delay: resolved.delayMs,
      // Completed and dead jobs are kept, as the port's get() and deadLetters() promise.
      removeOnComplete: false,
      removeOnFail: false,
    };
    // An existing jobId is left as it is (BullMQ ignores the duplicate): the read below returns it unchanged.
    await this.#queue.add(name, payload, jobOptions);
    const job = await this.#read(jobId);
    if (job === null) throw new Error(`job ${resolved.jobId ?? jobId} vanished right after it was enqueued (removed concurrently)`);
    return job;
  }

  get(id: string): Promise<JobRecord | null> {
    return this.#read(toBullmqId(id));
  }

  process(handler: JobHandler, options: WorkerOptions = {}): JobWorker {
    const concurrency = options.concurrency ?? 1;
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be an integer ≥ 1, got ${concurrency}`);
    const o = this.#options;
    const random = o.random ?? Math.random;
    const workerOptions: BullmqWorkerOptions = {
      connection: redisConnectionOptions(o.redisUrl, true),
      prefix: this.#prefix,
      concurrency,
      lockDuration: o.lockDurationMs ?? DEFAULT_LOCK_DURATION_MS,
      stalledInterval: o.stalledIntervalMs ?? DEFAULT_STALLED_INTERVAL_MS,
      maxStalledCount: o.maxStalledCount ?? DEFAULT_MAX_STALLED_COUNT,
      settings: {
        // attemptsMade is the failed attempt's number (1 for the first failure).
        backoffStrategy: (attemptsMade, _type, _error, job) => {
          const backoff = job?.opts.backoff;
          const baseMs = typeof backoff === "number" ? backoff : (backoff?.delay ?? 0);
          const delay = backoffDelay(attemptsMade, { baseMs, maxMs: o.maxBackoffMs ?? MAX_BACKOFF_MS, jitter: o.jitter }, random);
          if (job?.id !== undefined) this.#retryDelays.set(job.id, delay);
          return delay;
        },
      },
    };
    return new BullmqJobWorker(
      {
        queue: this.name,
        options: workerOptions,
        observer: this.#observer,
        onError: this.#onError,
        takeRetryDelay: (jobId) => {
          const delay = this.#retryDelays.get(jobId);
          this.#retryDelays.delete(jobId);
          return delay;
        },
      },
      handler,
    );
  }

  async deadLetters(options: { limit?: number; offset?: number } = {}): Promise<JobRecord[]> {
    const limit = Math.max(0, options.limit ?? DEFAULT_DEAD_LETTER_LIMIT);
    const offset = Math.max(0, options.offset ?? 0);
    if (limit === 0) return [];
    // The failed set is ordered by finish time; getFailed reads it newest first.
    const jobs = await this.#queue.getFailed(offset, offset + limit - 1);
    return jobs.map((job) => toJobRecord(job, "dead", this.name));
  }

  async retryDead(id: string): Promise<boolean> {
    const job = await this.#dead(toBullmqId(id));
    if (job === null) return false;
    try {
      await job.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true });
      return true;
    } catch {
      // No longer failed (retried or removed concurrently).
      return false;
    }
  }

  async removeDead(id: string): Promise<boolean> {
    const job = await this.#dead(toBullmqId(id));
    if (job === null) return false;
    try {
      await job.remove();
      return true;
    } catch {
      return false;
    }
  }

  async counts(): Promise<JobCounts> {
    const c = await this.#queue.getJobCounts("waiting", "prioritized", "waiting-children", "delayed", "active", "completed", "failed");
    return {
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0) + (c["waiting-children"] ?? 0),
      delayed: c.delayed ?? 0,
      active: c.active ?? 0,
      completed: c.completed ?? 0,
      dead: c.failed ?? 0,
    };
  }

  close(): Promise<void> {
    // Closes the queue's own connection; each worker closed its own.
    this.#closed ??= this.#queue.close();
    return this.#closed;
  }

  // The state first, then the job: a finished state then always comes with the finished job's fields.
  async #read(bullmqId: string): Promise<JobRecord | null> {
    const state = toJobState(await this.#queue.getJobState(bullmqId));
    if (state === null) return null;
    const job: CalendarJob | undefined = await this.#queue.getJob(bullmqId);
    return job === undefined ? null : toJobRecord(job, state, this.name);
  }

  async #dead(bullmqId: string): Promise<CalendarJob | null> {
    if ((await this.#queue.getJobState(bullmqId)) !== "failed") return null;
    return (await this.#queue.getJob(bullmqId)) ?? null;
  }
}
