/** In-memory fixed-window rate limiter per key: a per-minute and a per-hour window. */
import type { LocalRateLimiter, RateLimitDecision } from "../deps.js";

interface Window {
  start: number;
  count: number;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

/** The decision for one window that now holds `count` requests and closes in `resetMs`; a limit of 0 is off. */
export function windowDecision(count: number, limit: number, resetMs: number): RateLimitDecision {
  return { allowed: limit === 0 || count <= limit, limit, remaining: Math.max(0, limit - count), resetSeconds: Math.ceil(resetMs / 1000) };
}

/**
 * One decision from the minute's and the hour's: a refusal of either, else the window closer to running out
 * (what the RateLimit headers then describe). Shared by every limiter so that they all answer alike.
 */
export function combinedDecision(minute: RateLimitDecision, hour: RateLimitDecision, perMinute: number, perHour: number): RateLimitDecision {
  if (!minute.allowed) return minute;
  if (!hour.allowed) return hour;
  if (perMinute === 0) return hour;
  if (perHour === 0) return minute;
  return minute.remaining / perMinute <= hour.remaining / perHour ? minute : hour;
}

/** Creates a limiter allowing `perMinute` and `perHour` requests per key; a limit of 0 disables that window. */
export function createMemoryRateLimiter(perMinute: number, perHour: number, maxKeys = 100_000): LocalRateLimiter {
  const windows = new Map<string, { minute: Window; hour: Window }>();
  const check = (w: Window, now: number, size: number, limit: number): RateLimitDecision => {
    if (now - w.start >= size) {
      w.start = now - ((now - w.start) % size);
      w.count = 0;
    }
    w.count++;
    return windowDecision(w.count, limit, w.start + size - now);
  };
  return {
    hit(key, now) {
      let entry = windows.get(key);
      if (!entry) {
        if (windows.size >= maxKeys) windows.clear();
        entry = { minute: { start: now, count: 0 }, hour: { start: now, count: 0 } };
        windows.set(key, entry);
      }
      return combinedDecision(check(entry.minute, now, MINUTE_MS, perMinute), check(entry.hour, now, HOUR_MS, perHour), perMinute, perHour);
    },
  };
}
