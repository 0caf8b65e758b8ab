/** Wraps a JobObserver so that a throwing observer can never break the worker that reports to it. */
import type { JobContext, JobObserver, JobOutcome } from "../../ports/jobQueue.js";

/** Both callbacks always present; each swallows what the observer throws (reported to `onError`). */
export interface SafeObserver {
  started(job: JobContext): void;
  finished(outcome: JobOutcome): void;
}

export function safeObserver(observer: JobObserver | undefined, onError: (error: unknown) => void): SafeObserver {
  return {
    started(job) {
      try {
        observer?.started?.(job);
      } catch (error) {
        onError(error);
      }
    },
    finished(outcome) {
      try {
        observer?.finished?.(outcome);
      } catch (error) {
        onError(error);
      }
    },
  };
}
