/**
 * The parse cache as an operator sees it (`GET /cache/stats`, `DELETE /cache/clear`) across `serve --workers N`.
 *
 * Why. Each worker keeps its own in-memory cache, and the admin request lands on whichever worker the kernel
 * picks: without this, "clear the cache" would clear one worker's share and the stats would describe one worker.
 * So the worker puts the operation to every worker through the cluster fan-out (clusterFanOut.ts, exchange
 * "cache"): each does it on its own cache and answers with its statistics afterwards, and the asking worker sums
 * them: hits, misses, entries and bytes add up, the hit ratio is taken over the sums.
 *
 * A worker that does not answer within the timeout makes the whole request fail (CacheUnavailableError): a
 * partial sum would look like the cache's real state, and a partial clear like a complete one.
 */
import { type Cache, type CacheAdmin, type CacheStats, CacheUnavailableError } from "../ports/cache.js";
import type { WorkerChannel } from "./clusterChannel.js";
import { type FanOutMessage, setupFanOutWorker } from "./clusterFanOut.js";

type Operation = "stats" | "clear";

/** What one worker answers: its statistics after the operation, and the entries a clear removed. */
interface OperationResult {
  stats: CacheStats;
  cleared: number;
}

/** The messages of the cache exchange (the fan-out's). */
export type ClusterCacheMessage = FanOutMessage;

const EXCHANGE = "cache";

/** The operation on this process's cache: its statistics, after clearing it for `clear`. */
function runLocally(cache: Cache<unknown>, op: Operation): OperationResult {
  if (op === "stats") return { stats: cache.stats(), cleared: 0 };
  const cleared = cache.stats().entries;
  cache.clear();
  return { stats: cache.stats(), cleared };
}

/** The cache of a single process. */
export function localCacheAdmin(cache: Cache<unknown>): CacheAdmin {
  return {
    stats: async () => cache.stats(),
    clear: async () => runLocally(cache, "clear").cleared,
  };
}

/** Sums the statistics of several caches; the hit ratio is over the summed hits and misses. */
export function sumCacheStats(all: readonly CacheStats[]): CacheStats {
  const hits = all.reduce((n, s) => n + s.hits, 0);
  const misses = all.reduce((n, s) => n + s.misses, 0);
  return {
    hits,
    misses,
    hitRatio: hits + misses === 0 ? 0 : hits / (hits + misses),
    entries: all.reduce((n, s) => n + s.entries, 0),
    bytes: all.reduce((n, s) => n + s.bytes, 0),
  };
}

/** The worker side: does the cluster's operations on `cache`, and runs the operator's on every worker's. */
export function setupClusterCacheWorker(
  cache: Cache<unknown>,
  options: { channel?: WorkerChannel<ClusterCacheMessage>; timeoutMs?: number } = {},
): CacheAdmin & { stop(): void } {
  const fanOut = setupFanOutWorker<Operation, OperationResult>(
    EXCHANGE,
    (op) => {
      if (op !== "stats" && op !== "clear") throw new Error(`unknown cache operation: ${JSON.stringify(op)}`);
      return runLocally(cache, op);
    },
    { channel: options.channel, timeoutMs: options.timeoutMs, failure: (reason) => new CacheUnavailableError(reason) },
  );
  return {
    stats: async () => sumCacheStats((await fanOut.ask("stats")).map((r) => r.stats)),
    clear: async () => (await fanOut.ask("clear")).reduce((n, r) => n + r.cleared, 0),
    stop: fanOut.stop,
  };
}
