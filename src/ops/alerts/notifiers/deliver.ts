/**
 * Delivers one notification: a JSON POST with a timeout, retried with exponential backoff and jitter on network
 * errors, timeouts, 408, 429 and 5xx (waiting as long as Retry-After asks), given up after `attempts` tries or on
 * any other status (a 4xx will not get better by retrying).
 */
import type { NotificationRequest } from "./types.js";

export interface DeliveryOptions {
  /** Tries in all, the first included; default 5. */
  attempts: number;
  /** Backoff before the 2nd try; doubles each time; default 1 000 ms. */
  baseDelayMs: number;
  /** Cap on one wait; a Retry-After longer than this gives up; default 60 000 ms. */
  maxDelayMs: number;
  /** Per request; default 10 000 ms. */
  timeoutMs: number;
  /** Cancels waiting and the request under way (shutdown). */
  signal?: AbortSignal;
  /** Default global fetch. */
  fetch?: typeof fetch;
  /** Default setTimeout; tests pass a recorder. Rejects or resolves early when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** 0..1 for jitter; default Math.random. */
  random?: () => number;
  /** For Retry-After given as an HTTP date; default Date.now. */
  now?: () => number;
  /** Told before each wait, for a log line. */
  onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
}

export const DEFAULT_DELIVERY: DeliveryOptions = { attempts: 5, baseDelayMs: 1_000, maxDelayMs: 60_000, timeoutMs: 10_000 };

export type DeliveryResult =
  | { ok: true; attempts: number; status: number }
  | { ok: false; attempts: number; status?: number; reason: string };

/** Retry-After as milliseconds (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Equal jitter: half the exponential step fixed, half random, so retries from many alerts spread out. */
export function backoffMs(attempt: number, options: Pick<DeliveryOptions, "baseDelayMs" | "maxDelayMs">, random: () => number): number {
  const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + (step / 2) * random());
}

const retryable = (status: number) => status === 408 || status === 429 || status >= 500;

export async function deliver(request: NotificationRequest, options: Partial<DeliveryOptions> = {}): Promise<DeliveryResult> {
  const o = { ...DEFAULT_DELIVERY, ...options };
  const doFetch = o.fetch ?? fetch;
  const sleep = o.sleep ?? defaultSleep;
  const random = o.random ?? Math.random;
  const now = o.now ?? Date.now;
  let status: number | undefined;
  let reason = "not attempted";
  for (let attempt = 1; attempt <= o.attempts; attempt++) {
    let wait: number | undefined;
    try {
      const timeout = AbortSignal.timeout(o.timeoutMs);
      const response = await doFetch(request.url, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "calendar-api-alerts" },
        body: JSON.stringify(request.body),
        signal: o.signal ? AbortSignal.any([o.signal, timeout]) : timeout,
      });
      status = response.status;
      // Read the body so the connection returns to the pool; its content does not matter.
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { ok: true, attempts: attempt, status };
      reason = `HTTP ${status}`;
      if (!retryable(status)) return { ok: false, attempts: attempt, status, reason };
      wait = retryAfterMs(response.headers.get("retry-after"), now());
    } catch (error) {
      if (o.signal?.aborted) return { ok: false, attempts: attempt, status, reason: "cancelled" };
      const e = error as Error;
      reason = e.name === "TimeoutError" ? `no answer within ${o.timeoutMs} ms` : `network error: ${causeOf(e)}`;
    }
    if (attempt === o.attempts) break;
    if (wait !== undefined && wait > o.maxDelayMs) return { ok: false, attempts: attempt, status, reason: `${reason}; Retry-After asks for ${Math.round(wait / 1000)} s, more than the ${o.maxDelayMs / 1000} s allowed` };
    const delayMs = wait ?? backoffMs(attempt, o, random);
    o.onRetry?.({ attempt, delayMs, reason });
    try {
      await sleep(delayMs, o.signal);
    } catch {
      return { ok: false, attempts: attempt, status, reason: "cancelled" };
    }
    if (o.signal?.aborted) return { ok: false, attempts: attempt, status, reason: "cancelled" };
  }
  return { ok: false, attempts: o.attempts, status, reason: `${reason}; gave up after ${o.attempts} attempts` };
}

/** fetch's "fetch failed" hides the reason in `cause` (ECONNREFUSED…). */
function causeOf(error: Error): string {
  const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? error.message;
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
