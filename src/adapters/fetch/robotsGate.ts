/**
 * Asks robots.txt before a request: one file per origin, fetched once, shared by concurrent callers and cached.
 * A 4xx (or an unusable redirect) for robots.txt allows everything; a 5xx, 429 or unreachable server disallows
 * for now, as Google does, with a retryable error so the job is tried again later. Failures are not cached.
 */
import { FetchError } from "../../ports/fetcher.js";
import { raceAbort } from "./abort.js";
import { ALLOW_ALL, isAllowed, parseRobots, policyFor, type RobotsPolicy } from "./robots.js";

/** Fetches robots.txt (following redirects, retrying); resolves its text, throws FetchError. */
export type RobotsLoader = (robotsUrl: URL) => Promise<string>;

export interface RobotsGateOptions {
  userAgent: string;
  ttlMs: number;
  /** Monotonic milliseconds, for the TTL. */
  now: () => number;
  load: RobotsLoader;
}

export interface RobotsGate {
  /**
   * Resolves the origin's Crawl-delay in ms (null when none) when `url` may be fetched; throws FetchError
   * "robots": not retryable when disallowed, retryable when robots.txt could not be read.
   */
  check(url: URL, signal?: AbortSignal): Promise<number | null>;
}

/** Origins remembered before expired entries are swept. */
const SWEEP_ABOVE = 10_000;

export function createRobotsGate(options: RobotsGateOptions): RobotsGate {
  const cached = new Map<string, { policy: RobotsPolicy; expiresAt: number }>();
  const loading = new Map<string, Promise<RobotsPolicy>>();

  async function load(origin: string): Promise<RobotsPolicy> {
    try {
      const text = await options.load(new URL("/robots.txt", origin));
      return policyFor(parseRobots(text), options.userAgent);
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      if (!error.retryable) return ALLOW_ALL;
      throw new FetchError("robots", `${origin}/robots.txt could not be read (${error.message}); not fetching for now`, true, error.httpStatus, { cause: error });
    }
  }

  function policyOf(origin: string): Promise<RobotsPolicy> {
    const now = options.now();
    const hit = cached.get(origin);
    if (hit && hit.expiresAt > now) return Promise.resolve(hit.policy);
    let pending = loading.get(origin);
    if (!pending) {
      // Loaded without any caller's signal: one caller giving up must not fail the others waiting on it.
      pending = load(origin)
        .then((policy) => {
          if (cached.size >= SWEEP_ABOVE) sweep();
          cached.set(origin, { policy, expiresAt: options.now() + options.ttlMs });
          return policy;
        })
        .finally(() => loading.delete(origin));
      loading.set(origin, pending);
    }
    return pending;
  }

  function sweep(): void {
    const now = options.now();
    for (const [origin, entry] of cached) if (entry.expiresAt <= now) cached.delete(origin);
  }

  return {
    async check(url, signal) {
      const policy = await raceAbort(policyOf(url.origin), signal);
      if (!isAllowed(policy, url.pathname + url.search)) {
        throw new FetchError("robots", `${url.origin}/robots.txt disallows ${url.pathname}${url.search}`, false);
      }
      return policy.crawlDelaySeconds === null ? null : policy.crawlDelaySeconds * 1_000;
    },
  };
}
