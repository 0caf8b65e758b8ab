/** Options both queue adapters take alike: who observes job outcomes and how retries are spaced. */
import type { BackoffJitter } from "../../core/jobs/backoff.js";
import type { JobObserver } from "../../ports/jobQueue.js";

export interface QueueObservingOptions {
  /** Told when jobs start and finish (metrics, logs); what it throws goes to `onError`. */
  observer?: JobObserver;
  /** Jitter of the retry backoff; "equal" by default (see core/jobs/backoff.ts). */
  jitter?: BackoffJitter;
  /** Longest retry delay; MAX_BACKOFF_MS (1 h). */
  maxBackoffMs?: number;
  /** Random source in [0, 1) for the jitter; Math.random by default. */
  random?: () => number;
}
