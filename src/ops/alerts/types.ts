/** The vocabulary of in-process alerting: rules, the alerts they raise, and the transitions that are notified. */
import type { SampleHistory } from "./history.js";

/** The seed alerts' severities (the SLO tiers page/ticket are Prometheus-only). */
export type Severity = "info" | "warning" | "critical";

/** Labels telling apart the instances of one rule (e.g. `{ component: "parser" }`); `{}` for most rules. */
export type AlertLabels = Readonly<Record<string, string>>;

/** One instance of a rule's condition holding now, with the value that tripped it. */
export interface Breach {
  labels: AlertLabels;
  value: number;
}

/** An alert condition evaluated in-process, the counterpart of one rule in deploy/prometheus/rules/alerts.yml. */
export interface AlertRule {
  /** The Prometheus alert name where there is one (HighErrorRate…). */
  name: string;
  severity: Severity;
  /** What the rule is about, for PagerDuty's `component` when the breach has no component label. */
  component: string;
  /** The condition must hold this long before the alert fires (Prometheus `for`); 0 fires at once. */
  forMs: number;
  /** Anchor of its section in docs/operations.md, as docs/alerts.md lists them ("high-error-rate"). */
  runbook: string;
  summary(breach: Breach): string;
  description(breach: Breach): string;
  /** The instances breaching now; [] when the condition does not hold or there is not enough data. */
  evaluate(history: SampleHistory): Breach[];
}

/** Where an alert is: pending (condition holds, `for` not yet elapsed) or firing. */
export type AlertState = "pending" | "firing";

/** An alert as GET /alerts shows it. Times are ISO 8601. */
export interface ActiveAlert {
  name: string;
  /** Rule name plus sorted labels: one alert per rule instance; PagerDuty's dedup key. */
  fingerprint: string;
  state: AlertState;
  severity: Severity;
  component: string;
  labels: AlertLabels;
  /** The value at the last evaluation. */
  value: number;
  summary: string;
  description: string;
  runbookUrl: string;
  /** When the condition started to hold. */
  activeAt: string;
  /** When it started firing; null while pending. */
  firedAt: string | null;
}

/**
 * A change worth notifying and keeping in the history: an alert started firing, or a firing alert resolved. The
 * evaluator also re-presents each firing alert on every evaluation (same `startsAt`); the dispatcher deduplicates.
 */
export interface AlertTransition extends Omit<ActiveAlert, "state" | "activeAt" | "firedAt"> {
  status: "firing" | "resolved";
  /** When this was observed (ISO 8601). */
  at: string;
  /** When the alert started firing: with the fingerprint, it names one firing episode. */
  startsAt: string;
  /** When it resolved; null while firing. */
  endsAt: string | null;
}

/** Reads the evaluator's state (GET /alerts). */
export interface AlertsReader {
  /** Pending and firing alerts, most severe first. */
  active(): ActiveAlert[];
  /** The last `limit` transitions, newest first. */
  recent(limit?: number): AlertTransition[];
  /** When the rules were last evaluated (ISO 8601); null before the first evaluation. */
  lastEvaluation(): string | null;
}

/** Where docs/operations.md lives; every runbook link is this plus "#" and the anchor (as in alerts.yml). */
export const RUNBOOK_BASE_URL = "https://github.com/calendar-api/calendar-api/blob/main/docs/operations.md";
