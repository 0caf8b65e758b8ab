/** Ordered, bounded, run-once shutdown: stop HTTP → wait in-flight → drain workers → close store → flush logs. */
import type { Logger } from "pino";
import { systemClock, type Clock } from "../ports/clock.js";

/** One stage of shutdown. `signal` aborts when the grace period is over: a step may use it to give up early. */
export interface ShutdownStep {
  name: string;
  run(signal: AbortSignal): Promise<void>;
}

export interface ShutdownOptions {
  /** Where each step and the outcome are logged. */
  logger: Pick<Logger, "info" | "warn" | "error">;
  /** Bound on the whole sequence (config server.shutdownGraceMs, default 10 000 there). */
  graceMs: number;
  /** Run in this order, each after the previous settled. */
  steps: readonly ShutdownStep[];
  clock?: Clock;
}

export interface ShutdownReport {
  /** The signal (or reason) that started the shutdown. */
  signal: string;
  /** Steps that resolved, in order. */
  completed: string[];
  /** Steps that threw; the sequence carried on after each. */
  failed: Array<{ name: string; error: string }>;
  /** Steps still running or never started when the grace period ran out. */
  unfinished: string[];
  timedOut: boolean;
  durationMs: number;
}

export interface Shutdown {
  /** Starts the shutdown, or joins the one under way (a second SIGTERM runs nothing twice). Never rejects. */
  run(signal: string): Promise<ShutdownReport>;
  /** True once run() was called. */
  readonly started: boolean;
}

/**
 * Creates the shutdown sequence. A failing step is logged and the next one still runs (the store must close even if
 * the queue would not drain). When graceMs elapses, the running step's signal aborts, nothing further starts, the
 * unfinished steps are logged, and run() resolves so the process can exit. The closing "shutdown complete" line is
 * written after the last step, so main should `await loggers.close()` once run() resolves, before process.exit.
 */
export function createShutdown(options: ShutdownOptions): Shutdown {
  const { logger, graceMs, steps } = options;
  const clock = options.clock ?? systemClock;
  let running: Promise<ShutdownReport> | null = null;

  async function sequence(signal: string): Promise<ShutdownReport> {
    const started = clock.now();
    const abort = new AbortController();
    const report: ShutdownReport = { signal, completed: [], failed: [], unfinished: [], timedOut: false, durationMs: 0 };
    logger.info({ signal, graceMs, steps: steps.map((s) => s.name) }, "shutdown started");

    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), graceMs);
    });

    let next = 0;
    const runSteps = async () => {
      // The timedOut check keeps later steps from starting once the grace period is over.
      for (; next < steps.length && !report.timedOut; next++) {
        const step = steps[next];
        const stepStarted = clock.now();
        try {
          await step.run(abort.signal);
          if (report.timedOut) return;
          report.completed.push(step.name);
          logger.info({ step: step.name, durationMs: clock.now() - stepStarted }, "shutdown step done");
        } catch (error) {
          if (report.timedOut) return;
          const message = error instanceof Error ? error.message : String(error);
          report.failed.push({ name: step.name, error: message });
          logger.error({ step: step.name, durationMs: clock.now() - stepStarted, err: error }, "shutdown step failed");
        }
      }
    };

    const outcome = await Promise.race([runSteps().then(() => "done" as const), graceOver]);
    clearTimeout(timer);
    if (outcome === "timeout") {
      report.timedOut = true;
      report.unfinished = steps.slice(next).map((s) => s.name);
      abort.abort(new Error(`shutdown grace period of ${graceMs} ms is over`));
      logger.warn({ signal, graceMs, unfinished: report.unfinished }, "shutdown grace period over; exiting with steps unfinished");
    }
    report.durationMs = clock.now() - started;
    logger.info(
      { signal, durationMs: report.durationMs, completed: report.completed, failed: report.failed.map((f) => f.name), timedOut: report.timedOut },
      "shutdown complete",
    );
    return report;
  }

  return {
    run(signal) {
      if (running) {
        logger.info({ signal }, "shutdown already in progress");
        return running;
      }
      running = sequence(signal);
      return running;
    },
    get started() {
      return running !== null;
    },
  };
}
