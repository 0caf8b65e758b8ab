// The service's own counters (parses served, for /status) summed over every worker, as they are when asked.
import { describe, expect, it } from "vitest";
import { type FanOutMessage, setupFanOutRelay } from "../../src/ops/clusterFanOut.js";
import { setupClusterCountersWorker, sumCounters } from "../../src/ops/clusterCounters.js";
import { fakeCluster } from "./fakeCluster.js";

describe("cluster counters", () => {
  it("sums every worker's counts as they stand when asked", async () => {
    const net = fakeCluster<FanOutMessage>();
    const primary = setupFanOutRelay({ channel: net.primary });
    const counts = [{ parses: 2 }, { parses: 5 }];
    const workers = counts.map((c, i) => setupClusterCountersWorker(c, { channel: net.worker(i + 1) }));
    expect(await workers[0].totals()).toEqual({ parses: 7 });
    counts[1].parses += 3;
    expect(await workers[0].totals()).toEqual({ parses: 10 });
    primary.stop();
    for (const w of workers) w.stop();
  });

  it("rejects rather than report one worker's share when another does not answer", async () => {
    const net = fakeCluster<FanOutMessage>();
    const primary = setupFanOutRelay({ channel: net.primary, timeoutMs: 30 });
    const asking = setupClusterCountersWorker({ parses: 4 }, { channel: net.worker(1) });
    net.worker(2);
    await expect(asking.totals()).rejects.toThrow("1 worker(s) did not answer within 30 ms");
    primary.stop();
    asking.stop();
  });

  it("adds counters by name, a missing name counting 0", () => {
    expect(sumCounters([])).toEqual({});
    expect(sumCounters([{ parses: 1, imports: 2 }, { parses: 3 }])).toEqual({ parses: 4, imports: 2 });
  });
});
