/**
 * Evaluates the alert rules on a sample every interval, with Prometheus' `for` semantics: a condition that starts
 * to hold makes its alert pending; still holding `for` later, it fires; once it stops holding, a firing alert
 * resolves and a pending one is dropped. Keeps the active alerts and the last 1,000 transitions (firing, resolved).
 */
import type { Clock } from "../../ports/clock.js";
import { createSampleHistory } from "./history.js";
import { createRingBuffer } from "./ringBuffer.js";
import { ALERT_RULES } from "./rules.js";
import type { SampleSource } from "./samples.js";
import { type ActiveAlert, type AlertLabels, type AlertRule, type AlertsReader, type AlertTransition, type Breach, RUNBOOK_BASE_URL, type Severity } from "./types.js";

/** How many transitions GET /alerts can look back on. */
export const HISTORY_SIZE = 1_000;

export interface EvaluatorOptions {
  source: SampleSource;
  /** Default ALERT_RULES. */
  rules?: readonly AlertRule[];
  /** Time source of start()'s ticks; tests call tick(now) themselves. */
  clock: Clock;
  /** Milliseconds between evaluations once started (config alerts.evaluationIntervalSeconds × 1000). */
  intervalMs: number;
  /** Transitions kept; default HISTORY_SIZE. */
  historySize?: number;
  /**
   * Told after every evaluation of each firing alert (again on every tick, so a dispatcher can repeat) and of each
   * resolution (once). Must not throw; the dispatcher deduplicates.
   */
  notify?: (transition: AlertTransition) => void;
  /** Told of each transition as it is recorded in the history (once per firing, once per resolution). */
  onTransition?: (transition: AlertTransition) => void;
  /** Told when reading the sample or evaluating a rule fails; that tick (or rule) changes nothing. */
  onError?: (error: unknown, context: { rule?: string }) => void;
}

export interface AlertEvaluator extends AlertsReader {
  /** Reads one sample stamped `now` and evaluates every rule on it. */
  tick(now: number): Promise<void>;
  /** Evaluates now and then every intervalMs (unref'd timers) until stop(). */
  start(): void;
  /** Stops the schedule and waits for a tick under way. */
  stop(): Promise<void>;
}

interface Entry {
  rule: AlertRule;
  fingerprint: string;
  breach: Breach;
  activeAt: number;
  firedAt: number | null;
}

const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** "HighComponentLatency{component=\"parser\"}": the rule name and its labels, sorted. */
export function fingerprint(name: string, labels: AlertLabels): string {
  const pairs = Object.keys(labels).sort().map((k) => `${k}=${JSON.stringify(labels[k])}`);
  return pairs.length === 0 ? name : `${name}{${pairs.join(",")}}`;
}

export function createEvaluator(options: EvaluatorOptions): AlertEvaluator {
  const rules = options.rules ?? ALERT_RULES;
  const notify = options.notify ?? (() => undefined);
  const onTransition = options.onTransition ?? (() => undefined);
  const onError = options.onError ?? (() => undefined);
  const history = createSampleHistory();
  const transitions = createRingBuffer<AlertTransition>(options.historySize ?? HISTORY_SIZE);
  const active = new Map<string, Entry>();
  let lastEvaluation: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const iso = (ms: number) => new Date(ms).toISOString();
  const view = ({ rule, fingerprint: fp, breach, activeAt, firedAt }: Entry): ActiveAlert => ({
    name: rule.name,
    fingerprint: fp,
    state: firedAt === null ? "pending" : "firing",
    severity: rule.severity,
    component: breach.labels.component ?? rule.component,
    labels: breach.labels,
    value: breach.value,
    summary: rule.summary(breach),
    description: rule.description(breach),
    runbookUrl: `${RUNBOOK_BASE_URL}#${rule.runbook}`,
    activeAt: iso(activeAt),
    firedAt: firedAt === null ? null : iso(firedAt),
  });
  const transition = (entry: Entry, status: AlertTransition["status"], now: number): AlertTransition => {
    const { state: _state, activeAt: _activeAt, firedAt: _firedAt, ...alert } = view(entry);
    return { status, at: iso(now), ...alert, startsAt: iso(entry.firedAt ?? now), endsAt: status === "resolved" ? iso(now) : null };
  };

  async function tick(now: number): Promise<void> {
    let reading;
    try {
      reading = await options.source();
    } catch (error) {
      onError(error, {});
      return;
    }
    history.add({ ...reading, at: now });
    const holding = new Set<string>();
    const fired: AlertTransition[] = [];
    for (const rule of rules) {
      let breaches: Breach[];
      try {
        breaches = rule.evaluate(history);
      } catch (error) {
        onError(error, { rule: rule.name });
        // A rule that cannot be evaluated keeps its alerts as they were rather than resolving them.
        for (const [fp, entry] of active) if (entry.rule === rule) holding.add(fp);
        continue;
      }
      for (const breach of breaches) {
        const fp = fingerprint(rule.name, breach.labels);
        holding.add(fp);
        const entry = active.get(fp) ?? { rule, fingerprint: fp, breach, activeAt: now, firedAt: null };
        entry.breach = breach;
        active.set(fp, entry);
        if (entry.firedAt === null && now - entry.activeAt >= rule.forMs) {
          entry.firedAt = now;
          fired.push(transition(entry, "firing", now));
        }
      }
    }
    const resolved: AlertTransition[] = [];
    for (const [fp, entry] of active) {
      if (holding.has(fp)) continue;
      active.delete(fp);
      // A pending alert that stops holding never fired: nothing to resolve or notify.
      if (entry.firedAt !== null) resolved.push(transition(entry, "resolved", now));
    }
    lastEvaluation = now;
    for (const t of [...fired, ...resolved]) {
      transitions.push(t);
      onTransition(t);
    }
    for (const entry of active.values()) if (entry.firedAt !== null) notify(transition(entry, "firing", now));
    for (const t of resolved) notify(t);
  }

  function schedule(delayMs: number): void {
    timer = setTimeout(() => {
      running = tick(options.clock.now()).finally(() => {
        running = null;
        if (!stopped) schedule(options.intervalMs);
      });
    }, delayMs);
    timer.unref();
  }

  return {
    tick,
    start() {
      if (timer !== null || stopped) return;
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      await running;
    },
    active: () =>
      [...active.values()]
        .sort((a, b) => SEVERITY_ORDER[a.rule.severity] - SEVERITY_ORDER[b.rule.severity] || a.activeAt - b.activeAt)
        .map(view),
    recent: (limit) => transitions.newest(limit),
    lastEvaluation: () => (lastEvaluation === null ? null : iso(lastEvaluation)),
  };
}
