/** The notifiers a configuration asks for: each one whose target (webhook URL, routing key) is set. */
import type { AppConfig } from "../../../config/types.js";
import { pagerDutyNotifier } from "./pagerduty.js";
import { slackNotifier } from "./slack.js";
import type { Notifier } from "./types.js";
import { webhookNotifier } from "./webhook.js";

/** Slack, PagerDuty and the generic webhook, in that order, for those configured; [] when none is. */
export function notifiersFromConfig(config: Readonly<AppConfig["alerts"]>, source: string): Notifier[] {
  const notifiers: Notifier[] = [];
  if (config.slackWebhookUrl !== null) notifiers.push(slackNotifier({ webhookUrl: config.slackWebhookUrl, source }));
  if (config.pagerdutyRoutingKey !== null) notifiers.push(pagerDutyNotifier({ routingKey: config.pagerdutyRoutingKey, url: config.pagerdutyUrl, source }));
  if (config.webhookUrl !== null) notifiers.push(webhookNotifier({ url: config.webhookUrl, source }));
  return notifiers;
}
