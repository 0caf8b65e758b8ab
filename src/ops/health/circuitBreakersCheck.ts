/** Health of outbound dependencies guarded by circuit breakers (LLM backends, webhooks). */
import type { HealthCheck } from "./types.js";

export interface CircuitBreakersCheckOptions {
  /** Names of the breakers currently open. */
  openBreakers: () => readonly string[] | Promise<readonly string[]>;
  /** Default "circuitBreakers". */
  name?: string;
}

/** Degraded while any breaker is open: the service answers, without that dependency. */
export function circuitBreakersCheck(options: CircuitBreakersCheckOptions): HealthCheck {
  return {
    name: options.name ?? "circuitBreakers",
    async run() {
      const open = [...(await options.openBreakers())];
      return { status: open.length > 0 ? "degraded" : "healthy", detail: { open } };
    },
  };
}
