/**
 * Rate limits across `serve --workers N`: one count per key for the whole cluster.
 *
 * Why. Workers share the HTTP port and the kernel spreads connections over them, so with a limiter in each
 * worker a client that opens several connections gets through N times RATE_LIMIT_PER_MINUTE. The counts
 * therefore live in the primary, in the same in-memory limiter a single process uses; a worker asks it for
 * every decision (`hit-req` → `hit-res`, one IPC round trip) through the channel of clusterChannel.ts.
 *
 * When the primary does not answer within `timeoutMs` (blocked, or gone while the worker drains), the worker
 * decides with its own in-memory limiter at the same limits and reports it through `onFallback`: a request is
 * never held up by the channel, and a limit still applies, per process, while the primary is away.
 *
 * Wiring (main/): primary → `setupClusterRateLimitPrimary(createMemoryRateLimiter(…))`; each worker →
 * `createClusterRateLimiter({ fallback: createMemoryRateLimiter(…) })` as the HTTP layer's RateLimiter.
 */
import type { LocalRateLimiter, RateLimitDecision, RateLimiter } from "../http/deps.js";
import { isMessageOfType, nodePrimaryChannel, nodeWorkerChannel, type PrimaryChannel, type WorkerChannel } from "./clusterChannel.js";

const PREFIX = "calendar-api:rate-limit:";
/** Worker → primary: count one request of `key` at `now` and decide. */
const HIT_REQ = `${PREFIX}hit-req`;
/** Primary → worker: the decision. */
const HIT_RES = `${PREFIX}hit-res`;

export interface ClusterRateLimitMessage {
  type: string;
  id: number;
  key?: string;
  now?: number;
  decision?: RateLimitDecision;
}

/** How long a worker waits for the primary's decision before it decides alone. */
export const CLUSTER_RATE_LIMIT_TIMEOUT_MS = 250;

function isMessage(value: unknown, type: string): value is ClusterRateLimitMessage {
  return isMessageOfType<ClusterRateLimitMessage>(value, type);
}

export interface ClusterRateLimitPrimary {
  /** Stops answering workers. */
  stop(): void;
}

/** The primary side: holds the cluster's counts in `limiter` and answers every worker's hit. */
export function setupClusterRateLimitPrimary(
  limiter: LocalRateLimiter,
  options: { channel?: PrimaryChannel<ClusterRateLimitMessage> } = {},
): ClusterRateLimitPrimary {
  const channel = options.channel ?? nodePrimaryChannel<ClusterRateLimitMessage>();
  const stop = channel.onMessage((workerId, message) => {
    if (!isMessage(message, HIT_REQ) || typeof message.key !== "string" || typeof message.now !== "number") return;
    const decision = limiter.hit(message.key, message.now);
    channel.workers().find((w) => w.id === workerId)?.send({ type: HIT_RES, id: message.id, decision });
  });
  return { stop };
}

export interface ClusterRateLimiter extends RateLimiter {
  hit(key: string, now: number): Promise<RateLimitDecision>;
  /** Stops listening to the primary; later hits are decided by the fallback. */
  stop(): void;
}

/** The worker side: a RateLimiter that asks the primary, and decides with `fallback` when it cannot. */
export function createClusterRateLimiter(options: {
  fallback: LocalRateLimiter;
  channel?: WorkerChannel<ClusterRateLimitMessage>;
  timeoutMs?: number;
  /** Called when a decision was made locally, with the reason (for a log line or a counter). */
  onFallback?: (reason: string) => void;
}): ClusterRateLimiter {
  const { fallback, onFallback } = options;
  const channel = options.channel ?? nodeWorkerChannel<ClusterRateLimitMessage>();
  const timeoutMs = options.timeoutMs ?? CLUSTER_RATE_LIMIT_TIMEOUT_MS;
  let nextId = 0;
  let stopped = false;
  const waiting = new Map<number, (decision: RateLimitDecision) => void>();

  const unsubscribe = channel.onMessage((message) => {
    if (isMessage(message, HIT_RES) && message.decision) waiting.get(message.id)?.(message.decision);
  });

  const alone = (key: string, now: number, reason: string): RateLimitDecision => {
    onFallback?.(reason);
    return fallback.hit(key, now);
  };

  return {
    hit(key, now) {
      if (stopped) return Promise.resolve(alone(key, now, "the rate limiter was stopped"));
      const id = nextId++;
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          resolve(alone(key, now, `the primary did not answer within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(id, (decision) => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve(decision);
        });
        try {
          channel.send({ type: HIT_REQ, id, key, now });
        } catch (error) {
          clearTimeout(timer);
          waiting.delete(id);
          resolve(alone(key, now, `cannot reach the primary: ${(error as Error).message}`));
        }
      });
    },
    stop() {
      stopped = true;
      unsubscribe();
    },
  };
}
