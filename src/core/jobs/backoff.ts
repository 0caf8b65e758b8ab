/** How long a failed job waits before its next attempt: exponential in the attempt number, jittered, capped. */

/**
 * full: uniform in [0, d] (spreads a burst of failures the most); equal: uniform in [d/2, d] (never retries
 * sooner than half the nominal delay); none: exactly d. d is the capped exponential delay.
 */
export type BackoffJitter = "full" | "equal" | "none";

/** The longest a retry waits, whatever the attempt number; 1 h. */
export const MAX_BACKOFF_MS = 3_600_000;

export interface BackoffPolicy {
  /** The delay after the first failed attempt, before jitter. */
  baseMs: number;
  /** Upper bound of the delay before jitter; MAX_BACKOFF_MS by default. */
  maxMs?: number;
  /** Default "equal". */
  jitter?: BackoffJitter;
}

/**
 * The delay in whole ms after failed attempt `attempt` (1 for the first): min(base·2^(attempt-1), max), then
 * jittered with `random` (a number in [0, 1), like Math.random; injected so the result is deterministic).
 * A base of 0 (or less) means "retry at once"; attempts below 1 count as 1.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const base = Math.max(0, policy.baseMs);
  const max = Math.max(0, policy.maxMs ?? MAX_BACKOFF_MS);
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  // 2^exponent overflows to Infinity long before it matters; min() brings it back to the cap.
  const nominal = Math.min(base * 2 ** exponent, max);
  if (nominal === 0) return 0;
  const unit = Math.min(Math.max(random(), 0), 1);
  switch (policy.jitter ?? "equal") {
    case "none":
      return Math.round(nominal);
    case "full":
      return Math.round(nominal * unit);
    case "equal":
      return Math.round(nominal / 2 + (nominal / 2) * unit);
  }
}
