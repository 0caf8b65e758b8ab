// The cache across workers: statistics summed over every worker's cache and clearing that reaches all of them,
// whichever worker the operator's request lands on; a worker that does not answer fails the request.
import { describe, expect, it } from "vitest";
import { createMemoryCache } from "../../src/adapters/cache/memoryCache.js";
import { type ClusterCacheMessage, localCacheAdmin, setupClusterCacheWorker, sumCacheStats } from "../../src/ops/clusterCache.js";
import { setupFanOutRelay } from "../../src/ops/clusterFanOut.js";
import { CacheUnavailableError } from "../../src/ports/cache.js";
import { fakeCluster } from "./fakeCluster.js";

const newCache = () => createMemoryCache<{ n: number }>({ ttlMs: 60_000, maxBytes: 1 << 20 });

describe("cluster cache administration", () => {
  it("sums every worker's statistics and clears every worker's cache", async () => {
    const net = fakeCluster<ClusterCacheMessage>();
    const primary = setupFanOutRelay({ channel: net.primary });
    const caches = [newCache(), newCache()];
    const admins = caches.map((c, i) => setupClusterCacheWorker(c, { channel: net.worker(i + 1) }));
    caches[0].set("a", { n: 1 });
    caches[0].set("b", { n: 2 });
    caches[1].set("c", { n: 3 });
    caches[0].get("a");
    caches[1].get("c");
    caches[1].get("missing");

    const stats = await admins[1].stats();
    expect(stats).toMatchObject({ hits: 2, misses: 1, entries: 3 });
    expect(stats.hitRatio).toBeCloseTo(2 / 3);
    expect(stats.bytes).toBe(caches[0].stats().bytes + caches[1].stats().bytes);

    expect(await admins[0].clear()).toBe(3);
    expect(caches.map((c) => c.stats().entries)).toEqual([0, 0]);
    expect(await admins[1].stats()).toMatchObject({ entries: 0, bytes: 0 });
    primary.stop();
    for (const a of admins) a.stop();
  });

  it("fails with CacheUnavailableError when a worker does not answer, instead of a partial sum", async () => {
    const net = fakeCluster<ClusterCacheMessage>();
    const primary = setupFanOutRelay({ channel: net.primary, timeoutMs: 30 });
    const asking = setupClusterCacheWorker(newCache(), { channel: net.worker(1) });
    // Worker 2 is connected but never answers.
    net.worker(2);
    await expect(asking.stats()).rejects.toThrow(CacheUnavailableError);
    await expect(asking.stats()).rejects.toThrow(/1 worker\(s\) did not answer within 30 ms/);
    primary.stop();
    asking.stop();
  });

  it("fails when the primary does not answer", async () => {
    const net = fakeCluster<ClusterCacheMessage>();
    const alone = setupClusterCacheWorker(newCache(), { channel: net.worker(1), timeoutMs: 20 });
    await expect(alone.clear()).rejects.toThrow("the primary did not answer within 20 ms");
    alone.stop();
  });

  it("answers for one process's cache without a cluster", async () => {
    const cache = newCache();
    cache.set("a", { n: 1 });
    cache.get("a");
    const admin = localCacheAdmin(cache);
    expect(await admin.stats()).toMatchObject({ hits: 1, misses: 0, hitRatio: 1, entries: 1 });
    expect(await admin.clear()).toBe(1);
    expect(await admin.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it("takes the hit ratio over the summed counts, and 0 when nothing was asked", () => {
    expect(sumCacheStats([])).toEqual({ hits: 0, misses: 0, hitRatio: 0, entries: 0, bytes: 0 });
    const sum = sumCacheStats([
      { hits: 9, misses: 1, hitRatio: 0.9, entries: 4, bytes: 100 },
      { hits: 0, misses: 10, hitRatio: 0, entries: 1, bytes: 20 },
    ]);
    expect(sum).toEqual({ hits: 9, misses: 11, hitRatio: 9 / 20, entries: 5, bytes: 120 });
  });
});
