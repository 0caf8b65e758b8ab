/**
 * The parse cache as an operator sees it (`GET /cache/stats`, `DELETE /cache/clear`) across `serve --workers N`.
 *
 * Why. Each worker keeps its own in-memory cache, and the admin request lands on whichever worker the kernel
 * picks: without this, "clear the cache" would clear one worker's share and the stats would describe one worker.
 * So a worker forwards the request to the primary (`admin-req`), the primary asks every worker (`op-req`), each
 * answers with its statistics after doing the operation (`op-res`), and the primary sums them for the asking
 * worker (`admin-res`): hits, misses, entries and bytes add up, the hit ratio is taken over the sums.
 *
 * A worker that does not answer within `timeoutMs` makes the whole request fail (CacheUnavailableError): a
 * partial sum would look like the cache's real state, and a partial clear like a complete one.
 */
import { type Cache, type CacheAdmin, type CacheStats, CacheUnavailableError } from "../ports/cache.js";
import { isMessageOfType, nodePrimaryChannel, nodeWorkerChannel, type PrimaryChannel, type WorkerChannel } from "./clusterChannel.js";

type Operation = "stats" | "clear";

export interface ClusterCacheMessage {
  type: string;
  id: number;
  op?: Operation;
  stats?: CacheStats;
  /** Entries removed by a clear. */
  cleared?: number;
  error?: string;
}

const PREFIX = "calendar-api:cache:";
/** Worker → primary: do `op` on every worker's cache and tell me the total. */
const ADMIN_REQ = `${PREFIX}admin-req`;
/** Primary → worker: the total (or the error). */
const ADMIN_RES = `${PREFIX}admin-res`;
/** Primary → every worker: do `op` on your cache. */
const OP_REQ = `${PREFIX}op-req`;
/** Worker → primary: done; here are your statistics. */
const OP_RES = `${PREFIX}op-res`;

export const CLUSTER_CACHE_TIMEOUT_MS = 5_000;

function isMessage(value: unknown, type: string): value is ClusterCacheMessage {
  return isMessageOfType<ClusterCacheMessage>(value, type);
}

/** The operation on this process's cache: its statistics, after clearing it for `clear`. */
function runLocally(cache: Cache<unknown>, op: Operation): { stats: CacheStats; cleared: number } {
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

/** The primary side: runs an operation on every worker for whichever worker asks. */
export function setupClusterCachePrimary(options: { channel?: PrimaryChannel<ClusterCacheMessage>; timeoutMs?: number } = {}): { stop(): void } {
  const channel = options.channel ?? nodePrimaryChannel<ClusterCacheMessage>();
  const timeoutMs = options.timeoutMs ?? CLUSTER_CACHE_TIMEOUT_MS;
  let nextId = 0;
  const rounds = new Map<number, { pending: Set<number>; stats: CacheStats[]; cleared: number; done: (error: string | null) => void }>();

  function everyWorker(op: Operation): Promise<{ stats: CacheStats; cleared: number }> {
    const id = nextId++;
    const workers = channel.workers();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => finish(`${round.pending.size} worker(s) did not answer within ${timeoutMs} ms`), timeoutMs);
      const finish = (error: string | null) => {
        clearTimeout(timer);
        rounds.delete(id);
        if (error !== null) reject(new Error(error));
        else resolve({ stats: sumCacheStats(round.stats), cleared: round.cleared });
      };
      const round = { pending: new Set(workers.map((w) => w.id)), stats: [] as CacheStats[], cleared: 0, done: finish };
      rounds.set(id, round);
      if (workers.length === 0) return finish(null);
      for (const w of workers) w.send({ type: OP_REQ, id, op });
    });
  }

  const stop = channel.onMessage((workerId, message) => {
    if (isMessage(message, OP_RES)) {
      const round = rounds.get(message.id);
      if (!round || !round.pending.delete(workerId)) return;
      if (message.error !== undefined || !message.stats) return round.done(`worker ${workerId}: ${message.error ?? "no statistics"}`);
      round.stats.push(message.stats);
      round.cleared += message.cleared ?? 0;
      if (round.pending.size === 0) round.done(null);
    } else if (isMessage(message, ADMIN_REQ) && (message.op === "stats" || message.op === "clear")) {
      const reply = (answer: Omit<ClusterCacheMessage, "type" | "id">) => channel.workers().find((w) => w.id === workerId)?.send({ type: ADMIN_RES, id: message.id, ...answer });
      everyWorker(message.op).then(reply, (error: Error) => reply({ error: error.message }));
    }
  });
  return { stop };
}

/** The worker side: does the primary's operations on `cache`, and asks the primary for the cluster's. */
export function setupClusterCacheWorker(
  cache: Cache<unknown>,
  options: { channel?: WorkerChannel<ClusterCacheMessage>; timeoutMs?: number } = {},
): CacheAdmin & { stop(): void } {
  const channel = options.channel ?? nodeWorkerChannel<ClusterCacheMessage>();
  // The primary waits for every worker: allow one of its rounds plus the hops.
  const timeoutMs = options.timeoutMs ?? CLUSTER_CACHE_TIMEOUT_MS + 1_000;
  let nextId = 0;
  const waiting = new Map<number, (message: ClusterCacheMessage) => void>();

  const stop = channel.onMessage((message) => {
    if (isMessage(message, OP_REQ) && (message.op === "stats" || message.op === "clear")) {
      channel.send({ type: OP_RES, id: message.id, ...runLocally(cache, message.op) });
    } else if (isMessage(message, ADMIN_RES)) {
      waiting.get(message.id)?.(message);
    }
  });

  const ask = (op: Operation): Promise<ClusterCacheMessage> => {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new CacheUnavailableError(`the primary did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      waiting.set(id, (message) => {
        clearTimeout(timer);
        waiting.delete(id);
        if (message.error !== undefined || !message.stats) reject(new CacheUnavailableError(message.error ?? "the primary sent no statistics"));
        else resolve(message);
      });
      channel.send({ type: ADMIN_REQ, id, op });
    });
  };

  return {
    stats: async () => (await ask("stats")).stats!,
    clear: async () => (await ask("clear")).cleared ?? 0,
    stop,
  };
}
