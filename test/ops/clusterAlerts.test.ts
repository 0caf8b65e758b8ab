// Alerts across workers: every worker reads the whole service's figures, and only the lowest-numbered worker
// that answered notifies, so an alert is told once; when that worker goes, the next one takes over.
import { describe, expect, it } from "vitest";
import { type FanOutMessage, setupFanOutRelay } from "../../src/ops/clusterFanOut.js";
import { setupClusterAlertSource } from "../../src/ops/clusterAlerts.js";
import { createAlerting } from "../../src/ops/alerts/alerting.js";
import { ALERT_RULES } from "../../src/ops/alerts/rules.js";
import { load } from "../config/helpers.js";
import { histogram, reading, recordingLogger, SECOND, T0 } from "../alerts/fixtures.js";
import { type Receiver, startReceiver } from "../alerts/receiver.js";
import { fakeCluster } from "./fakeCluster.js";

describe("cluster alert readings", () => {
  it("gives every worker the merged reading over a JSON channel, and the lowest id the lead", async () => {
    const net = fakeCluster<FanOutMessage>({ json: true });
    const primary = setupFanOutRelay({ channel: net.primary });
    const local = [
      reading({ requests: { total: 10, errors: 1 }, requestDuration: histogram([0.1], [0.05, 0.2]) }),
      reading({ requests: { total: 30, errors: 0 }, requestDuration: histogram([0.1], [0.01]) }),
    ];
    // Worker ids as node:cluster gives them: not from 0, not in order.
    const ids = [7, 4];
    const sources = ids.map((workerId, i) => setupClusterAlertSource(async () => local[i], { workerId, channel: net.worker(workerId) }));
    expect(sources.map((s) => s.leads())).toEqual([false, false]);

    for (const s of sources) {
      const merged = await s.source();
      expect(merged.requests).toEqual({ total: 40, errors: 1 });
      expect(merged.requestDuration).toEqual(histogram([0.1], [0.05, 0.2, 0.01]));
    }
    expect(sources.map((s) => s.leads())).toEqual([false, true]);
    primary.stop();
    for (const s of sources) s.stop();
  });

  it("hands the lead to the next lowest id once the leader has gone", async () => {
    const net = fakeCluster<FanOutMessage>();
    const primary = setupFanOutRelay({ channel: net.primary });
    const channels = [net.worker(1), net.worker(2), net.worker(3)];
    const sources = channels.map((channel, i) => setupClusterAlertSource(async () => reading(), { workerId: i + 1, channel }));
    await sources[2].source();
    await sources[1].source();
    expect(sources[1].leads()).toBe(false);
    channels[0].disconnect();
    sources[0].stop();
    await sources[1].source();
    await sources[2].source();
    expect([sources[1].leads(), sources[2].leads()]).toEqual([true, false]);
    primary.stop();
    for (const s of sources) s.stop();
  });

  it("fails the reading when a worker is silent, instead of a reading without its counts", async () => {
    const net = fakeCluster<FanOutMessage>();
    const primary = setupFanOutRelay({ channel: net.primary, timeoutMs: 30 });
    const source = setupClusterAlertSource(async () => reading(), { workerId: 1, channel: net.worker(1) });
    net.worker(2);
    await expect(source.source()).rejects.toThrow("1 worker(s) did not answer within 30 ms");
    expect(source.leads()).toBe(false);
    primary.stop();
    source.stop();
  });
});

describe("alerting with a leader", () => {
  let slack: Receiver;

  it("notifies and logs transitions only while this process leads", async () => {
    slack = await startReceiver();
    try {
      const { config } = load({ ALERT_SLACK_WEBHOOK_URL: `${slack.url}/services/T/B/X` });
      const run = async (leading: boolean) => {
        const logger = recordingLogger();
        const alerting = createAlerting({
          config: config.alerts,
          source: async () => reading({ databaseUp: false }),
          clock: { now: () => T0 },
          logger,
          rules: ALERT_RULES.filter((r) => r.name === "DatabaseUnreachable"),
          delivery: { baseDelayMs: 1 },
          leads: () => leading,
        });
        for (let t = 0; t <= 90 * SECOND; t += 30 * SECOND) await alerting.evaluator.tick(T0 + t);
        await alerting.stop();
        return { firing: alerting.evaluator.recent().map((t) => t.status), logged: logger.warn.mock.calls.length };
      };
      const follower = await run(false);
      expect(slack.requests).toHaveLength(0);
      expect(follower).toEqual({ firing: ["firing"], logged: 0 });
      const leader = await run(true);
      expect(slack.requests.length).toBeGreaterThan(0);
      expect(leader.firing).toEqual(["firing"]);
      expect(leader.logged).toBeGreaterThan(0);
    } finally {
      await slack.close();
    }
  });
});
