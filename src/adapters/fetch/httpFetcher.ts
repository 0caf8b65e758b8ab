/**
 * The Fetcher port over Node's fetch: robots.txt asked at every hop, per-host concurrency and gaps, conditional
 * requests, redirects followed by hand up to a limit, transient failures retried with backoff, bodies capped.
 */
import { FetchError, type Fetcher, type FetchRequest, type FetchResult } from "../../ports/fetcher.js";
import { exchange, type Exchanged } from "./exchange.js";
import { createHostLimiter } from "./hostLimiter.js";
import { parseHttpUrl, redirectTarget } from "./httpUrl.js";
import { resolveFetcherOptions, type HttpFetcherOptions } from "./options.js";
import type { BodyCap } from "./readBody.js";
import { withRetries, type Failed, type RetryPolicy } from "./retry.js";
import { createRobotsGate } from "./robotsGate.js";

/** Google reads the first 500 KiB of a robots.txt and ignores the rest; so do we. */
const ROBOTS_CAP: BodyCap = { maxBytes: 500 * 1024, overflow: "truncate" };

type Answer = Exclude<Exchanged, Failed>;
type Final = Exclude<Answer, { kind: "redirect" }>;

interface Plan {
  headers: Record<string, string>;
  bodyCap: BodyCap;
  /** False only for robots.txt itself. */
  checkRobots: boolean;
}

/**
 * Builds the fetcher. Failures throw FetchError (see the port for which are retryable); a redirect chain that is
 * too long or leads to an unusable URL is "invalid-url". When the request's signal aborts, every wait (host slot,
 * gap, backoff, the exchange) ends and the promise rejects with the signal's reason, not a FetchError.
 */
export function createHttpFetcher(input: HttpFetcherOptions = {}): Fetcher {
  const options = resolveFetcherOptions(input);
  const limiter = createHostLimiter({ concurrency: options.perHostConcurrency, now: options.now, sleep: options.sleep });
  const retry: RetryPolicy = {
    retries: options.retries,
    baseDelayMs: options.retryBaseDelayMs,
    maxRetryAfterMs: options.maxRetryAfterMs,
    random: options.random,
    sleep: options.sleep,
  };
  const robots = options.respectRobots
    ? createRobotsGate({ userAgent: options.userAgent, ttlMs: options.robotsTtlMs, now: options.now, load: loadRobots })
    : null;

  /** One request under the host's limits, retried on transient failure; the slot is not held while backing off. */
  function send(url: URL, plan: Plan, delayMs: number, signal?: AbortSignal): Promise<Answer> {
    const attempt = async (): Promise<Exchanged> => {
      const release = await limiter.acquire(url.host, delayMs, signal);
      try {
        return await exchange(url, { userAgent: options.userAgent, timeoutMs: options.timeoutMs, bodyCap: plan.bodyCap, headers: plan.headers, clock: options.clock }, signal);
      } finally {
        release();
      }
    };
    return withRetries(attempt, retry, signal);
  }

  async function follow(start: URL, plan: Plan, signal?: AbortSignal): Promise<Final> {
    let url = start;
    for (let hops = 0; ; hops++) {
      let delayMs = options.perHostDelayMs;
      if (plan.checkRobots && robots) {
        const crawlDelayMs = await robots.check(url, signal);
        if (crawlDelayMs !== null) delayMs = Math.max(delayMs, Math.min(crawlDelayMs, options.maxCrawlDelayMs));
      }
      const answer = await send(url, plan, delayMs, signal);
      if (answer.kind !== "redirect") return answer;
      if (hops >= options.maxRedirects) {
        throw new FetchError("invalid-url", `more than ${options.maxRedirects} redirects from ${start.href}`, false, answer.status);
      }
      url = redirectTarget(url, answer.status, answer.location);
    }
  }

  async function loadRobots(robotsUrl: URL): Promise<string> {
    const answer = await follow(robotsUrl, { headers: {}, bodyCap: ROBOTS_CAP, checkRobots: false });
    return answer.kind === "ok" ? answer.body.toString("utf8") : "";
  }

  return {
    async fetch(request: FetchRequest): Promise<FetchResult> {
      request.signal?.throwIfAborted();
      const url = parseHttpUrl(request.url);
      const plan: Plan = { headers: validators(request), bodyCap: { maxBytes: options.maxBytes, overflow: "error" }, checkRobots: true };
      const answer = await follow(url, plan, request.signal);
      if (answer.kind === "not-modified") return { status: "not-modified", url: answer.url.href, httpStatus: 304 };
      return {
        status: "ok",
        url: answer.url.href,
        httpStatus: answer.status,
        contentType: answer.headers.get("content-type"),
        body: answer.body,
        etag: answer.headers.get("etag"),
        lastModified: answer.headers.get("last-modified"),
      };
    },
  };
}

/** The previous fetch's validators as conditional request headers (sent on every hop). */
function validators(request: FetchRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  if (request.etag) headers["if-none-match"] = request.etag;
  if (request.lastModified) headers["if-modified-since"] = request.lastModified;
  return headers;
}
