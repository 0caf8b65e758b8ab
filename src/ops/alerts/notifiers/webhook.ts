/** The generic webhook: the alert itself as JSON, with status FIRING or RESOLVED and its level. */
import type { AlertTransition } from "../types.js";
import { levelOf, type Notifier } from "./types.js";

export interface WebhookOptions {
  url: string;
  /** The instance the alert is about (host name). */
  source: string;
}

/** POSTs `{ version: 1, status: "FIRING" | "RESOLVED", level, service, source, alert: {…} }`. */
export function webhookNotifier(options: WebhookOptions): Notifier {
  return {
    name: "webhook",
    request: (t) => ({ url: options.url, body: webhookBody(t, options.source) }),
  };
}

export function webhookBody(t: AlertTransition, source: string) {
  const { status, ...alert } = t;
  return { version: 1, status: status === "firing" ? "FIRING" : "RESOLVED", level: levelOf(t), service: "calendar-api", source, alert };
}
