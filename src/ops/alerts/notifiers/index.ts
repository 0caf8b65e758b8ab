/** Alert notifications: the three receiver protocols, delivery with retries, and the deduplicating dispatcher. */
export * from "./types.js";
export * from "./slack.js";
export * from "./pagerduty.js";
export * from "./webhook.js";
export * from "./deliver.js";
export * from "./dispatcher.js";
export * from "./fromConfig.js";
