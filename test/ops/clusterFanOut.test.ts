// One question put to every worker from whichever worker asks: every answer comes back, and a worker that is
// silent or fails makes the whole round fail rather than give a partial list.
import { describe, expect, it } from "vitest";
import { type FanOutMessage, setupFanOutPrimary, setupFanOutRelay, setupFanOutWorker } from "../../src/ops/clusterFanOut.js";
import { fakeCluster } from "./fakeCluster.js";

class Unavailable extends Error {}

describe("cluster fan-out", () => {
  it("brings back every worker's answer, the asker's included, to whichever worker asks", async () => {
    const net = fakeCluster<FanOutMessage>();
    const primary = setupFanOutPrimary("sizes", { channel: net.primary });
    const sizes = [3, 5, 7];
    const workers = sizes.map((size, i) => setupFanOutWorker<number, number>("sizes", (factor) => size * factor, { channel: net.worker(i + 1) }));

    expect((await workers[2].ask(10)).sort((a, b) => a - b)).toEqual([30, 50, 70]);
    expect((await workers[0].ask(1)).sort((a, b) => a - b)).toEqual([3, 5, 7]);
    primary.stop();
    for (const w of workers) w.stop();
  });

  it("waits for answers that come from a promise", async () => {
    const net = fakeCluster<FanOutMessage>();
    const primary = setupFanOutPrimary("slow", { channel: net.primary });
    const a = setupFanOutWorker<null, string>("slow", () => new Promise((resolve) => setTimeout(() => resolve("late"), 20)), { channel: net.worker(1) });
    const b = setupFanOutWorker<null, string>("slow", () => "early", { channel: net.worker(2) });
    expect((await b.ask(null)).sort()).toEqual(["early", "late"]);
    primary.stop();
    a.stop();
    b.stop();
  });

  it("fails the round with the worker's reason when its answer throws", async () => {
    const net = fakeCluster<FanOutMessage>();
    const primary = setupFanOutPrimary("boom", { channel: net.primary });
    const fine = setupFanOutWorker<null, number>("boom", () => 1, { channel: net.worker(1), failure: (reason) => new Unavailable(reason) });
    const broken = setupFanOutWorker<null, number>("boom", () => {
      throw new Error("disk on fire");
    }, { channel: net.worker(2) });
    const asked = fine.ask(null);
    await expect(asked).rejects.toThrow(Unavailable);
    await expect(asked).rejects.toThrow("worker 2: disk on fire");
    primary.stop();
    fine.stop();
    broken.stop();
  });

  it("fails the round when a worker stays silent, naming how many did", async () => {
    const net = fakeCluster<FanOutMessage>();
    const primary = setupFanOutPrimary("quiet", { channel: net.primary, timeoutMs: 30 });
    const asking = setupFanOutWorker<null, number>("quiet", () => 1, { channel: net.worker(1) });
    net.worker(2);
    net.worker(3);
    await expect(asking.ask(null)).rejects.toThrow("2 worker(s) did not answer within 30 ms");
    primary.stop();
    asking.stop();
  });

  it("leaves out a worker that has disconnected", async () => {
    const net = fakeCluster<FanOutMessage>();
    const primary = setupFanOutPrimary("gone", { channel: net.primary, timeoutMs: 30 });
    const asking = setupFanOutWorker<null, string>("gone", () => "here", { channel: net.worker(1) });
    net.worker(2).disconnect();
    expect(await asking.ask(null)).toEqual(["here"]);
    primary.stop();
    asking.stop();
  });

  it("fails when the primary does not answer, or cannot be reached", async () => {
    const net = fakeCluster<FanOutMessage>();
    const alone = setupFanOutWorker<null, number>("lonely", () => 1, { channel: net.worker(1), timeoutMs: 20, failure: (reason) => new Unavailable(reason) });
    await expect(alone.ask(null)).rejects.toThrow(new Unavailable("the primary did not answer within 20 ms"));
    alone.stop();

    const unreachable = setupFanOutWorker<null, number>("lonely", () => 1, {
      channel: { send: () => { throw new Error("channel closed"); }, onMessage: () => () => undefined },
    });
    await expect(unreachable.ask(null)).rejects.toThrow("cannot reach the primary: channel closed");
  });

  it("relays every exchange through one relay, each kept apart", async () => {
    const net = fakeCluster<FanOutMessage>({ json: true });
    const relay = setupFanOutRelay({ channel: net.primary });
    const one = net.worker(1);
    const two = net.worker(2);
    const sizes = [setupFanOutWorker<null, number>("sizes", () => 1, { channel: one }), setupFanOutWorker<null, number>("sizes", () => 2, { channel: two })];
    const names = [setupFanOutWorker<null, string>("names", () => "one", { channel: one }), setupFanOutWorker<null, string>("names", () => "two", { channel: two })];
    const [s, n] = await Promise.all([sizes[1].ask(null), names[0].ask(null)]);
    expect(s.sort()).toEqual([1, 2]);
    expect(n.sort()).toEqual(["one", "two"]);
    relay.stop();
    for (const x of [...sizes, ...names]) x.stop();
  });

  it("keeps two exchanges on one channel apart", async () => {
    const net = fakeCluster<FanOutMessage>();
    const primaries = [setupFanOutPrimary("left", { channel: net.primary }), setupFanOutPrimary("right", { channel: net.primary })];
    const one = net.worker(1);
    const two = net.worker(2);
    const left = [setupFanOutWorker<null, string>("left", () => "L1", { channel: one }), setupFanOutWorker<null, string>("left", () => "L2", { channel: two })];
    const right = [setupFanOutWorker<null, string>("right", () => "R1", { channel: one }), setupFanOutWorker<null, string>("right", () => "R2", { channel: two })];
    const [l, r] = await Promise.all([left[0].ask(null), right[1].ask(null)]);
    expect(l.sort()).toEqual(["L1", "L2"]);
    expect(r.sort()).toEqual(["R1", "R2"]);
    for (const x of [...primaries, ...left, ...right]) x.stop();
  });
});
