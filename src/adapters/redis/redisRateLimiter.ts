/**
 * Rate-limit counts in Redis, shared by every process and replica that points at the same Redis: what a
 * deployment with several API replicas needs (each replica counting alone lets a client through once per
 * replica). Same windows and answers as the in-memory limiter: a minute and an hour window per key, each
 * opened by its first request, counted and expired in one script run (atomic, one round trip).
 *
 * When Redis cannot answer within `commandTimeoutMs` (down, unreachable, slow), the request is decided by
 * `fallback`, this process's in-memory limiter at the same limits, and `onFallback` is told why: the API keeps
 * serving with per-process limits instead of failing every request or letting all of them through.
 *
 * ioredis is imported on the first request, so a process that never limits through Redis never loads it.
 */
import type { Redis } from "ioredis";
import type { LocalRateLimiter, RateLimitDecision, RateLimiter } from "../../http/deps.js";
import { combinedDecision, HOUR_MS, MINUTE_MS, windowDecision } from "../../http/plugins/rateLimiter.js";
import { redisConnectionOptions } from "./connection.js";

/**
 * KEYS: the minute and the hour counter; ARGV: their window lengths in ms. Counts one request in both and
 * returns {minute count, ms until the minute window closes, hour count, ms until the hour window closes}.
 * A counter without an expiry (its PEXPIRE lost) gets one, so no window can outlive its length.
 */
const HIT_SCRIPT = `
local out = {}
for i = 1, 2 do
  local count = redis.call('INCR', KEYS[i])
  local ttl = redis.call('PTTL', KEYS[i])
  if count == 1 or ttl < 0 then
    redis.call('PEXPIRE', KEYS[i], ARGV[i])
    ttl = tonumber(ARGV[i])
  end
  out[#out + 1] = count
  out[#out + 1] = ttl
end
return out
`;

interface ScriptedRedis extends Redis {
  rateLimitHit(minuteKey: string, hourKey: string, minuteMs: number, hourMs: number): Promise<[number, number, number, number]>;
}

export interface RedisRateLimiterOptions {
  redisUrl: string;
  /** Put before every key ("calendar" → "calendar:rate-limit:ip:10.0.0.1:m"). */
  prefix: string;
  perMinute: number;
  perHour: number;
  fallback: LocalRateLimiter;
  onFallback?: (reason: string) => void;
  /** How long a decision may wait for Redis; default 250 ms. */
  commandTimeoutMs?: number;
  /** Window lengths; the minute and the hour unless a test shortens them. */
  windowsMs?: { minute: number; hour: number };
}

export interface RedisRateLimiter extends RateLimiter {
  hit(key: string, now: number): Promise<RateLimitDecision>;
  /** Closes the connection (if one was opened); later hits are decided by the fallback. */
  close(): Promise<void>;
}

export function createRedisRateLimiter(options: RedisRateLimiterOptions): RedisRateLimiter {
  const { perMinute, perHour, fallback, onFallback } = options;
  const windows = options.windowsMs ?? { minute: MINUTE_MS, hour: HOUR_MS };
  const timeoutMs = options.commandTimeoutMs ?? 250;
  let client: Promise<ScriptedRedis> | null = null;
  let closed = false;

  const connect = (): Promise<ScriptedRedis> =>
    (client ??= import("ioredis").then(({ Redis: RedisClient }) => {
      const redis = new RedisClient({
        ...redisConnectionOptions(options.redisUrl, false),
        // Fail at once while disconnected (the fallback decides) instead of queueing requests behind a reconnect.
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        commandTimeout: timeoutMs,
        connectTimeout: Math.max(timeoutMs, 1_000),
      });
      // Errors reach the callers of the commands; without a listener ioredis would also print each one.
      redis.on("error", () => undefined);
      redis.defineCommand("rateLimitHit", { numberOfKeys: 2, lua: HIT_SCRIPT });
      return redis as ScriptedRedis;
    }));

  const alone = (key: string, now: number, reason: string): RateLimitDecision => {
    onFallback?.(reason);
    return fallback.hit(key, now);
  };

  return {
    async hit(key, now) {
      if (closed) return alone(key, now, "the Redis rate limiter was closed");
      const base = `${options.prefix}:rate-limit:${key}`;
      try {
        const redis = await connect();
        if (redis.status !== "ready") {
          // The first connection: wait no longer than a command would. Reconnecting after a loss: decide
          // alone at once rather than add the wait to every request while Redis is away.
          if (redis.status === "wait" || redis.status === "connecting" || redis.status === "connect") await waitReady(redis, timeoutMs);
          else throw new Error(`not connected (${redis.status})`);
        }
        const [minuteCount, minuteTtl, hourCount, hourTtl] = await redis.rateLimitHit(`${base}:m`, `${base}:h`, windows.minute, windows.hour);
        return combinedDecision(windowDecision(minuteCount, perMinute, minuteTtl), windowDecision(hourCount, perHour, hourTtl), perMinute, perHour);
      } catch (error) {
        return alone(key, now, `Redis did not answer: ${(error as Error).message}`);
      }
    },
    async close() {
      closed = true;
      if (client) await (await client).quit().catch(() => undefined);
    },
  };
}

/** Resolves once `redis` is ready; rejects after `ms` (the caller falls back). */
function waitReady(redis: Redis, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off("ready", onReady);
      reject(new Error(`not connected within ${ms} ms (${redis.status})`));
    }, ms);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once("ready", onReady);
  });
}
