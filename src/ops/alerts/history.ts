/** The recent samples, oldest first, so rules can take rates over a window as PromQL's rate/increase do. */
import type { Sample } from "./samples.js";

/** The first and last samples of a window. */
export interface SampleWindow {
  first: Sample;
  last: Sample;
}

export interface SampleHistory {
  add(sample: Sample): void;
  /** The newest sample; undefined before the first. */
  latest(): Sample | undefined;
  /** The oldest sample at most `windowMs` older than the newest, and the newest; null with fewer than two there. */
  window(windowMs: number): SampleWindow | null;
  readonly size: number;
}

/** Keeps the samples of the last `retainMs` (default 10 minutes: twice the longest window the rules use). */
export function createSampleHistory(retainMs = 10 * 60_000): SampleHistory {
  const samples: Sample[] = [];
  return {
    add(sample) {
      samples.push(sample);
      const horizon = sample.at - retainMs;
      while (samples.length > 2 && samples[0].at < horizon) samples.shift();
    },
    latest: () => samples.at(-1),
    window(windowMs) {
      const last = samples.at(-1);
      if (last === undefined) return null;
      const first = samples.find((s) => s.at >= last.at - windowMs);
      return first === undefined || first === last ? null : { first, last };
    },
    get size() {
      return samples.length;
    },
  };
}
