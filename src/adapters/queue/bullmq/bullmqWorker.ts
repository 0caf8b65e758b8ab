/**
 * The BullMQ adapter's worker: a BullMQ Worker running the port's handler. It translates the port's failure
 * semantics into BullMQ's (UnrecoverableError, attempts that count killed runs), reports outcomes to the
 * observer from the worker's events (after BullMQ has stored them), and closes the way the port says.
 */
import { DelayedError, UnrecoverableError as BullmqUnrecoverableError, Worker, type WorkerOptions as BullmqWorkerOptions } from "bullmq";
import type { JobContext, JobHandler, JobWorker, JsonValue } from "../../../ports/jobQueue.js";
import { errorMessage } from "../enqueueOptions.js";
import type { SafeObserver } from "../safeObserver.js";
import { isUnrecoverable } from "../unrecoverable.js";
import { fromBullmqId } from "./bullmqIds.js";
import { type CalendarJob, toJobRecord } from "./bullmqRecords.js";

/** What a worker needs from its queue: BullMQ's options (connection, prefix, locks, backoff) and the reporting. */
export interface BullmqWorkerSettings {
  queue: string;
  options: BullmqWorkerOptions;
  observer: SafeObserver;
  onError: (error: unknown) => void;
  /** The delay the backoff strategy chose for a job's latest failure, taken once (for the "retrying" outcome). */
  takeRetryDelay(jobId: string): number | undefined;
}

export class BullmqJobWorker implements JobWorker {
  readonly #settings: BullmqWorkerSettings;
  readonly #worker: Worker<JsonValue, JsonValue, string>;
  /** The abort controllers of the handlers running now, by BullMQ job id. */
  readonly #running = new Map<string, AbortController>();
  /** Set when close()'s signal aborts: failures from then on are the abort, not the job's. */
  #abandoned = false;
  #closed: Promise<void> | undefined;

  constructor(settings: BullmqWorkerSettings, handler: JobHandler) {
    this.#settings = settings;
    this.#worker = new Worker<JsonValue, JsonValue, string>(settings.queue, (job) => this.#process(job, handler), settings.options);
    // Without an "error" listener an EventEmitter throws; connection trouble is reported and BullMQ reconnects.
    this.#worker.on("error", (error) => settings.onError(error));
    // Another worker may own the job now (its lock expired and the stalled checker re-queued it).
    this.#worker.on("lockRenewalFailed", (ids) => {
      for (const id of ids) this.#running.get(id)?.abort(new DOMException(`the lock on job ${fromBullmqId(id)} was lost`, "AbortError"));
    });
    this.#worker.on("completed", (job) => this.#completed(job));
    this.#worker.on("failed", (job, error) => {
      if (job !== undefined) this.#failed(job, error);
    });
  }

  active(): number {
    return this.#running.size;
  }

  close(signal?: AbortSignal): Promise<void> {
    // BullMQ's graceful close: no new jobs, wait for the running ones to be recorded, close the connections.
    this.#closed ??= this.#worker.close().then(() => undefined);
    if (signal !== undefined) {
      const abandon = (): void => {
        this.#abandoned = true;
        for (const controller of this.#running.values()) controller.abort(new DOMException("the worker is closing", "AbortError"));
      };
      if (signal.aborted) abandon();
      else {
        signal.addEventListener("abort", abandon, { once: true });
        void this.#closed.then(() => signal.removeEventListener("abort", abandon));
      }
    }
    return this.#closed;
  }

  async #process(job: CalendarJob, handler: JobHandler): Promise<JsonValue> {
    const attempt = job.attemptsStarted;
    const maxAttempts = job.opts.attempts ?? 1;
    // BullMQ re-runs a stalled job without counting the attempt; the port counts it, and does not run a job
    // whose last attempt died with its worker.
    if (attempt > maxAttempts) {
      throw new BullmqUnrecoverableError(`lease expired: the worker running attempt ${attempt - 1} stopped renewing it, and it was the last attempt`);
    }
    const id = String(job.id);
    const controller = new AbortController();
    if (this.#abandoned) controller.abort(new DOMException("the worker is closing", "AbortError"));
    this.#running.set(id, controller);
    const context: JobContext = { id: fromBullmqId(id), name: job.name, payload: job.data ?? null, attempt, maxAttempts };
    this.#settings.observer.started(context);
    try {
      return await handler(context, controller.signal);
    } catch (error) {
      // Failing after the signal aborted is the abort, not the job: DelayedError tells BullMQ "leave the job
      // as it is", so it stays active until its lock expires and the stalled checker hands it to a worker.
      if (controller.signal.aborted) throw new DelayedError(errorMessage(error));
      // The last attempt (counting stalled ones) dead-letters too: BullMQ alone would count failures only.
      if (isUnrecoverable(error) || attempt >= maxAttempts) throw new BullmqUnrecoverableError(errorMessage(error));
      throw error instanceof Error ? error : new Error(errorMessage(error));
    } finally {
      this.#running.delete(id);
    }
  }

  #completed(job: CalendarJob): void {
    this.#settings.observer.finished({ type: "completed", job: toJobRecord(job, "completed", this.#settings.queue), durationMs: durationMs(job) });
  }

  #failed(job: CalendarJob, error: Error): void {
    const { queue, observer, takeRetryDelay } = this.#settings;
    const duration = durationMs(job);
    const retryInMs = takeRetryDelay(String(job.id));
    // Every final failure is thrown as BullMQ's UnrecoverableError (see #process); anything else was retried.
    if (error.name === "UnrecoverableError" || retryInMs === undefined) {
      observer.finished({ type: "dead", job: toJobRecord(job, "dead", queue), durationMs: duration, error: error.message });
    } else {
      observer.finished({ type: "retrying", job: toJobRecord(job, retryInMs > 0 ? "delayed" : "waiting", queue), durationMs: duration, error: error.message, retryInMs });
    }
  }
}

// From when BullMQ moved the job to active (the worker's clock) to now; the outcome events fire once it is stored.
function durationMs(job: CalendarJob): number {
  return job.processedOn === undefined ? 0 : Math.max(0, Date.now() - job.processedOn);
}
