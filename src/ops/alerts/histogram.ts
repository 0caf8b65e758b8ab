/** Histogram arithmetic over cumulative samples, as PromQL does it: increase over a window, then histogram_quantile. */
import type { HistogramSample } from "./samples.js";

/** The observations between `from` and `to`, bucket by bucket (a bucket missing from `from` counts from 0). */
export function histogramIncrease(from: HistogramSample | null | undefined, to: HistogramSample): HistogramSample {
  // Fewer observations than before means the histogram restarted: everything in `to` is new, as PromQL reads a reset.
  if (!from || histogramCount(to) < histogramCount(from)) return to;
  const before = new Map(from.buckets.map((b) => [b.le, b.count]));
  return { buckets: to.buckets.map((b) => ({ le: b.le, count: Math.max(0, b.count - (before.get(b.le) ?? 0)) })) };
}

/** Observations in the histogram (the +Inf bucket). */
export function histogramCount(histogram: HistogramSample): number {
  return histogram.buckets.at(-1)?.count ?? 0;
}

/**
 * The q-quantile (0..1) by linear interpolation inside the bucket it falls in, like PromQL's histogram_quantile:
 * the first bucket interpolates from 0; a quantile in the +Inf bucket is the highest finite bound. Null when the
 * histogram holds no observation.
 */
export function histogramQuantile(q: number, histogram: HistogramSample): number | null {
  const buckets = histogram.buckets;
  const total = histogramCount(histogram);
  if (buckets.length === 0 || total <= 0) return null;
  const rank = q * total;
  let previousLe = 0;
  let previousCount = 0;
  for (const [i, bucket] of buckets.entries()) {
    if (bucket.count >= rank) {
      if (bucket.le === Infinity) return i === 0 ? null : buckets[i - 1].le;
      const inBucket = bucket.count - previousCount;
      return inBucket <= 0 ? bucket.le : previousLe + (bucket.le - previousLe) * ((rank - previousCount) / inBucket);
    }
    previousLe = bucket.le;
    previousCount = bucket.count;
  }
  return buckets.at(-1)?.le ?? null;
}
