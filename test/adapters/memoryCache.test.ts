// The in-memory parse cache: LRU order, time to live, byte cap and its statistics.
import { describe, expect, it } from "vitest";
import { createMemoryCache } from "../../src/adapters/cache/memoryCache.js";

describe("memory cache", () => {
  it("counts hits and misses and reports the ratio", () => {
    const cache = createMemoryCache<{ v: number }>({ ttlMs: 60_000, maxBytes: 10_000 });
    expect(cache.get("a")).toBeUndefined();
    cache.set("a", { v: 1 });
    expect(cache.get("a")).toEqual({ v: 1 });
    expect(cache.get("a")).toEqual({ v: 1 });
    expect(cache.stats()).toMatchObject({ hits: 2, misses: 1, entries: 1 });
    expect(cache.stats().hitRatio).toBeCloseTo(2 / 3);
  });

  it("expires entries after the time to live", () => {
    let now = 1_000;
    const cache = createMemoryCache<{ v: number }>({ ttlMs: 100, maxBytes: 10_000, now: () => now });
    cache.set("a", { v: 1 });
    now += 99;
    expect(cache.get("a")).toEqual({ v: 1 });
    now += 2;
    expect(cache.get("a")).toBeUndefined();
  });

  it("evicts the least recently used entries to stay under the byte cap", () => {
    const value = { text: "x".repeat(100) }; // ~113 bytes as JSON, plus the key
    const cache = createMemoryCache<typeof value>({ ttlMs: 60_000, maxBytes: 400 });
    cache.set("a", value);
    cache.set("b", value);
    cache.set("c", value);
    cache.get("a"); // a is now the most recently used
    cache.set("d", value);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toEqual(value);
    expect(cache.stats().bytes).toBeLessThanOrEqual(400);
  });

  it("clear empties it", () => {
    const cache = createMemoryCache<{ v: number }>({ ttlMs: 60_000, maxBytes: 10_000 });
    cache.set("a", { v: 1 });
    cache.clear();
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });
});
