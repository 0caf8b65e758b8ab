// The in-memory rate limiter: per-minute and per-hour fixed windows per key.
import { describe, expect, it } from "vitest";
import { createMemoryRateLimiter } from "../../src/http/plugins/rateLimiter.js";

describe("memory rate limiter", () => {
  it("allows the per-minute limit, refuses the next, and opens again in the next window", () => {
    const limiter = createMemoryRateLimiter(3, 100);
    const t0 = 1_000_000;
    expect([1, 2, 3].map(() => limiter.hit("k", t0).allowed)).toEqual([true, true, true]);
    const refused = limiter.hit("k", t0 + 10_000);
    expect(refused).toMatchObject({ allowed: false, limit: 3, remaining: 0, resetSeconds: 50 });
    expect(limiter.hit("k", t0 + 60_000).allowed).toBe(true);
  });

  it("counts keys separately", () => {
    const limiter = createMemoryRateLimiter(1, 100);
    expect(limiter.hit("a", 0).allowed).toBe(true);
    expect(limiter.hit("a", 0).allowed).toBe(false);
    expect(limiter.hit("b", 0).allowed).toBe(true);
  });

  it("enforces the hourly window across minutes", () => {
    const limiter = createMemoryRateLimiter(10, 3);
    expect([0, 61_000, 122_000].map((t) => limiter.hit("k", t).allowed)).toEqual([true, true, true]);
    const refused = limiter.hit("k", 183_000);
    expect(refused).toMatchObject({ allowed: false, limit: 3 });
    expect(refused.resetSeconds).toBe(3_600 - 183);
  });
});
