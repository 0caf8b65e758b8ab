/** The service's health checks, put together from the config's health slice and the live dependencies. */
import type { AppConfig } from "../../config/types.js";
import type { CacheStats } from "../../ports/cache.js";
import { cacheHitRateCheck } from "./cacheHitRateCheck.js";
import { circuitBreakersCheck } from "./circuitBreakersCheck.js";
import { databaseCheck } from "./databaseCheck.js";
import { diskSpaceCheck } from "./diskSpaceCheck.js";
import { eventLoopDelayCheck, type EventLoopDelaySampler } from "./eventLoopDelayCheck.js";
import { memoryCheck } from "./memoryCheck.js";
import type { HealthCheck } from "./types.js";

export interface StandardCheckDeps {
  /** EventStore.ping. */
  ping: () => Promise<void>;
  /** The directory whose disk is watched (config store.dataDir). */
  dataDir: string;
  eventLoop: EventLoopDelaySampler;
  /** Cache.stats, when there is a cache. */
  cacheStats?: () => Pick<CacheStats, "hits" | "misses">;
  /** Open circuit breakers, when there are any breakers. */
  openBreakers?: () => readonly string[] | Promise<readonly string[]>;
}

/** In display order: database, disk, memory, event loop, then cache and breakers when provided. */
export function standardHealthChecks(config: AppConfig["health"], deps: StandardCheckDeps): HealthCheck[] {
  const checks: HealthCheck[] = [
    databaseCheck({ ping: deps.ping }),
    diskSpaceCheck({ dir: deps.dataDir, degradedPercent: config.diskThresholdPercent }),
    memoryCheck({ degradedPercent: config.memoryThresholdPercent }),
    eventLoopDelayCheck({ sampler: deps.eventLoop, thresholdMs: config.eventLoopDelayThresholdMs }),
  ];
  if (deps.cacheStats) checks.push(cacheHitRateCheck({ stats: deps.cacheStats }));
  if (deps.openBreakers) checks.push(circuitBreakersCheck({ openBreakers: deps.openBreakers }));
  return checks;
}
