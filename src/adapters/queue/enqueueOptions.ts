/** The port's enqueue defaults and their validation, shared by both queue adapters. */
import { randomBytes } from "node:crypto";
import type { EnqueueOptions } from "../../ports/jobQueue.js";

/** Attempts before a job is dead-lettered, when the caller gives none; 5. */
export const DEFAULT_MAX_ATTEMPTS = 5;
/** Base of the exponential backoff, when the caller gives none; 1 000 ms. */
export const DEFAULT_BACKOFF_MS = 1_000;

/** A new job id when the caller gives none: `job_` and 20 lower-case hex digits (the same on every backend). */
export function newJobId(): string {
  return `job_${randomBytes(10).toString("hex")}`;
}

/** EnqueueOptions with the defaults filled in (`jobId` stays optional). */
export interface ResolvedEnqueueOptions {
  maxAttempts: number;
  backoffMs: number;
  delayMs: number;
  jobId: string | undefined;
}

/**
 * Fills in the defaults; throws a RangeError naming the option when maxAttempts is not an integer ≥ 1,
 * backoffMs or delayMs is negative or not finite, or jobId is empty.
 */
export function resolveEnqueueOptions(options: EnqueueOptions = {}): ResolvedEnqueueOptions {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  const delayMs = options.delayMs ?? 0;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`maxAttempts must be an integer ≥ 1, got ${maxAttempts}`);
  if (!Number.isFinite(backoffMs) || backoffMs < 0) throw new RangeError(`backoffMs must be a finite number ≥ 0, got ${backoffMs}`);
  if (!Number.isFinite(delayMs) || delayMs < 0) throw new RangeError(`delayMs must be a finite number ≥ 0, got ${delayMs}`);
  if (options.jobId !== undefined && options.jobId === "") throw new RangeError("jobId must not be empty");
  return { maxAttempts, backoffMs: Math.round(backoffMs), delayMs: Math.round(delayMs), jobId: options.jobId };
}

/** A thrown value's message, for JobRecord.error (never empty). */
export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message === "" ? (error instanceof Error ? error.name : "failed") : message;
}
