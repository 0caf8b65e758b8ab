/**
 * The job queue port: ingest and scrape work that must survive crashes, retried with backoff, dead-lettered
 * when it cannot succeed. Producer (`enqueue`), worker (`process`) and observer (`JobObserver`) are separate.
 * Two adapters implement it side by side: a durable table in the store (local) and BullMQ on Redis.
 */

/** A JSON value: what a payload or a result may hold (both backends serialise them). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * waiting: ready to run; delayed: waiting for its backoff (or its delay) to pass; active: claimed by a worker
 * under a lease; completed: the handler resolved; dead: dead-lettered (attempts exhausted, or unrecoverable).
 */
export type JobState = "waiting" | "delayed" | "active" | "completed" | "dead";

export interface JobRecord {
  /** Unique in the queue; the caller's `jobId` when one was given. */
  id: string;
  /** The queue ("ingest"). */
  queue: string;
  /** What the job does ("ingest-file", "scrape-source", …): the handler dispatches on it. */
  name: string;
  payload: JsonValue;
  state: JobState;
  /** Attempts started so far (a claimed attempt counts, even when its worker was killed). */
  attempts: number;
  maxAttempts: number;
  /** The handler's resolved value once completed, else null. */
  result: JsonValue | null;
  /** The last failure's message (kept after a later success is not needed: null once completed). */
  error: string | null;
  /** ISO 8601 UTC instants. */
  createdAt: string;
  updatedAt: string;
  /** When the job completed or was dead-lettered; null before. */
  finishedAt: string | null;
}

export interface EnqueueOptions {
  /** Attempts before the job is dead-lettered; default 5. */
  maxAttempts?: number;
  /** Base of the exponential backoff in ms (attempt n waits base·2^(n-1), with jitter); default 1 000. */
  backoffMs?: number;
  /** Do not run before this many ms from now; default 0. */
  delayMs?: number;
  /** Idempotency: enqueuing an id that exists returns the existing job unchanged. */
  jobId?: string;
}

/** What a handler sees of its job. */
export interface JobContext {
  id: string;
  name: string;
  payload: JsonValue;
  /** 1 on the first attempt. */
  attempt: number;
  maxAttempts: number;
}

/**
 * Runs one job. Resolving completes it with the value as its result (only after the handler's own writes
 * are committed); throwing `UnrecoverableError` dead-letters it at once; anything else is retried with
 * backoff until `maxAttempts`. The signal aborts when the worker is closing or the lease was lost.
 */
export type JobHandler = (job: JobContext, signal: AbortSignal) => Promise<JsonValue>;

/** Throw from a handler to say "retrying cannot help": the job goes straight to the dead-letter queue. */
export class UnrecoverableError extends Error {
  readonly code = "UNRECOVERABLE";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "UnrecoverableError";
  }
}

/** What happened to a job, for metrics and logs; observers never throw. */
export type JobOutcome =
  | { type: "completed"; job: JobRecord; durationMs: number }
  /** A failed attempt that will be retried after `retryInMs`. */
  | { type: "retrying"; job: JobRecord; durationMs: number; error: string; retryInMs: number }
  /** The final failure: the job is in the dead-letter queue. */
  | { type: "dead"; job: JobRecord; durationMs: number; error: string };

export interface JobObserver {
  started?(job: JobContext): void;
  finished?(outcome: JobOutcome): void;
}

export interface WorkerOptions {
  /** Jobs run at once by this worker; default 1. */
  concurrency?: number;
}

/** A running consumer. */
export interface JobWorker {
  /** Jobs this worker is running now. */
  active(): number;
  /**
   * Stops claiming, lets running jobs finish until `signal` aborts (then aborts their signals and leaves them
   * to be re-run after their lease), and resolves when nothing of this worker runs any more.
   */
  close(signal?: AbortSignal): Promise<void>;
}

export interface JobCounts {
  waiting: number;
  delayed: number;
  active: number;
  completed: number;
  dead: number;
}

export interface JobQueue {
  /** The queue's name ("ingest"). */
  readonly name: string;
  /** Which adapter runs it ("local", "redis"): for logs and /status, never branched on. */
  readonly backend: string;
  enqueue(name: string, payload: JsonValue, options?: EnqueueOptions): Promise<JobRecord>;
  /** Any job by id, in any state; null when unknown (or removed). */
  get(id: string): Promise<JobRecord | null>;
  /** Starts consuming in this process. */
  process(handler: JobHandler, options?: WorkerOptions): JobWorker;
  /** Dead-lettered jobs, newest first. */
  deadLetters(options?: { limit?: number; offset?: number }): Promise<JobRecord[]>;
  /** Puts a dead job back to waiting with its attempts reset; false when `id` is not dead-lettered. */
  retryDead(id: string): Promise<boolean>;
  /** Deletes a dead job; false when `id` is not dead-lettered. */
  removeDead(id: string): Promise<boolean>;
  counts(): Promise<JobCounts>;
  /** Closes connections (workers must be closed first); later calls do nothing. */
  close(): Promise<void>;
}
