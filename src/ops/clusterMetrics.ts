/**
 * Metrics across `serve --workers N`: one exposition for the whole cluster, built with prom-client's AggregatorRegistry.
 *
 * How it works. Workers share the HTTP port, so GET /metrics lands on any one of them. That worker puts the question to
 * every worker through the cluster fan-out (clusterFanOut.ts, exchange "metrics"): each answers with its registry's
 * getMetricsAsJSON(), the primary adds its own registry's (if given), and the asking worker merges them with
 * AggregatorRegistry.aggregate(): counters and histograms are summed, gauges use the aggregator each metric declares in
 * metrics.ts (average, min, max).
 *
 * Why not AggregatorRegistry#clusterMetrics(): it answers from a module-global list of registries (setRegistries), only
 * hears workers that constructed an AggregatorRegistry themselves, cannot include the primary's own metrics, and gives
 * a worker no way to ask for the aggregate. The fan-out is the same request/answer idea with explicit registries and
 * an injectable channel (clusterChannel.ts: node:cluster by default; an in-process fake in tests).
 *
 * Wiring (main/): primary → the fan-out relay (`setupFanOutRelay`), or `setupClusterMetricsPrimary(registry)` for a
 * primary that adds metrics of its own; each worker →
 * `const cluster = setupClusterMetricsWorker(metrics.registry)` and serve `await cluster.text()` on /metrics.
 */
import { AggregatorRegistry, type Registry } from "prom-client";
import type { PrimaryChannel as ClusterPrimaryChannel, WorkerChannel as ClusterWorkerChannel } from "./clusterChannel.js";
import { FAN_OUT_TIMEOUT_MS, type FanOutMessage, setupFanOutPrimary, setupFanOutWorker } from "./clusterFanOut.js";

/** One registry's metrics as getMetricsAsJSON() gives them: plain data, so it survives cluster IPC's JSON encoding. */
export type RegistryJson = Awaited<ReturnType<Registry["getMetricsAsJSON"]>>;

/** The messages of the metrics exchange (the fan-out's). */
export type ClusterMetricsMessage = FanOutMessage;

/** The primary's side of the cluster channel, carrying metrics messages. */
export type PrimaryChannel = ClusterPrimaryChannel<ClusterMetricsMessage>;
/** A worker's side of the cluster channel, carrying metrics messages. */
export type WorkerChannel = ClusterWorkerChannel<ClusterMetricsMessage>;

/** Default deadline for a round of answers; prom-client's own is 5 s as well. */
export const CLUSTER_METRICS_TIMEOUT_MS = FAN_OUT_TIMEOUT_MS;

const EXCHANGE = "metrics";

/** The same error with "cluster metrics: " in front, so that the log line says what failed. */
const named = (error: unknown): Error => new Error(`cluster metrics: ${(error as Error)?.message ?? String(error)}`);

export interface ClusterMetricsPrimary {
  /** The aggregated exposition text of every worker (and the primary's registry). */
  text(): Promise<string>;
  /** Stops listening to workers. */
  stop(): void;
}

/**
 * The primary side: relays the workers' requests and can gather itself. `primaryRegistry` holds the primary's own
 * metrics (e.g. default process metrics) or is null. Rejects when a worker fails to answer within timeoutMs: a
 * partial sum would look to Prometheus like a counter reset.
 */
export function setupClusterMetricsPrimary(
  primaryRegistry: Registry | null,
  options: { channel?: PrimaryChannel; timeoutMs?: number } = {},
): ClusterMetricsPrimary {
  const fanOut = setupFanOutPrimary<null, RegistryJson>(EXCHANGE, {
    channel: options.channel,
    timeoutMs: options.timeoutMs ?? CLUSTER_METRICS_TIMEOUT_MS,
    own: primaryRegistry ? () => primaryRegistry.getMetricsAsJSON() : undefined,
  });
  return {
    text: () => fanOut.ask(null).then((parts) => AggregatorRegistry.aggregate(parts).metrics(), (error: unknown) => Promise.reject(named(error))),
    stop: fanOut.stop,
  };
}

/**
 * Merges the workers' registries (as JSON, from `gather`) with the primary's into one exposition text.
 * `gather` defaults to nothing, which makes this the primary's registry alone.
 */
export async function aggregatedMetricsText(
  primaryRegistry: Registry | null,
  gather: () => Promise<RegistryJson[]> = async () => [],
): Promise<string> {
  const parts = await gather();
  if (primaryRegistry) parts.push(await primaryRegistry.getMetricsAsJSON());
  return AggregatorRegistry.aggregate(parts).metrics();
}

export interface ClusterMetricsWorker {
  /** The whole cluster's text (what /metrics serves in a worker). */
  text(): Promise<string>;
  stop(): void;
}

/** The worker side: answers with `registry`, and gathers the cluster's. */
export function setupClusterMetricsWorker(
  registry: Registry,
  options: { channel?: WorkerChannel; timeoutMs?: number } = {},
): ClusterMetricsWorker {
  const fanOut = setupFanOutWorker<null, RegistryJson>(EXCHANGE, () => registry.getMetricsAsJSON(), {
    channel: options.channel,
    timeoutMs: options.timeoutMs,
    failure: (reason) => named(new Error(reason)),
  });
  return {
    text: async () => AggregatorRegistry.aggregate(await fanOut.ask(null)).metrics(),
    stop: fanOut.stop,
  };
}
