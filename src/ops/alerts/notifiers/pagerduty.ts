/** PagerDuty Events API v2: trigger on firing, resolve on resolution, one incident per alert through dedup_key. */
import type { AlertTransition } from "../types.js";
import { headline, levelOf, type Notifier } from "./types.js";

/** The public Events API v2 endpoint (config alerts.pagerdutyUrl's default). */
export const PAGERDUTY_EVENTS_URL = "https://events.pagerduty.com/v2/enqueue";
/** PagerDuty cuts summaries longer than this. */
const MAX_SUMMARY = 1024;

export interface PagerDutyOptions {
  routingKey: string;
  /** Default PAGERDUTY_EVENTS_URL. */
  url?: string | null;
  /** The instance the alert is about (host name). */
  source: string;
}

/** POSTs `{ routing_key, event_action, dedup_key, payload: { summary, severity, source, component, … }, links }`. */
export function pagerDutyNotifier(options: PagerDutyOptions): Notifier {
  return {
    name: "pagerduty",
    request: (t) => ({ url: options.url ?? PAGERDUTY_EVENTS_URL, body: pagerDutyEvent(t, options.routingKey, options.source) }),
  };
}

export function pagerDutyEvent(t: AlertTransition, routingKey: string, source: string) {
  return {
    routing_key: routingKey,
    event_action: t.status === "firing" ? "trigger" : "resolve",
    // The same key for trigger and resolve closes the incident the trigger opened.
    dedup_key: `calendar-api/${t.fingerprint}`,
    client: "calendar-api",
    // Optional on resolve; sent anyway so the incident log shows what resolved. Our severities are PagerDuty's words.
    payload: {
      summary: headline(t).slice(0, MAX_SUMMARY),
      severity: t.severity,
      source,
      component: t.component,
      group: "calendar-api",
      class: t.name,
      timestamp: t.status === "firing" ? t.startsAt : (t.endsAt ?? t.at),
      custom_details: { level: levelOf(t), description: t.description, value: t.value, labels: t.labels, runbook_url: t.runbookUrl, starts_at: t.startsAt, ends_at: t.endsAt },
    },
    links: [{ href: t.runbookUrl, text: "Runbook" }],
  };
}
