/** In-process alerting for deployments without Prometheus: rules, evaluator, notifiers, and their assembly. */
export * from "./types.js";
export * from "./samples.js";
export * from "./history.js";
export * from "./histogram.js";
export * from "./rules.js";
export * from "./ringBuffer.js";
export * from "./evaluator.js";
export * from "./metricsSource.js";
export * from "./alerting.js";
export * from "./notifiers/index.js";
