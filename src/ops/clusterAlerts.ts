/**
 * In-process alerting across `serve --workers N`: every worker evaluates the rules on the whole service's
 * readings, and one worker notifies.
 *
 * Why. Each worker runs the evaluator of alerts/ (GET /alerts lands on any of them). On its own metrics a worker
 * sees only the requests it served, so counts and rates were a share of the service's, and every worker sent the
 * same notification: N Slack messages per alert. Here a worker's reading is every worker's reading, gathered
 * through the cluster fan-out (clusterFanOut.ts, exchange "alert-readings") and merged (alerts/mergeSamples.ts),
 * so all workers judge the same figures; and only the worker with the lowest id among those that answered (the
 * leader) notifies. When the leader exits, the next gathering makes the next lowest the leader.
 *
 * A gathering that fails (a worker silent past the timeout) fails the evaluator's tick, which logs it and keeps
 * the alerts as they were: a reading without that worker would make its counters look reset.
 */
import type { WorkerChannel } from "./clusterChannel.js";
import { type FanOutMessage, setupFanOutWorker } from "./clusterFanOut.js";
import { decodeReading, encodeReading, mergeReadings, type WireReading } from "./alerts/mergeSamples.js";
import type { SampleSource } from "./alerts/samples.js";

const EXCHANGE = "alert-readings";

/** One worker's answer: who it is and what its metrics read. */
interface WorkerReading {
  worker: number;
  reading: WireReading;
}

export interface ClusterAlertSource {
  /** The whole service's reading (every worker's, merged); the evaluator's source in a worker. */
  source: SampleSource;
  /** Whether this worker notifies: it had the lowest id at the last successful gathering (false before one). */
  leads(): boolean;
  stop(): void;
}

/** The worker side: answers with `local` (this worker's reading), and reads the cluster's. */
export function setupClusterAlertSource(
  local: SampleSource,
  options: { workerId: number; channel?: WorkerChannel<FanOutMessage>; timeoutMs?: number },
): ClusterAlertSource {
  const { workerId } = options;
  let leading = false;
  const fanOut = setupFanOutWorker<null, WorkerReading>(EXCHANGE, async () => ({ worker: workerId, reading: encodeReading(await local()) }), {
    channel: options.channel,
    timeoutMs: options.timeoutMs,
  });
  return {
    async source() {
      const answers = await fanOut.ask(null);
      leading = answers.every((a) => a.worker >= workerId);
      return mergeReadings(answers.map((a) => decodeReading(a.reading)));
    },
    leads: () => leading,
    stop: fanOut.stop,
  };
}
