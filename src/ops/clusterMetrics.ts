/**
 * Metrics across `serve --workers N`: one exposition for the whole cluster, built with prom-client's AggregatorRegistry.
 *
 * How it works. Workers share the HTTP port, so GET /metrics lands on any one of them. That worker asks the primary
 * (`aggregate-req`); the primary sends `collect-req` to every connected worker, each answers with its registry's
 * getMetricsAsJSON(), and the primary merges those (plus its own registry, if given) with
 * AggregatorRegistry.aggregate(): counters and histograms are summed, gauges use the aggregator each metric declares in
 * metrics.ts (average, min, max). The text goes back to the asking worker, which serves it.
 *
 * Why not AggregatorRegistry#clusterMetrics(): it answers from a module-global list of registries (setRegistries), only
 * hears workers that constructed an AggregatorRegistry themselves, cannot include the primary's own metrics, and gives
 * a worker no way to ask for the aggregate. The protocol here is the same request/answer idea with explicit registries
 * and an injectable channel (clusterChannel.ts: node:cluster by default; an in-process fake in tests).
 *
 * Wiring (main/): primary → `setupClusterMetricsPrimary(primaryRegistryOrNull)`; each worker →
 * `const cluster = setupClusterMetricsWorker(metrics.registry)` and serve `await cluster.text()` on /metrics.
 */
import { AggregatorRegistry, type Registry } from "prom-client";
import { isMessageOfType, nodePrimaryChannel, nodeWorkerChannel, type PrimaryChannel as ClusterPrimaryChannel, type WorkerChannel as ClusterWorkerChannel } from "./clusterChannel.js";

/** One registry's metrics as getMetricsAsJSON() gives them: plain data, so it survives cluster IPC's JSON encoding. */
export type RegistryJson = Awaited<ReturnType<Registry["getMetricsAsJSON"]>>;

const PREFIX = "calendar-api:metrics:";
/** Primary → worker: send me your registry as JSON. */
const COLLECT_REQ = `${PREFIX}collect-req`;
/** Worker → primary: here it is (or the error). */
const COLLECT_RES = `${PREFIX}collect-res`;
/** Worker → primary: give me the whole cluster's text. */
const AGGREGATE_REQ = `${PREFIX}aggregate-req`;
/** Primary → worker: the whole cluster's text (or the error). */
const AGGREGATE_RES = `${PREFIX}aggregate-res`;

export interface ClusterMetricsMessage {
  type: string;
  id: number;
  metrics?: RegistryJson;
  text?: string;
  error?: string;
}

/** The primary's side of the cluster channel, carrying metrics messages. */
export type PrimaryChannel = ClusterPrimaryChannel<ClusterMetricsMessage>;
/** A worker's side of the cluster channel, carrying metrics messages. */
export type WorkerChannel = ClusterWorkerChannel<ClusterMetricsMessage>;

/** Default deadline for a round of answers; prom-client's own is 5 s as well. */
export const CLUSTER_METRICS_TIMEOUT_MS = 5_000;

function isMessage(value: unknown, type: string): value is ClusterMetricsMessage {
  return isMessageOfType<ClusterMetricsMessage>(value, type);
}

export interface ClusterMetricsPrimary {
  /** The aggregated exposition text of every worker (and the primary's registry). */
  text(): Promise<string>;
  /** Stops listening to workers. */
  stop(): void;
}

/**
 * The primary side: gathers on demand, and answers workers that ask for the aggregate. `primaryRegistry` holds the
 * primary's own metrics (e.g. default process metrics) or is null. Rejects when a worker fails to answer within
 * timeoutMs: a partial sum would look to Prometheus like a counter reset.
 */
export function setupClusterMetricsPrimary(
  primaryRegistry: Registry | null,
  options: { channel?: PrimaryChannel; timeoutMs?: number } = {},
): ClusterMetricsPrimary {
  const channel = options.channel ?? nodePrimaryChannel<ClusterMetricsMessage>();
  const timeoutMs = options.timeoutMs ?? CLUSTER_METRICS_TIMEOUT_MS;
  let nextId = 0;
  const rounds = new Map<number, { pending: Set<number>; answers: RegistryJson[]; done: (err: Error | null) => void }>();

  const text = () => aggregatedMetricsText(primaryRegistry, gather);

  function gather(): Promise<RegistryJson[]> {
    const id = nextId++;
    const workers = channel.workers();
    if (workers.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`cluster metrics: ${round.pending.size} worker(s) did not answer within ${timeoutMs} ms`)), timeoutMs);
      const finish = (err: Error | null) => {
        clearTimeout(timer);
        rounds.delete(id);
        if (err) reject(err);
        else resolve(round.answers);
      };
      const round = { pending: new Set(workers.map((w) => w.id)), answers: [] as RegistryJson[], done: finish };
      rounds.set(id, round);
      for (const w of workers) w.send({ type: COLLECT_REQ, id });
    });
  }

  const unsubscribe = channel.onMessage((workerId, message) => {
    if (isMessage(message, COLLECT_RES)) {
      const round = rounds.get(message.id);
      if (!round || !round.pending.delete(workerId)) return;
      if (message.error !== undefined) return round.done(new Error(`cluster metrics: worker ${workerId}: ${message.error}`));
      round.answers.push(message.metrics ?? []);
      if (round.pending.size === 0) round.done(null);
    } else if (isMessage(message, AGGREGATE_REQ)) {
      const reply = channel.workers().find((w) => w.id === workerId);
      text().then(
        (t) => reply?.send({ type: AGGREGATE_RES, id: message.id, text: t }),
        (e: unknown) => reply?.send({ type: AGGREGATE_RES, id: message.id, error: String((e as Error)?.message ?? e) }),
      );
    }
  });

  return { text, stop: unsubscribe };
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
  /** Asks the primary for the whole cluster's text (what /metrics serves in a worker). */
  text(): Promise<string>;
  stop(): void;
}

/** The worker side: answers the primary's collect requests with `registry`, and can ask for the aggregate. */
export function setupClusterMetricsWorker(
  registry: Registry,
  options: { channel?: WorkerChannel; timeoutMs?: number } = {},
): ClusterMetricsWorker {
  const channel = options.channel ?? nodeWorkerChannel<ClusterMetricsMessage>();
  // The primary waits for every worker, so allow one of its rounds plus the hops.
  const timeoutMs = options.timeoutMs ?? CLUSTER_METRICS_TIMEOUT_MS + 1_000;
  let nextId = 0;
  const waiting = new Map<number, (message: ClusterMetricsMessage) => void>();

  const unsubscribe = channel.onMessage((message) => {
    if (isMessage(message, COLLECT_REQ)) {
      registry.getMetricsAsJSON().then(
        (metrics) => channel.send({ type: COLLECT_RES, id: message.id, metrics }),
        (e: unknown) => channel.send({ type: COLLECT_RES, id: message.id, error: String((e as Error)?.message ?? e) }),
      );
    } else if (isMessage(message, AGGREGATE_RES)) {
      waiting.get(message.id)?.(message);
    }
  });

  return {
    text() {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`cluster metrics: the primary did not answer within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(id, (message) => {
          clearTimeout(timer);
          waiting.delete(id);
          if (message.error !== undefined) reject(new Error(`cluster metrics: ${message.error}`));
          else resolve(message.text ?? "");
        });
        channel.send({ type: AGGREGATE_REQ, id });
      });
    },
    stop: unsubscribe,
  };
}
