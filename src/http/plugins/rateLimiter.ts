/** In-memory fixed-window rate limiter per key: a per-minute and a per-hour window. */
import type { LocalRateLimiter, RateLimitDecision } from "../deps.js";

interface Window {
  start: number;
  count: number;
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
    return { allowed: limit === 0 || w.count <= limit, limit, remaining: Math.max(0, limit - w.count), resetSeconds: Math.ceil((w.start + size - now) / 1000) };
  };
  return {
    hit(key, now) {
      let entry = windows.get(key);
      if (!entry) {
        if (windows.size >= maxKeys) windows.clear();
        entry = { minute: { start: now, count: 0 }, hour: { start: now, count: 0 } };
        windows.set(key, entry);
      }
      const minute = check(entry.minute, now, 60_000, perMinute);
      const hour = check(entry.hour, now, 3_600_000, perHour);
      if (!minute.allowed) return minute;
      if (!hour.allowed) return hour;
      // Report the window closer to running out.
      if (perMinute === 0) return hour;
      if (perHour === 0) return minute;
      return minute.remaining / perMinute <= hour.remaining / perHour ? minute : hour;
    },
  };
}
