// Alerting from the configuration: the alerts.* keys and their variables, secrets masked, the notifiers chosen by
// what is set, and the assembled pipeline (evaluator → dispatcher → receivers) end to end on a local receiver.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redactConfig } from "../../src/config/redact.js";
import { createAlerting } from "../../src/ops/alerts/alerting.js";
import { notifiersFromConfig } from "../../src/ops/alerts/notifiers/fromConfig.js";
import { PAGERDUTY_EVENTS_URL } from "../../src/ops/alerts/notifiers/pagerduty.js";
import { ALERT_RULES } from "../../src/ops/alerts/rules.js";
import { load, problemsOf } from "../config/helpers.js";
import { MINUTE, reading, recordingLogger, SECOND, T0 } from "./fixtures.js";
import { type Receiver, startReceiver } from "./receiver.js";

const SLACK = "https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX";
const ROUTING_KEY = "R0UT1NGKEY0123456789abcdef012345";
const WEBHOOK = "https://ops.example.com/hooks/calendar?token=abc123";

describe("alerts.* configuration", () => {
  it("defaults: enabled, every 30 s, no notifier, PagerDuty's public endpoint", () => {
    expect(load({}).config.alerts).toEqual({ enabled: true, evaluationIntervalSeconds: 30, slackWebhookUrl: null, pagerdutyRoutingKey: null, pagerdutyUrl: PAGERDUTY_EVENTS_URL, webhookUrl: null });
  });

  it("reads ALERT_SLACK_WEBHOOK_URL, ALERT_PAGERDUTY_ROUTING_KEY, ALERT_WEBHOOK_URL and the prefixed names", () => {
    const { config, sources } = load({
      ALERT_SLACK_WEBHOOK_URL: SLACK,
      ALERT_PAGERDUTY_ROUTING_KEY: ROUTING_KEY,
      ALERT_WEBHOOK_URL: WEBHOOK,
      CALENDAR_API__ALERTS__ENABLED: "false",
      CALENDAR_API__ALERTS__EVALUATION_INTERVAL_SECONDS: "15",
      CALENDAR_API__ALERTS__PAGERDUTY_URL: "http://127.0.0.1:9999/v2/enqueue",
    });
    expect(config.alerts).toEqual({ enabled: false, evaluationIntervalSeconds: 15, slackWebhookUrl: SLACK, pagerdutyRoutingKey: ROUTING_KEY, pagerdutyUrl: "http://127.0.0.1:9999/v2/enqueue", webhookUrl: WEBHOOK });
    expect(sources["alerts.slackWebhookUrl"]).toBe("env:ALERT_SLACK_WEBHOOK_URL");
  });

  it("masks the webhook URLs and the routing key when printed, and in error messages", () => {
    const { config } = load({ ALERT_SLACK_WEBHOOK_URL: SLACK, ALERT_PAGERDUTY_ROUTING_KEY: ROUTING_KEY, ALERT_WEBHOOK_URL: WEBHOOK });
    const redacted = redactConfig(config).alerts;
    expect(redacted).toMatchObject({ slackWebhookUrl: "http…", pagerdutyRoutingKey: "R0UT…", webhookUrl: "http…", pagerdutyUrl: PAGERDUTY_EVENTS_URL });
    expect(JSON.stringify(redactConfig(config))).not.toMatch(/XXXXXXXX|0123456789abcdef012345|abc123/);
    const problems = problemsOf({ ALERT_WEBHOOK_URL: "ftp://ops.example.com/hooks/s3cr3t-path-token" });
    expect(problems).toEqual(['ALERT_WEBHOOK_URL: expected a http:// or https:// URL, got "ftp:…"']);
  });

  it("refuses the secrets in a production file", () => {
    const problems = problemsOf(
      { ENVIRONMENT: "production", API_KEYS: "ops:adm1n-0123456789abcdef:admin", DATABASE_URL: "postgres://u:p@db/c" },
      { "config/production.yaml": `alerts:\n  slackWebhookUrl: ${SLACK}\n` },
    );
    expect(problems.some((p) => p.includes("alerts.slackWebhookUrl: secrets must not be written in the production file"))).toBe(true);
  });
});

describe("notifiers chosen by configuration", () => {
  it.each([
    [{}, []],
    [{ ALERT_SLACK_WEBHOOK_URL: SLACK }, ["slack"]],
    [{ ALERT_PAGERDUTY_ROUTING_KEY: ROUTING_KEY }, ["pagerduty"]],
    [{ ALERT_WEBHOOK_URL: WEBHOOK }, ["webhook"]],
    [{ ALERT_SLACK_WEBHOOK_URL: SLACK, ALERT_PAGERDUTY_ROUTING_KEY: ROUTING_KEY, ALERT_WEBHOOK_URL: WEBHOOK }, ["slack", "pagerduty", "webhook"]],
  ])("%j → %j", (env, names) => {
    expect(notifiersFromConfig(load(env).config.alerts, "api-1").map((n) => n.name)).toEqual(names);
  });

  it("sends PagerDuty events to alerts.pagerdutyUrl", () => {
    const [notifier] = notifiersFromConfig(load({ ALERT_PAGERDUTY_ROUTING_KEY: ROUTING_KEY }).config.alerts, "api-1");
    expect(notifier.request({ status: "firing" } as never).url).toBe(PAGERDUTY_EVENTS_URL);
  });
});

describe("the assembled pipeline", () => {
  let slack: Receiver;
  let pagerduty: Receiver;
  let webhook: Receiver;
  beforeAll(async () => void ([slack, pagerduty, webhook] = await Promise.all([startReceiver(), startReceiver(), startReceiver()])));
  afterAll(() => Promise.all([slack.close(), pagerduty.close(), webhook.close()]));

  it("notifies each configured receiver once when the database alert fires and once when it resolves", async () => {
    const { config } = load({
      ALERT_SLACK_WEBHOOK_URL: `${slack.url}/services/T/B/X`,
      ALERT_PAGERDUTY_ROUTING_KEY: ROUTING_KEY,
      CALENDAR_API__ALERTS__PAGERDUTY_URL: `${pagerduty.url}/v2/enqueue`,
      ALERT_WEBHOOK_URL: `${webhook.url}/hook`,
    });
    const state = { reading: reading({ databaseUp: false }) };
    const logger = recordingLogger();
    const alerting = createAlerting({
      config: config.alerts,
      source: async () => state.reading,
      clock: { now: () => T0 },
      logger,
      instance: "api-1",
      rules: ALERT_RULES.filter((r) => r.name === "DatabaseUnreachable"),
      delivery: { baseDelayMs: 1 },
    });
    // Not started: the test is the clock. Down for 2.5 minutes (fires at 1 minute), then back.
    for (let t = 0; t <= 150 * SECOND; t += 30 * SECOND) await alerting.evaluator.tick(T0 + t);
    state.reading = reading({ databaseUp: true });
    await alerting.evaluator.tick(T0 + 3 * MINUTE);
    await alerting.evaluator.tick(T0 + 210 * SECOND);
    await alerting.stop();

    expect(slack.requests.map((r) => r.body.text)).toEqual(["[CRITICAL] DatabaseUnreachable: Calendar API cannot reach its database", "[RESOLVED] DatabaseUnreachable: Calendar API cannot reach its database"]);
    expect(pagerduty.requests.map((r) => [r.body.event_action, r.body.dedup_key, r.body.payload.source, r.body.payload.component])).toEqual([
      ["trigger", "calendar-api/DatabaseUnreachable", "api-1", "database"],
      ["resolve", "calendar-api/DatabaseUnreachable", "api-1", "database"],
    ]);
    expect(webhook.requests.map((r) => [r.body.status, r.body.alert.startsAt, r.body.alert.endsAt])).toEqual([
      ["FIRING", new Date(T0 + MINUTE).toISOString(), null],
      ["RESOLVED", new Date(T0 + MINUTE).toISOString(), new Date(T0 + 3 * MINUTE).toISOString()],
    ]);
    expect(alerting.evaluator.recent().map((t) => t.status)).toEqual(["resolved", "firing"]);
    expect(logger.warn).toHaveBeenCalledWith(expect.objectContaining({ alert: "DatabaseUnreachable", level: "CRITICAL" }), "alert firing");
    expect(logger.info).toHaveBeenCalledWith(expect.objectContaining({ alert: "DatabaseUnreachable", level: "RESOLVED" }), "alert resolved");
  });

  it("does not start evaluating when alerts.enabled is false", async () => {
    const { config } = load({ CALENDAR_API__ALERTS__ENABLED: "false" });
    let reads = 0;
    const alerting = createAlerting({ config: config.alerts, source: async () => (reads++, reading()), clock: { now: () => T0 }, logger: recordingLogger() });
    alerting.start();
    await new Promise((resolve) => setImmediate(resolve));
    await alerting.stop();
    expect(reads).toBe(0);
  });
});
