/** A notifier turns an alert transition into one HTTP request in its receiver's protocol; delivery is deliver.ts's job. */
import type { AlertTransition, Severity } from "../types.js";

/** The word a message leads with: the severity while firing, RESOLVED once it resolved. */
export type NotificationLevel = "INFO" | "WARNING" | "CRITICAL" | "RESOLVED";

/** A JSON POST to make. */
export interface NotificationRequest {
  url: string;
  body: unknown;
}

export interface Notifier {
  /** For logs: "slack", "pagerduty", "webhook". Never the URL, which is a secret. */
  readonly name: string;
  request(transition: AlertTransition): NotificationRequest;
}

const LEVELS: Record<Severity, NotificationLevel> = { info: "INFO", warning: "WARNING", critical: "CRITICAL" };

export function levelOf(transition: Pick<AlertTransition, "status" | "severity">): NotificationLevel {
  return transition.status === "resolved" ? "RESOLVED" : LEVELS[transition.severity];
}

/** "[CRITICAL] HighErrorRate: Calendar API error rate above 10%": the one line every receiver shows first. */
export function headline(transition: AlertTransition): string {
  return `[${levelOf(transition)}] ${transition.name}: ${transition.summary}`;
}
