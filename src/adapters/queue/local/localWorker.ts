/**
 * The local adapter's worker: `concurrency` claim loops over the `jobs` table. Each loop claims one job under
 * a lease, runs the handler while renewing the lease, records the outcome guarded by its claim token, and
 * sleeps (until the poll interval passes or a job is enqueued in this process) when nothing is runnable.
 */
import { randomUUID } from "node:crypto";
import { type BackoffJitter, backoffDelay } from "../../../core/jobs/backoff.js";
import type { Clock } from "../../../ports/clock.js";
import type { JobContext, JobHandler, JobWorker, JsonValue } from "../../../ports/jobQueue.js";
import { errorMessage } from "../enqueueOptions.js";
import type { SafeObserver } from "../safeObserver.js";
import { isUnrecoverable } from "../unrecoverable.js";
import { type JobRow, type JobsScope, toJobRecord } from "./jobsTable.js";
import { buryExpired, claimJob, renewLease } from "./leases.js";
import { buryJob, completeJob, retryJobLater } from "./outcomes.js";
import type { Wakeup } from "./wakeup.js";

/** What a worker needs from its queue; all defaults are resolved by the queue. */
export interface LocalWorkerSettings {
  scope: JobsScope;
  skipLocked: boolean;
  clock: Clock;
  leaseMs: number;
  pollIntervalMs: number;
  maxBackoffMs: number;
  jitter: BackoffJitter;
  random: () => number;
  observer: SafeObserver;
  onError: (error: unknown) => void;
  wakeup: Wakeup;
}

type Settled = { ok: true; value: JsonValue } | { ok: false; error: unknown };

export class LocalJobWorker implements JobWorker {
  readonly #settings: LocalWorkerSettings;
  readonly #handler: JobHandler;
  /** Aborts when close() is called: no more claims, idle loops wake up. */
  readonly #stopping = new AbortController();
  /** Aborts when close()'s signal does: running handlers are told to stop, their jobs left to their leases. */
  readonly #abandon = new AbortController();
  readonly #loops: Promise<void>[] = [];
  #running = 0;
  #nextSweepAt = 0;
  #closed: Promise<void> | undefined;

  constructor(settings: LocalWorkerSettings, handler: JobHandler, concurrency: number) {
    this.#settings = settings;
    this.#handler = handler;
    for (let i = 0; i < concurrency; i++) this.#loops.push(this.#loop());
  }

  active(): number {
    return this.#running;
  }

  close(signal?: AbortSignal): Promise<void> {
    this.#stopping.abort();
    this.#closed ??= Promise.all(this.#loops).then(() => undefined);
    if (signal !== undefined) {
      const abandon = (): void => this.#abandon.abort(new DOMException("the worker is closing", "AbortError"));
      if (signal.aborted) abandon();
      else {
        signal.addEventListener("abort", abandon, { once: true });
        void this.#closed.then(() => signal.removeEventListener("abort", abandon));
      }
    }
    return this.#closed;
  }

  async #loop(): Promise<void> {
    const { scope, clock, leaseMs, pollIntervalMs, skipLocked, wakeup, onError } = this.#settings;
    while (!this.#stopping.signal.aborted) {
      // A fresh token per claim: a late write from an earlier attempt of the same job can never pass the guard.
      const owner = randomUUID();
      let row: JobRow | undefined;
      try {
        await this.#sweep();
        row = await claimJob(scope, owner, clock.now(), leaseMs, skipLocked);
      } catch (error) {
        onError(error);
      }
      if (row === undefined) await wakeup.sleep(pollIntervalMs, this.#stopping.signal);
      else await this.#run(row, owner).catch(onError);
    }
  }

  // Dead-letters jobs whose worker died on their last attempt; at most once per poll interval per worker.
  async #sweep(): Promise<void> {
    const { scope, clock, pollIntervalMs, observer } = this.#settings;
    const now = clock.now();
    if (now < this.#nextSweepAt) return;
    this.#nextSweepAt = now + pollIntervalMs;
    for (const row of await buryExpired(scope, now)) {
      // The dead attempt's duration is unknown: its worker never reported back.
      observer.finished({ type: "dead", job: toJobRecord(row), durationMs: 0, error: row.error ?? "lease expired" });
    }
  }

  async #run(row: JobRow, owner: string): Promise<void> {
    const { clock, observer, onError } = this.#settings;
    const job: JobContext = { id: row.id, name: row.name, payload: toJobRecord(row).payload, attempt: row.attempts, maxAttempts: row.max_attempts };
    const controller = new AbortController();
    const abandon = (): void => controller.abort(this.#abandon.signal.reason);
    if (this.#abandon.signal.aborted) abandon();
    else this.#abandon.signal.addEventListener("abort", abandon, { once: true });
    const stopRenewing = this.#keepLease(row.id, owner, controller);
    this.#running++;
    const startedAt = clock.now();
    observer.started(job);
    let settled: Settled;
    try {
      settled = { ok: true, value: await this.#handler(job, controller.signal) };
    } catch (error) {
      settled = { ok: false, error };
    } finally {
      stopRenewing();
      this.#abandon.signal.removeEventListener("abort", abandon);
    }
    try {
      // A failure after the signal aborted is the abort itself, not the job's fault: the lease is either lost
      // (another worker has the job) or left to expire (close gave up waiting), and the job is re-run.
      if (settled.ok || !controller.signal.aborted) await this.#record(row, owner, settled, startedAt);
    } catch (error) {
      onError(error);
    } finally {
      this.#running--;
    }
  }

  async #record(row: JobRow, owner: string, settled: Settled, startedAt: number): Promise<void> {
    const { scope, clock, observer, maxBackoffMs, jitter, random } = this.#settings;
    const now = clock.now();
    const durationMs = now - startedAt;
    if (settled.ok) {
      const done = await completeJob(scope, row.id, owner, now, settled.value);
      if (done) observer.finished({ type: "completed", job: toJobRecord(done), durationMs });
      return;
    }
    const error = errorMessage(settled.error);
    if (isUnrecoverable(settled.error) || row.attempts >= row.max_attempts) {
      const dead = await buryJob(scope, row.id, owner, now, error);
      if (dead) observer.finished({ type: "dead", job: toJobRecord(dead), durationMs, error });
      return;
    }
    const retryInMs = backoffDelay(row.attempts, { baseMs: Number(row.backoff_ms), maxMs: maxBackoffMs, jitter }, random);
    const delayed = await retryJobLater(scope, row.id, owner, now, error, now + retryInMs);
    if (delayed) observer.finished({ type: "retrying", job: toJobRecord(delayed), durationMs, error, retryInMs });
  }

  /**
   * Renews the lease every third of its length while the handler runs; aborts the handler's signal when the
   * lease turns out to be someone else's, or when renewals kept failing until it ran out. Returns the stopper.
   */
  #keepLease(id: string, owner: string, controller: AbortController): () => void {
    const { scope, clock, leaseMs, onError } = this.#settings;
    let leaseUntil = clock.now() + leaseMs;
    let renewing = false;
    const lost = (): void => controller.abort(new DOMException(`the lease on job ${id} was lost`, "AbortError"));
    const timer = setInterval(() => {
      if (renewing || controller.signal.aborted) return;
      renewing = true;
      const now = clock.now();
      renewLease(scope, id, owner, now, leaseMs)
        .then((held) => (held ? void (leaseUntil = now + leaseMs) : lost()))
        .catch((error: unknown) => {
          onError(error);
          if (clock.now() >= leaseUntil) lost();
        })
        .finally(() => void (renewing = false));
    }, Math.max(1, Math.floor(leaseMs / 3)));
    return () => clearInterval(timer);
  }
}
