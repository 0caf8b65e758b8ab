/** In-process alerting put together from the configuration: evaluator → log line per transition → dispatcher. */
import { hostname } from "node:os";
import type { Logger } from "pino";
import type { AppConfig } from "../../config/types.js";
import type { Clock } from "../../ports/clock.js";
import { type AlertEvaluator, createEvaluator } from "./evaluator.js";
import { createDispatcher, type Dispatcher } from "./notifiers/dispatcher.js";
import type { DeliveryOptions } from "./notifiers/deliver.js";
import { notifiersFromConfig } from "./notifiers/fromConfig.js";
import { levelOf } from "./notifiers/types.js";
import type { SampleSource } from "./samples.js";
import type { AlertRule } from "./types.js";

export interface AlertingOptions {
  config: Readonly<AppConfig["alerts"]>;
  source: SampleSource;
  clock: Clock;
  logger: Pick<Logger, "info" | "warn" | "error">;
  /** The instance notifications name as their source; default the host name. */
  instance?: string;
  /** Default ALERT_RULES. */
  rules?: readonly AlertRule[];
  delivery?: Partial<Omit<DeliveryOptions, "signal">>;
  /** How long stop() lets deliveries under way finish before cancelling them; default 3 000 ms. */
  closeTimeoutMs?: number;
  /**
   * Whether this process sends notifications and logs transitions (default always). Of several processes that
   * evaluate the same readings (the workers of `serve --workers N`), one leads, so each alert is told once.
   */
  leads?: () => boolean;
}

export interface Alerting {
  /** Also what GET /alerts reads. */
  evaluator: AlertEvaluator;
  dispatcher: Dispatcher;
  /** Starts evaluating every alerts.evaluationIntervalSeconds; does nothing when alerts.enabled is false. */
  start(): void;
  /** Stops evaluating, then lets pending notifications finish (bounded by `signal` and closeTimeoutMs). */
  stop(signal?: AbortSignal): Promise<void>;
}

export function createAlerting(options: AlertingOptions): Alerting {
  const { config, logger } = options;
  const notifiers = notifiersFromConfig(config, options.instance ?? hostname());
  const leads = options.leads ?? (() => true);
  const dispatcher = createDispatcher({ notifiers, logger, delivery: options.delivery, now: () => options.clock.now() });
  const evaluator = createEvaluator({
    source: options.source,
    rules: options.rules,
    clock: options.clock,
    intervalMs: config.evaluationIntervalSeconds * 1000,
    notify: (t) => {
      if (leads()) dispatcher.notify(t);
    },
    // The alert's trail in the application log, even with no notifier configured.
    onTransition: (t) => {
      if (!leads()) return;
      const fields = { alert: t.fingerprint, level: levelOf(t), value: t.value, summary: t.summary };
      if (t.status === "firing") logger.warn(fields, "alert firing");
      else logger.info(fields, "alert resolved");
    },
    onError: (error, { rule }) => logger.warn({ err: error, rule }, "alert evaluation failed"),
  });
  let started = false;
  return {
    evaluator,
    dispatcher,
    start() {
      if (!config.enabled || started) return;
      started = true;
      evaluator.start();
      logger.info({ intervalSeconds: config.evaluationIntervalSeconds, notifiers: notifiers.map((n) => n.name) }, "alert evaluation started");
    },
    async stop(signal) {
      await evaluator.stop();
      const bound = AbortSignal.timeout(options.closeTimeoutMs ?? 3_000);
      await dispatcher.close(signal ? AbortSignal.any([signal, bound]) : bound);
    },
  };
}
