/** Health of the parse cache: a hit rate too low to be doing its job. */
import type { CacheStats } from "../../ports/cache.js";
import { round2, type HealthCheck } from "./types.js";

export interface CacheHitRateCheckOptions {
  /** The cache's counters (Cache.stats). */
  stats: () => Pick<CacheStats, "hits" | "misses">;
  /** Hit rate (0..1) below which the check is degraded; default 0.3, the deployment guide's alert. */
  minHitRate?: number;
  /** Lookups needed before the rate means anything; default 100 (a fresh process has a 0 % rate). */
  minLookups?: number;
  /** Default "cache". */
  name?: string;
}

/** Degraded below minHitRate once there were at least minLookups lookups; never unhealthy (a cold cache still works). */
export function cacheHitRateCheck(options: CacheHitRateCheckOptions): HealthCheck {
  const minHitRate = options.minHitRate ?? 0.3;
  const minLookups = options.minLookups ?? 100;
  return {
    name: options.name ?? "cache",
    async run() {
      const { hits, misses } = options.stats();
      const lookups = hits + misses;
      const hitRate = lookups === 0 ? 0 : hits / lookups;
      return {
        status: lookups >= minLookups && hitRate < minHitRate ? "degraded" : "healthy",
        detail: { hits, misses, hitRate: round2(hitRate), minHitRate, minLookups },
      };
    },
  };
}
