/** Shared pieces of the JobQueue contract: the per-test context, a recording observer, gates and polling. */
import type { JobContext, JobHandler, JobObserver, JobOutcome, JobQueue, JobRecord, JobState, JobWorker, WorkerOptions } from "../../src/ports/jobQueue.js";

/** What a runner's factory may be asked for; every queue it makes is fresh and empty. */
export interface QueueFactoryOptions {
  observer?: JobObserver;
}

/** A queue under test, and how to release what the runner opened for it (database, connections). */
export interface QueueUnderTest {
  queue: JobQueue;
  dispose(): Promise<void>;
}

export type QueueFactory = (options: QueueFactoryOptions) => Promise<QueueUnderTest>;

/** What every case reads; `jobQueueContract` refills it before each test and closes what it opened after. */
export interface JobQueueContext {
  /** A fresh queue with no observer. */
  queue: JobQueue;
  /** Another fresh queue (its own storage) with this observer. */
  open(options: QueueFactoryOptions): Promise<JobQueue>;
  /** `queue.process`, closed after the test if the test did not. */
  work(queue: JobQueue, handler: JobHandler, options?: WorkerOptions): JobWorker;
}

/** A promise to settle from outside. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Polls `check` every 10 ms until it returns something truthy (resolved to it); rejects naming `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T> | T, timeoutMs = 8_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until job `id` is in `state` and returns it. */
export async function waitForState(queue: JobQueue, id: string, state: JobState, timeoutMs?: number): Promise<JobRecord> {
  return waitFor(
    `job ${id} to be ${state}`,
    async () => {
      const job = await queue.get(id);
      return job?.state === state ? job : null;
    },
    timeoutMs,
  );
}

/** An observer that records what it is told, in order. */
export function recordingObserver(): { observer: JobObserver; started: JobContext[]; outcomes: JobOutcome[] } {
  const started: JobContext[] = [];
  const outcomes: JobOutcome[] = [];
  return { observer: { started: (job) => void started.push(job), finished: (outcome) => void outcomes.push(outcome) }, started, outcomes };
}

/** The outcome types recorded for job `id`, in order. */
export function outcomeTypes(outcomes: JobOutcome[], id: string): string[] {
  return outcomes.filter((o) => o.job.id === id).map((o) => o.type);
}
