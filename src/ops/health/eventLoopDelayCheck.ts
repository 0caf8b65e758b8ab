/** Health of the event loop: the p99 delay of timers since the previous check. */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { byThreshold, round2, type HealthCheck } from "./types.js";

/** Event-loop delay percentiles in milliseconds over the sampling window; samples 0 means none yet. */
export interface EventLoopDelaySample {
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface EventLoopDelaySampler {
  /** The window since the previous sample() (or start), then starts a new window. */
  sample(): EventLoopDelaySample;
  /** Stops the underlying timer; call on shutdown. */
  stop(): void;
}

/** A sampler over perf_hooks.monitorEventLoopDelay; `resolutionMs` default 20 (the timer granularity). */
export function createEventLoopDelaySampler(resolutionMs = 20): EventLoopDelaySampler {
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  histogram.enable();
  const ms = (ns: number) => ns / 1e6;
  return {
    sample() {
      const s: EventLoopDelaySample =
        histogram.count === 0
          ? { samples: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 }
          : { samples: histogram.count, p50Ms: ms(histogram.percentile(50)), p99Ms: ms(histogram.percentile(99)), maxMs: ms(histogram.max) };
      histogram.reset();
      return s;
    },
    stop: () => histogram.disable(),
  };
}

export interface EventLoopDelayCheckOptions {
  sampler: EventLoopDelaySampler;
  /** p99 delay above which the check is degraded; config health.eventLoopDelayThresholdMs (default here 100). */
  thresholdMs?: number;
  /** p99 delay above which it is unhealthy; default none. */
  unhealthyMs?: number;
  /** Default "eventLoop". */
  name?: string;
}

/**
 * Degraded when the loop's p99 delay exceeds the threshold. The window is "since the previous check", so probe at a
 * steady interval; an empty window (checked twice within one resolution tick) is healthy.
 */
export function eventLoopDelayCheck(options: EventLoopDelayCheckOptions): HealthCheck {
  const thresholdMs = options.thresholdMs ?? 100;
  return {
    name: options.name ?? "eventLoop",
    async run() {
      const s = options.sampler.sample();
      return {
        status: s.samples === 0 ? "healthy" : byThreshold(s.p99Ms, thresholdMs, options.unhealthyMs),
        detail: { samples: s.samples, p50Ms: round2(s.p50Ms), p99Ms: round2(s.p99Ms), maxMs: round2(s.maxMs), thresholdMs },
      };
    },
  };
}
