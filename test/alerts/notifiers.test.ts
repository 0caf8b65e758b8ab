// Notifications against a local HTTP receiver speaking each protocol: the payloads of Slack-compatible webhooks,
// PagerDuty Events v2 and the generic webhook, firing then RESOLVED, deduplication, and delivery with retries.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { backoffMs, deliver, retryAfterMs } from "../../src/ops/alerts/notifiers/deliver.js";
import { createDispatcher } from "../../src/ops/alerts/notifiers/dispatcher.js";
import { pagerDutyNotifier } from "../../src/ops/alerts/notifiers/pagerduty.js";
import { slackNotifier } from "../../src/ops/alerts/notifiers/slack.js";
import type { Notifier } from "../../src/ops/alerts/notifiers/types.js";
import { webhookNotifier } from "../../src/ops/alerts/notifiers/webhook.js";
import { freePort } from "../e2e/helpers.js";
import { recordingLogger, resolvedOf, transition } from "./fixtures.js";
import { type Receiver, startReceiver } from "./receiver.js";

/** Fast retries for tests: no real waiting beyond a millisecond or two. */
const FAST = { baseDelayMs: 1, maxDelayMs: 10_000, timeoutMs: 2_000 };

let receiver: Receiver;
beforeAll(async () => void (receiver = await startReceiver()));
afterAll(() => receiver.close());
afterEach(() => void receiver.requests.splice(0));

function dispatcherFor(notifier: Notifier, options: { attempts?: number; now?: () => number; repeatIntervalMs?: number; sleep?: (ms: number) => Promise<void>; timeoutMs?: number } = {}) {
  const logger = recordingLogger();
  const dispatcher = createDispatcher({
    notifiers: [notifier],
    logger,
    now: options.now,
    repeatIntervalMs: options.repeatIntervalMs,
    delivery: { ...FAST, attempts: options.attempts ?? 5, sleep: options.sleep, timeoutMs: options.timeoutMs ?? FAST.timeoutMs },
  });
  return { dispatcher, logger };
}

describe("Slack-compatible webhook", () => {
  it("posts text with the level and an attachment per alert, then RESOLVED in green", async () => {
    const { dispatcher } = dispatcherFor(slackNotifier({ webhookUrl: `${receiver.url}/services/T000/B000/XXXX`, source: "api-1" }));
    const firing = transition();
    dispatcher.notify(firing);
    dispatcher.notify(resolvedOf(firing));
    await dispatcher.idle();
    const [trigger, resolved] = await receiver.waitFor(2);
    expect(trigger).toMatchObject({ method: "POST", path: "/services/T000/B000/XXXX", headers: { "content-type": "application/json" } });
    expect(trigger.body).toEqual({
      text: "[CRITICAL] HighErrorRate: Calendar API error rate above 10%",
      attachments: [
        {
          fallback: "[CRITICAL] HighErrorRate: Calendar API error rate above 10%",
          color: "#d00000",
          title: "Calendar API error rate above 10%",
          title_link: "https://github.com/calendar-api/calendar-api/blob/main/docs/operations.md#high-error-rate",
          text: firing.description,
          fields: [
            { title: "Severity", value: "critical", short: true },
            { title: "Value", value: "0.25", short: true },
            { title: "Started", value: "2026-03-01T12:02:00.000Z", short: true },
          ],
          footer: "calendar-api on api-1",
          ts: Date.parse(firing.at) / 1000,
        },
      ],
    });
    expect(resolved.body.text).toBe("[RESOLVED] HighErrorRate: Calendar API error rate above 10%");
    expect(resolved.body.attachments[0]).toMatchObject({ color: "#2eb886", fields: expect.arrayContaining([{ title: "Resolved", value: "2026-03-01T12:03:00.000Z", short: true }]) });
  });

  it.each([
    ["warning", "[WARNING]", "#daa038"],
    ["info", "[INFO]", "#439fe0"],
  ] as const)("says %s as %s", async (severity, level, colour) => {
    const { dispatcher } = dispatcherFor(slackNotifier({ webhookUrl: receiver.url, source: "api-1" }));
    dispatcher.notify(transition({ severity, labels: { component: "parser" } }));
    await dispatcher.idle();
    const [request] = await receiver.waitFor(1);
    expect(request.body.text.startsWith(level)).toBe(true);
    expect(request.body.attachments[0].color).toBe(colour);
    expect(request.body.attachments[0].fields).toContainEqual({ title: "component", value: "parser", short: true });
  });
});

describe("PagerDuty Events v2", () => {
  it("triggers and then resolves one incident through the same dedup_key", async () => {
    receiver.script({ status: 202, body: '{"status":"success","message":"Event processed","dedup_key":"x"}' });
    const { dispatcher, logger } = dispatcherFor(pagerDutyNotifier({ routingKey: "R0UT1NGKEY0123456789abcdef012345", url: `${receiver.url}/v2/enqueue`, source: "api-1" }));
    const firing = transition({ name: "HighComponentLatency", fingerprint: 'HighComponentLatency{component="parser"}', severity: "warning", component: "parser", labels: { component: "parser" } });
    dispatcher.notify(firing);
    dispatcher.notify(resolvedOf(firing));
    await dispatcher.idle();
    const [trigger, resolve] = await receiver.waitFor(2);
    expect(trigger.path).toBe("/v2/enqueue");
    expect(trigger.body).toEqual({
      routing_key: "R0UT1NGKEY0123456789abcdef012345",
      event_action: "trigger",
      dedup_key: 'calendar-api/HighComponentLatency{component="parser"}',
      client: "calendar-api",
      payload: {
        summary: "[WARNING] HighComponentLatency: Calendar API error rate above 10%",
        severity: "warning",
        source: "api-1",
        component: "parser",
        group: "calendar-api",
        class: "HighComponentLatency",
        timestamp: firing.startsAt,
        custom_details: { level: "WARNING", description: firing.description, value: 0.25, labels: { component: "parser" }, runbook_url: firing.runbookUrl, starts_at: firing.startsAt, ends_at: null },
      },
      links: [{ href: firing.runbookUrl, text: "Runbook" }],
    });
    expect(resolve.body).toMatchObject({ event_action: "resolve", dedup_key: trigger.body.dedup_key, routing_key: trigger.body.routing_key, payload: { summary: expect.stringMatching(/^\[RESOLVED\]/) } });
    expect(logger.info).toHaveBeenCalledWith(expect.objectContaining({ notifier: "pagerduty", level: "WARNING", attempts: 1, httpStatus: 202 }), "alert notification sent");
  });

  it("maps every severity onto PagerDuty's own words", async () => {
    const { dispatcher } = dispatcherFor(pagerDutyNotifier({ routingKey: "k", url: receiver.url, source: "api-1" }));
    for (const severity of ["info", "warning", "critical"] as const) dispatcher.notify(transition({ severity, fingerprint: severity }));
    await dispatcher.idle();
    expect((await receiver.waitFor(3)).map((r) => r.body.payload.severity).sort()).toEqual(["critical", "info", "warning"]);
  });
});

describe("generic webhook", () => {
  it("posts the alert as JSON with status FIRING, then RESOLVED", async () => {
    const { dispatcher } = dispatcherFor(webhookNotifier({ url: `${receiver.url}/hook`, source: "api-1" }));
    const firing = transition();
    dispatcher.notify(firing);
    dispatcher.notify(resolvedOf(firing));
    await dispatcher.idle();
    const [first, second] = await receiver.waitFor(2);
    const { status: _status, ...alert } = firing;
    expect(first.body).toEqual({ version: 1, status: "FIRING", level: "CRITICAL", service: "calendar-api", source: "api-1", alert });
    expect(second.body).toMatchObject({ status: "RESOLVED", level: "RESOLVED", alert: { fingerprint: "HighErrorRate", endsAt: "2026-03-01T12:03:00.000Z" } });
  });
});

describe("deduplication", () => {
  const notifier = () => webhookNotifier({ url: receiver.url, source: "api-1" });

  it("sends a firing alert once however many ticks present it, and its resolution once", async () => {
    const { dispatcher } = dispatcherFor(notifier());
    const firing = transition();
    for (let i = 0; i < 5; i++) dispatcher.notify({ ...firing, at: new Date(Date.parse(firing.at) + i * 30_000).toISOString() });
    dispatcher.notify(resolvedOf(firing));
    dispatcher.notify(resolvedOf(firing));
    await dispatcher.idle();
    expect(receiver.requests.map((r) => r.body.status)).toEqual(["FIRING", "RESOLVED"]);
  });

  it("sends nothing to resolve an alert it never sent as firing", async () => {
    const { dispatcher } = dispatcherFor(notifier());
    dispatcher.notify(resolvedOf(transition()));
    await dispatcher.idle();
    expect(receiver.requests).toEqual([]);
  });

  it("sends a new firing episode of the same alert (a later startsAt) again", async () => {
    const { dispatcher } = dispatcherFor(notifier());
    const first = transition();
    dispatcher.notify(first);
    dispatcher.notify(resolvedOf(first));
    dispatcher.notify(transition({ startsAt: "2026-03-01T13:00:00.000Z" }));
    await dispatcher.idle();
    expect(receiver.requests.map((r) => r.body.status)).toEqual(["FIRING", "RESOLVED", "FIRING"]);
  });

  it("repeats a still-firing alert after the repeat interval, not before", async () => {
    let now = 0;
    const { dispatcher } = dispatcherFor(notifier(), { repeatIntervalMs: 60 * 60_000, now: () => now });
    dispatcher.notify(transition());
    now = 59 * 60_000;
    dispatcher.notify(transition());
    now = 60 * 60_000;
    dispatcher.notify(transition());
    now = 61 * 60_000;
    dispatcher.notify(transition());
    await dispatcher.idle();
    expect(receiver.requests).toHaveLength(2);
  });
});

describe("delivery", () => {
  const notifier = () => webhookNotifier({ url: receiver.url, source: "api-1" });

  it("retries on 500 and succeeds on the next attempt", async () => {
    receiver.script({ status: 500 });
    const { dispatcher, logger } = dispatcherFor(notifier());
    dispatcher.notify(transition());
    await dispatcher.idle();
    expect(receiver.requests.map((r) => r.body.status)).toEqual(["FIRING", "FIRING"]);
    expect(logger.warn).toHaveBeenCalledWith(expect.objectContaining({ attempt: 1, reason: "HTTP 500" }), "alert notification failed; retrying");
    expect(logger.info).toHaveBeenCalledWith(expect.objectContaining({ notifier: "webhook", attempts: 2, httpStatus: 200 }), "alert notification sent");
  });

  it("waits as long as a 429's Retry-After asks", async () => {
    receiver.script({ status: 429, headers: { "retry-after": "7" } }, { status: 503, headers: { "retry-after": "Thu, 01 Jan 2099 00:00:00 GMT" } });
    const waits: number[] = [];
    const { dispatcher, logger } = dispatcherFor(notifier(), { sleep: async (ms) => void waits.push(ms) });
    dispatcher.notify(transition());
    await dispatcher.idle();
    expect(waits).toEqual([7_000]);
    // The second answer asks for decades: more than maxDelayMs, so it gives up rather than wait.
    expect(logger.error).toHaveBeenCalledWith(expect.objectContaining({ attempts: 2, httpStatus: 503, reason: expect.stringMatching(/Retry-After asks for \d+ s/) }), "alert notification given up");
  });

  it("gives up after the configured attempts and logs it", async () => {
    receiver.script({ status: 500 }, { status: 502 }, { status: 503 });
    const { dispatcher, logger } = dispatcherFor(notifier(), { attempts: 3 });
    dispatcher.notify(transition());
    await dispatcher.idle();
    expect(receiver.requests).toHaveLength(3);
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ notifier: "webhook", alert: "HighErrorRate", level: "CRITICAL", attempts: 3, httpStatus: 503, reason: "HTTP 503; gave up after 3 attempts" }),
      "alert notification given up",
    );
    expect(logger.info).not.toHaveBeenCalled();
  });

  it("does not retry a 4xx other than 408 and 429", async () => {
    receiver.script({ status: 400 });
    const { dispatcher, logger } = dispatcherFor(notifier());
    dispatcher.notify(transition());
    await dispatcher.idle();
    expect(receiver.requests).toHaveLength(1);
    expect(logger.error).toHaveBeenCalledWith(expect.objectContaining({ attempts: 1, httpStatus: 400, reason: "HTTP 400" }), "alert notification given up");
  });

  it("retries a request that times out", async () => {
    receiver.script("hang");
    const { dispatcher, logger } = dispatcherFor(notifier(), { timeoutMs: 200 });
    dispatcher.notify(transition());
    await dispatcher.idle();
    expect(receiver.requests).toHaveLength(2);
    expect(logger.warn).toHaveBeenCalledWith(expect.objectContaining({ reason: "no answer within 200 ms" }), "alert notification failed; retrying");
    expect(logger.info).toHaveBeenCalledWith(expect.objectContaining({ attempts: 2 }), "alert notification sent");
  });

  it("retries a refused connection, then gives up", async () => {
    const closed = `http://127.0.0.1:${await freePort()}/hook`;
    const result = await deliver({ url: closed, body: {} }, { ...FAST, attempts: 2 });
    expect(result).toEqual({ ok: false, attempts: 2, status: undefined, reason: "network error: ECONNREFUSED; gave up after 2 attempts" });
  });

  it("delivers in order per alert: a RESOLVED waits for its trigger's retries", async () => {
    receiver.script({ status: 500 }, { status: 500 });
    const { dispatcher } = dispatcherFor(notifier());
    const firing = transition();
    dispatcher.notify(firing);
    dispatcher.notify(resolvedOf(firing));
    await dispatcher.idle();
    expect(receiver.requests.map((r) => r.body.status)).toEqual(["FIRING", "FIRING", "FIRING", "RESOLVED"]);
  });

  it("on close, stops taking notifications and cancels retries once the signal aborts", async () => {
    receiver.script({ status: 500 });
    const logger = recordingLogger();
    const dispatcher = createDispatcher({ notifiers: [notifier()], logger, delivery: { ...FAST, baseDelayMs: 60_000 } });
    dispatcher.notify(transition());
    await receiver.waitFor(1);
    const started = Date.now();
    await dispatcher.close(AbortSignal.timeout(100));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(logger.error).toHaveBeenCalledWith(expect.objectContaining({ reason: "cancelled" }), "alert notification given up");
    dispatcher.notify(transition({ fingerprint: "Other" }));
    await dispatcher.idle();
    expect(receiver.requests).toHaveLength(1);
  });

  it("backs off exponentially with jitter, capped", () => {
    const options = { baseDelayMs: 1_000, maxDelayMs: 10_000 };
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(a, options, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000, 10_000]);
    expect([1, 2, 3].map((a) => backoffMs(a, options, () => 0))).toEqual([500, 1_000, 2_000]);
  });

  it("reads Retry-After as seconds or an HTTP date", () => {
    const now = Date.parse("2026-03-01T12:00:00Z");
    expect(retryAfterMs("120", now)).toBe(120_000);
    expect(retryAfterMs("Sun, 01 Mar 2026 12:00:30 GMT", now)).toBe(30_000);
    expect(retryAfterMs("soon", now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});
