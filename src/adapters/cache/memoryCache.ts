/** In-memory LRU cache with a time to live and a byte cap (the embedded default of the Cache port). */
import { LRUCache } from "lru-cache";
import type { Cache, CacheStats } from "../../ports/cache.js";

export interface MemoryCacheOptions {
  /** Entry lifetime in milliseconds. */
  ttlMs: number;
  /** Upper bound on the summed size of the stored values (their JSON length, in bytes). */
  maxBytes: number;
  /** Monotonic time source for expiry (injected for tests); defaults to performance.now(). */
  now?: () => number;
}

export function createMemoryCache<T extends object>(options: MemoryCacheOptions): Cache<T> {
  let hits = 0;
  let misses = 0;
  let bytes = 0;
  const lru = new LRUCache<string, T>({
    ttl: options.ttlMs,
    maxSize: Math.max(1, options.maxBytes),
    sizeCalculation: (value, key) => Math.max(1, Buffer.byteLength(JSON.stringify(value)) + Buffer.byteLength(key)),
    ttlAutopurge: false,
    // Read the clock on every lookup (the default caches it for a millisecond, which hides expiry from tests).
    ttlResolution: 0,
    perf: options.now ? { now: options.now } : undefined,
  });
  return {
    get(key) {
      const value = lru.get(key);
      if (value === undefined) misses++;
      else hits++;
      return value;
    },
    set(key, value) {
      lru.set(key, value);
      bytes = lru.calculatedSize;
    },
    clear() {
      lru.clear();
      bytes = 0;
    },
    stats(): CacheStats {
      bytes = lru.calculatedSize;
      const asked = hits + misses;
      return { hits, misses, hitRatio: asked === 0 ? 0 : hits / asked, entries: lru.size, bytes };
    },
  };
}
