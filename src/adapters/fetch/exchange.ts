/** One HTTP GET with Node's fetch: no redirect following, a timeout over the whole exchange, a capped body. */
import type { Clock } from "../../ports/clock.js";
import { FetchError } from "../../ports/fetcher.js";
import { readBody, type BodyCap } from "./readBody.js";
import { parseRetryAfter, type Failed } from "./retry.js";

export interface ExchangeOptions {
  userAgent: string;
  /** Covers connecting, the response headers and reading the body. */
  timeoutMs: number;
  bodyCap: BodyCap;
  /** Extra request headers (validators). */
  headers?: Record<string, string>;
  clock: Clock;
}

export type Exchanged =
  | { kind: "ok"; url: URL; status: number; headers: Headers; body: Buffer }
  | { kind: "not-modified"; url: URL }
  /** A 3xx other than 304; `location` is the raw header, null when absent. */
  | { kind: "redirect"; url: URL; status: number; location: string | null }
  | Failed;

/** What we can use, best first; sources are HTML pages, iCalendar feeds and JSON-LD. */
const ACCEPT = "text/html,application/xhtml+xml,text/calendar;q=0.9,application/json;q=0.9,*/*;q=0.8";

/**
 * Sends one request. HTTP failures and network errors come back as Failed (retryable or not, as the port says);
 * a body over the cap throws FetchError "too-large"; the caller's abort throws the signal's reason.
 */
export async function exchange(url: URL, options: ExchangeOptions, signal?: AbortSignal): Promise<Exchanged> {
  signal?.throwIfAborted();
  // One controller for both the caller's signal and the timeout (AbortSignal.any leaks listeners on Node 20).
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`no complete response within ${options.timeoutMs} ms`, "TimeoutError"));
  }, options.timeoutMs);
  const onAbort = (): void => controller.abort(signal?.reason);
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const response = await fetch(url, {
      method: "GET",
      redirect: "manual",
      headers: { "user-agent": options.userAgent, accept: ACCEPT, ...options.headers },
      signal: controller.signal,
    });
    const status = response.status;
    if (status >= 200 && status < 300) {
      return { kind: "ok", url, status, headers: response.headers, body: await readBody(response, options.bodyCap) };
    }
    await response.body?.cancel().catch(() => undefined);
    if (status === 304) return { kind: "not-modified", url };
    if (status >= 300 && status < 400) return { kind: "redirect", url, status, location: response.headers.get("location") };
    const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), options.clock.now());
    const message = `${url.href} answered ${status}`;
    if (status === 429) return { kind: "failed", error: new FetchError("http-429", message, true, status), retryAfterMs };
    if (status >= 500) return { kind: "failed", error: new FetchError("http-5xx", message, true, status), retryAfterMs };
    return { kind: "failed", error: new FetchError("http-4xx", message, false, status), retryAfterMs: null };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (error instanceof FetchError) throw error;
    if (timedOut) {
      return { kind: "failed", error: new FetchError("timeout", `${url.href}: no complete response within ${options.timeoutMs} ms`, true, undefined, { cause: error }), retryAfterMs: null };
    }
    const detail = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    return { kind: "failed", error: new FetchError("network", `${url.href}: ${detail}`, true, undefined, { cause: error }), retryAfterMs: null };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}
