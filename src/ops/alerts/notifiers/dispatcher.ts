/**
 * Sends alert transitions to every notifier, once: a firing alert is notified when it starts firing (and again
 * only after `repeatIntervalMs`, if set), its resolution once, and nothing for an alert never notified as firing.
 * Deliveries to one notifier about one alert go in order, so a RESOLVED never overtakes its trigger.
 */
import type { Logger } from "pino";
import type { AlertTransition } from "../types.js";
import { deliver, type DeliveryOptions, type DeliveryResult } from "./deliver.js";
import { levelOf, type Notifier } from "./types.js";

export interface DispatcherOptions {
  notifiers: readonly Notifier[];
  logger: Pick<Logger, "info" | "warn" | "error">;
  /** Re-send a still-firing alert after this long; default 0: never (one notification per transition). */
  repeatIntervalMs?: number;
  /** Retry and timeout settings (deliver.ts DEFAULT_DELIVERY otherwise); `signal` is the dispatcher's own. */
  delivery?: Partial<Omit<DeliveryOptions, "signal">>;
  /** Epoch ms for the repeat interval; default Date.now. */
  now?: () => number;
}

export interface Dispatcher {
  /** Queues the transition to every notifier unless it repeats one already sent. Never throws. */
  notify(transition: AlertTransition): void;
  /** Resolves when every delivery queued so far has finished (succeeded or given up). */
  idle(): Promise<void>;
  /** Stops taking notifications and waits for the deliveries under way; when `signal` aborts, cancels them. */
  close(signal?: AbortSignal): Promise<void>;
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { notifiers, logger } = options;
  const repeatMs = options.repeatIntervalMs ?? 0;
  const now = options.now ?? Date.now;
  const cancel = new AbortController();
  // Firing episodes notified so far, by fingerprint: when (startsAt) the episode began and when it was last sent.
  const sent = new Map<string, { startsAt: string; lastSentAt: number }>();
  // The last delivery queued per notifier and alert: the next one waits for it.
  const tails = new Map<string, Promise<void>>();
  let closed = false;

  function shouldSend(t: AlertTransition): boolean {
    const previous = sent.get(t.fingerprint);
    const sameEpisode = previous?.startsAt === t.startsAt;
    if (t.status === "resolved") {
      if (!sameEpisode) return false;
      sent.delete(t.fingerprint);
      return true;
    }
    if (sameEpisode && (repeatMs <= 0 || now() - previous.lastSentAt < repeatMs)) return false;
    sent.set(t.fingerprint, { startsAt: t.startsAt, lastSentAt: now() });
    return true;
  }

  function enqueue(notifier: Notifier, t: AlertTransition): void {
    const key = `${notifier.name}\u0000${t.fingerprint}`;
    const run = async () => {
      let result: DeliveryResult;
      try {
        result = await deliver(notifier.request(t), {
          ...options.delivery,
          signal: cancel.signal,
          onRetry: ({ attempt, delayMs, reason }) => logger.warn({ notifier: notifier.name, alert: t.fingerprint, status: t.status, attempt, delayMs, reason }, "alert notification failed; retrying"),
        });
      } catch (error) {
        result = { ok: false, attempts: 0, reason: (error as Error).message };
      }
      const fields = { notifier: notifier.name, alert: t.fingerprint, level: levelOf(t), attempts: result.attempts, httpStatus: result.status };
      if (result.ok) logger.info(fields, "alert notification sent");
      else logger.error({ ...fields, reason: result.reason }, "alert notification given up");
    };
    const tail = (tails.get(key) ?? Promise.resolve()).then(run);
    tails.set(key, tail);
    void tail.finally(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
  }

  const idle = async () => {
    while (tails.size > 0) await Promise.all([...tails.values()]);
  };

  return {
    notify(t) {
      if (closed || notifiers.length === 0 || !shouldSend(t)) return;
      for (const notifier of notifiers) enqueue(notifier, t);
    },
    idle,
    async close(signal) {
      closed = true;
      if (signal?.aborted) cancel.abort();
      else signal?.addEventListener("abort", () => cancel.abort(), { once: true });
      await idle();
    },
  };
}
