/** BullMQ jobs as the port's JobRecords: the one place that knows BullMQ's states and job fields. */
import type { Job, JobState as BullmqState } from "bullmq";
import type { JobRecord, JobState, JsonValue } from "../../../ports/jobQueue.js";
import { fromBullmqId } from "./bullmqIds.js";

/** A job as this adapter stores it: the payload is the data, the result the return value. */
export type CalendarJob = Job<JsonValue, JsonValue, string>;

/**
 * BullMQ's state in the port's words; null for "unknown" (removed). Prioritized and waiting-children jobs
 * wait their turn; "failed" is BullMQ's dead-letter set (every retry is a delay, never a failure).
 */
export function toJobState(state: BullmqState | "unknown"): JobState | null {
  switch (state) {
    case "waiting":
    case "prioritized":
    case "waiting-children":
      return "waiting";
    case "delayed":
      return "delayed";
    case "active":
      return "active";
    case "completed":
      return "completed";
    case "failed":
      return "dead";
    default:
      return null;
  }
}

/**
 * The record of `job` in `state` (read before the job, so a finished state always comes with finished
 * fields). Attempts are BullMQ's attemptsStarted, which counts a stalled (killed) attempt; capped at
 * maxAttempts because a job whose last attempt stalled is started once more only to be dead-lettered
 * without running. updatedAt is the latest instant BullMQ keeps (created, last started, finished).
 */
export function toJobRecord(job: CalendarJob, state: JobState, queue: string): JobRecord {
  const maxAttempts = job.opts.attempts ?? 1;
  const finished = state === "completed" || state === "dead";
  const updated = Math.max(job.timestamp, job.processedOn ?? 0, job.finishedOn ?? 0);
  return {
    id: fromBullmqId(String(job.id)),
    queue,
    name: job.name,
    payload: job.data ?? null,
    state,
    attempts: Math.min(job.attemptsStarted ?? 0, maxAttempts),
    maxAttempts,
    result: state === "completed" ? (job.returnvalue ?? null) : null,
    error: state === "completed" || !job.failedReason ? null : job.failedReason,
    createdAt: new Date(job.timestamp).toISOString(),
    updatedAt: new Date(updated).toISOString(),
    finishedAt: finished && job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
  };
}
