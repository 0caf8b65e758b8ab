/**
 * The service's own counters (parses served, for /status) summed over every worker of `serve --workers N`.
 *
 * Why. /status lands on one worker, and each worker counts only the requests it served: without this, the figure
 * would be one worker's share, a different one on each request. The worker puts the question to every worker
 * through the cluster fan-out (clusterFanOut.ts, exchange "counters") and adds up their answers. A worker that
 * exits and is replaced takes its counts with it, as a restarted single process would.
 *
 * Prometheus counters go through clusterMetrics.ts instead; these are the plain numbers the service reports itself.
 */
import type { WorkerChannel } from "./clusterChannel.js";
import { type FanOutMessage, setupFanOutWorker } from "./clusterFanOut.js";

/** Named counts, e.g. `{ parses: 12 }`. */
export type Counters = Record<string, number>;

const EXCHANGE = "counters";

/** Sums counters by name; a name missing from one set counts 0 there. */
export function sumCounters(all: readonly Counters[]): Counters {
  const total: Counters = {};
  for (const counters of all) for (const [name, n] of Object.entries(counters)) total[name] = (total[name] ?? 0) + n;
  return total;
}

export interface ClusterCounters {
  /** Every worker's counters, summed (rejects when a worker or the primary does not answer in time). */
  totals(): Promise<Counters>;
  stop(): void;
}

/** The worker side: answers with `counters` as they are now, and sums the cluster's on request. */
export function setupClusterCountersWorker(
  counters: Readonly<Counters>,
  options: { channel?: WorkerChannel<FanOutMessage>; timeoutMs?: number } = {},
): ClusterCounters {
  const fanOut = setupFanOutWorker<"counters", Counters>(EXCHANGE, () => ({ ...counters }), options);
  return {
    totals: async () => sumCounters(await fanOut.ask("counters")),
    stop: fanOut.stop,
  };
}
