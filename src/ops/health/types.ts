/** What a health check is and what a round of them reports. */

export type HealthStatus = "healthy" | "degraded" | "unhealthy";

/** What one check finds; `detail` carries the measured numbers and thresholds (shown on /health/detailed). */
export interface HealthCheckOutcome {
  status: HealthStatus;
  detail?: Record<string, unknown>;
}

/** One dependency or resource to look at. `run` should resolve, not throw; a throw counts as unhealthy. */
export interface HealthCheck {
  name: string;
  run(): Promise<HealthCheckOutcome>;
}

export interface HealthCheckResult {
  name: string;
  status: HealthStatus;
  latencyMs: number;
  /** ISO 8601 instant the check started. */
  checkedAt: string;
  detail: Record<string, unknown>;
}

export interface HealthReport {
  /** The worst status of all checks ("healthy" when there are none). */
  status: HealthStatus;
  checks: HealthCheckResult[];
}

const SEVERITY: Record<HealthStatus, number> = { healthy: 0, degraded: 1, unhealthy: 2 };

/** The more severe of two statuses. */
export function worseOf(a: HealthStatus, b: HealthStatus): HealthStatus {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

/** "healthy" up to `degradedAt`, "degraded" above it, "unhealthy" above `unhealthyAt` (when given). */
export function byThreshold(value: number, degradedAbove: number, unhealthyAbove?: number): HealthStatus {
  if (unhealthyAbove !== undefined && value > unhealthyAbove) return "unhealthy";
  return value > degradedAbove ? "degraded" : "healthy";
}

/** Rounds a percentage or millisecond figure for display. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
