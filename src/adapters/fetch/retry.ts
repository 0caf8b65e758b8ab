/** Retries inside one fetch: exponential backoff with jitter, Retry-After when it is small, then give up. */
import type { FetchError } from "../../ports/fetcher.js";
import type { Sleep } from "./abort.js";

/** An attempt that did not succeed: the error to throw if it is the last, and what the server asked us to wait. */
export interface Failed {
  kind: "failed";
  error: FetchError;
  /** From a Retry-After header (429, 503), else null. */
  retryAfterMs: number | null;
}

export interface RetryPolicy {
  /** Extra attempts after the first. */
  retries: number;
  /** The first backoff; each next one doubles. */
  baseDelayMs: number;
  /** A Retry-After longer than this is not waited for in-process: the error is thrown for the job queue. */
  maxRetryAfterMs: number;
  /** In [0, 1): the jitter source. */
  random: () => number;
  sleep: Sleep;
}

/**
 * Runs `attempt` until it returns something other than a retryable Failed, at most `retries + 1` times, and
 * throws the last Failed's error. The sleeps between attempts end early, rejecting, when `signal` aborts.
 */
export async function withRetries<T extends { kind: string }>(
  attempt: () => Promise<T | Failed>,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<Exclude<T, Failed>> {
  for (let n = 0; ; n++) {
    const outcome = await attempt();
    if (!isFailed(outcome)) return outcome as Exclude<T, Failed>;
    const { error, retryAfterMs } = outcome;
    if (!error.retryable || n >= policy.retries) throw error;
    if (retryAfterMs !== null && retryAfterMs > policy.maxRetryAfterMs) throw error;
    const wait = Math.max(backoffDelayMs(n, policy.baseDelayMs, policy.random), retryAfterMs ?? 0);
    await policy.sleep(wait, signal);
  }
}

function isFailed(outcome: { kind: string }): outcome is Failed {
  return outcome.kind === "failed";
}

/** "Equal jitter": half of `base · 2^n` fixed, the other half random, so parallel clients spread out. */
export function backoffDelayMs(n: number, baseDelayMs: number, random: () => number): number {
  const ceiling = baseDelayMs * 2 ** n;
  return ceiling / 2 + random() * (ceiling / 2);
}

/** Retry-After as milliseconds from `now`: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1_000;
  // Every HTTP-date form starts with a day name; Date.parse alone would take "-5" for a year.
  if (!/^[a-z]{3}/i.test(value)) return null;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
