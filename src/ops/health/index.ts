/** Health checks: the types, the runner, one check per file, and the service's standard set. */
export * from "./types.js";
export * from "./runHealthChecks.js";
export * from "./databaseCheck.js";
export * from "./diskSpaceCheck.js";
export * from "./memoryCheck.js";
export * from "./eventLoopDelayCheck.js";
export * from "./cacheHitRateCheck.js";
export * from "./circuitBreakersCheck.js";
export * from "./standardChecks.js";
