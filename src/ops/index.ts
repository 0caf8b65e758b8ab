/** Operations: loggers, metrics, health, readiness and shutdown — created once in main/ and injected everywhere else. */
export * from "./logger.js";
export * from "./logSink.js";
export * from "./maskSecrets.js";
export * from "./metrics.js";
export * from "./clusterMetrics.js";
export * from "./health/index.js";
export * from "./lifecycle.js";
export * from "./shutdown.js";
