/** The clock port: "now" is injected so use cases and tests agree on time. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** The process clock. */
export const systemClock: Clock = { now: () => Date.now() };
