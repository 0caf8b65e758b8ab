/** The HTTP fetcher's options, their defaults, and the normaliser that fills them in. */
import { systemClock, type Clock } from "../../ports/clock.js";
import { timerSleep, type Sleep } from "./abort.js";

export interface HttpFetcherOptions {
  /**
   * Sent on every request and matched against robots.txt User-agent lines by its product token (before "/").
   * Default `defaultUserAgent("dev")`; the composition root passes `defaultUserAgent(packageVersion())`.
   */
  userAgent?: string;
  /** Per request sent (each retry and redirect hop has its own): connect + headers + body. Default 10 000. */
  timeoutMs?: number;
  /** Cap on a decoded response body; past it the fetch fails "too-large" (not retryable). Default 10 MiB. */
  maxBytes?: number;
  /** Extra attempts of a request (each redirect hop) on network errors, timeouts, 5xx and 429. Default 2. */
  retries?: number;
  /** First backoff before a retry, doubled each time, with jitter. Default 500. */
  retryBaseDelayMs?: number;
  /** A Retry-After up to this is waited for in-process; a longer one fails at once (retryable). Default 10 000. */
  maxRetryAfterMs?: number;
  /** Requests in flight at once to one host (host:port). Default 2. */
  perHostConcurrency?: number;
  /** Minimum gap between request starts to one host; a larger robots.txt Crawl-delay wins. Default 1 000. */
  perHostDelayMs?: number;
  /** Ceiling on the Crawl-delay honoured, so one robots.txt cannot stall a worker. Default 30 000. */
  maxCrawlDelayMs?: number;
  /** Read robots.txt and obey it. Default true. */
  respectRobots?: boolean;
  /** How long a fetched robots.txt is trusted per origin. Default 3 600 000 (1 h). */
  robotsTtlMs?: number;
  /** Redirects followed per fetch (each hop is checked against robots.txt). Default 5. */
  maxRedirects?: number;
  /** Wall-clock time, for Retry-After dates. Default the system clock. */
  clock?: Clock;
  /**
   * Monotonic milliseconds, for host gaps and the robots.txt TTL (the wall clock can be stepped, which would
   * shorten a gap). Default performance.now().
   */
  now?: () => number;
  /** Every wait (host gap, backoff) goes through it. Default a timer. */
  sleep?: Sleep;
  /** Jitter source in [0, 1). Default Math.random. */
  random?: () => number;
}

export type ResolvedFetcherOptions = Readonly<Required<HttpFetcherOptions>>;

/** An honest User-Agent: who we are, where to read about us, what we do. */
export function defaultUserAgent(version: string): string {
  return `calendar-api/${version} (+https://github.com/calendar-api; event scraper)`;
}

export const FETCHER_DEFAULTS = Object.freeze({
  timeoutMs: 10_000,
  maxBytes: 10 * 1024 * 1024,
  retries: 2,
  retryBaseDelayMs: 500,
  maxRetryAfterMs: 10_000,
  perHostConcurrency: 2,
  perHostDelayMs: 1_000,
  maxCrawlDelayMs: 30_000,
  respectRobots: true,
  robotsTtlMs: 60 * 60 * 1_000,
  maxRedirects: 5,
});

export function resolveFetcherOptions(options: HttpFetcherOptions = {}): ResolvedFetcherOptions {
  return Object.freeze({
    userAgent: options.userAgent ?? defaultUserAgent("dev"),
    timeoutMs: options.timeoutMs ?? FETCHER_DEFAULTS.timeoutMs,
    maxBytes: options.maxBytes ?? FETCHER_DEFAULTS.maxBytes,
    retries: Math.max(0, options.retries ?? FETCHER_DEFAULTS.retries),
    retryBaseDelayMs: options.retryBaseDelayMs ?? FETCHER_DEFAULTS.retryBaseDelayMs,
    maxRetryAfterMs: options.maxRetryAfterMs ?? FETCHER_DEFAULTS.maxRetryAfterMs,
    perHostConcurrency: Math.max(1, options.perHostConcurrency ?? FETCHER_DEFAULTS.perHostConcurrency),
    perHostDelayMs: Math.max(0, options.perHostDelayMs ?? FETCHER_DEFAULTS.perHostDelayMs),
    maxCrawlDelayMs: options.maxCrawlDelayMs ?? FETCHER_DEFAULTS.maxCrawlDelayMs,
    respectRobots: options.respectRobots ?? FETCHER_DEFAULTS.respectRobots,
    robotsTtlMs: options.robotsTtlMs ?? FETCHER_DEFAULTS.robotsTtlMs,
    maxRedirects: Math.max(0, options.maxRedirects ?? FETCHER_DEFAULTS.maxRedirects),
    clock: options.clock ?? systemClock,
    now: options.now ?? (() => performance.now()),
    sleep: options.sleep ?? timerSleep,
    random: options.random ?? Math.random,
  });
}
