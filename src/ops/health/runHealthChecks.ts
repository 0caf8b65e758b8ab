/** Runs health checks side by side, each bounded by a timeout, and reduces them to one status. */
import type { Clock } from "../../ports/clock.js";
import { maskUrlCredentials } from "../maskSecrets.js";
import { worseOf, type HealthCheck, type HealthCheckResult, type HealthReport, type HealthStatus } from "./types.js";

/** How long a check may take before it counts as unhealthy; default 2 000 ms. */
export const DEFAULT_CHECK_TIMEOUT_MS = 2_000;

/**
 * Runs every check concurrently. A check that throws, or has not answered after `timeoutMs`, is "unhealthy" with the
 * reason in detail.error (the hung promise is left to settle on its own). The overall status is the worst one.
 */
export async function runHealthChecks(
  checks: readonly HealthCheck[],
  clock: Clock,
  options: { timeoutMs?: number } = {},
): Promise<HealthReport> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const results = await Promise.all(checks.map((check) => runOne(check, clock, timeoutMs)));
  const status = results.reduce<HealthStatus>((worst, r) => worseOf(worst, r.status), "healthy");
  return { status, checks: results };
}

async function runOne(check: HealthCheck, clock: Clock, timeoutMs: number): Promise<HealthCheckResult> {
  const started = clock.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  let status: HealthStatus;
  let detail: Record<string, unknown>;
  try {
    // Promise.resolve().then() turns a synchronous throw inside run() into a rejection too.
    const outcome = await Promise.race([Promise.resolve().then(() => check.run()), timeout]);
    status = outcome.status;
    detail = outcome.detail ?? {};
  } catch (error) {
    status = "unhealthy";
    // Driver errors may quote a connection string; detail can end up on a public endpoint.
    detail = { error: maskUrlCredentials(error instanceof Error ? error.message : String(error)) };
  } finally {
    clearTimeout(timer);
  }
  return { name: check.name, status, latencyMs: clock.now() - started, checkedAt: new Date(started).toISOString(), detail };
}
