/** Slack incoming-webhook messages (also understood by Mattermost, Rocket.Chat and Discord's /slack endpoint). */
import type { AlertTransition } from "../types.js";
import { headline, levelOf, type NotificationLevel, type Notifier } from "./types.js";

/** Attachment bar colours: red, amber, blue while firing; green once resolved. */
const COLOURS: Record<NotificationLevel, string> = { CRITICAL: "#d00000", WARNING: "#daa038", INFO: "#439fe0", RESOLVED: "#2eb886" };

export interface SlackOptions {
  webhookUrl: string;
  /** The instance the alert is about (host name), shown in the footer. */
  source: string;
}

/** POSTs `{ text, attachments: [{ color, title, title_link, text, fields, footer, ts }] }`. */
export function slackNotifier(options: SlackOptions): Notifier {
  return {
    name: "slack",
    request: (t) => ({ url: options.webhookUrl, body: slackMessage(t, options.source) }),
  };
}

export function slackMessage(t: AlertTransition, source: string) {
  const text = headline(t);
  const fields = [
    { title: "Severity", value: t.severity, short: true },
    { title: "Value", value: String(t.value), short: true },
    ...Object.entries(t.labels).map(([title, value]) => ({ title, value, short: true })),
    { title: "Started", value: t.startsAt, short: true },
    ...(t.endsAt === null ? [] : [{ title: "Resolved", value: t.endsAt, short: true }]),
  ];
  return {
    text,
    attachments: [
      {
        fallback: text,
        color: COLOURS[levelOf(t)],
        title: t.summary,
        title_link: t.runbookUrl,
        text: t.description,
        fields,
        footer: `calendar-api on ${source}`,
        ts: Math.floor(Date.parse(t.at) / 1000),
      },
    ],
  };
}
