/** Health of the event store: one round trip to the database. */
import type { Clock } from "../../ports/clock.js";
import { systemClock } from "../../ports/clock.js";
import type { HealthCheck } from "./types.js";

export interface DatabaseCheckOptions {
  /** A round trip that throws when the database is unreachable (EventStore.ping). */
  ping: () => Promise<void>;
  /** A round trip slower than this is "degraded"; default 1 000 ms. */
  slowMs?: number;
  /** Default "database". */
  name?: string;
  clock?: Clock;
}

/** Healthy when ping resolves quickly, degraded when it is slow, unhealthy when it throws. */
export function databaseCheck(options: DatabaseCheckOptions): HealthCheck {
  const slowMs = options.slowMs ?? 1_000;
  const clock = options.clock ?? systemClock;
  return {
    name: options.name ?? "database",
    async run() {
      const started = clock.now();
      await options.ping();
      const roundTripMs = clock.now() - started;
      return { status: roundTripMs > slowMs ? "degraded" : "healthy", detail: { roundTripMs, slowMs } };
    },
  };
}
