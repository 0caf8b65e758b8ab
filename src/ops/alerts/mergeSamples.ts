/**
 * Several processes' samples read as one service's (the workers of `serve --workers N`), and a sample's encoding
 * for a channel that speaks JSON (node:cluster's IPC turns the +Inf bucket bound into null).
 *
 * How each field combines follows what the rules read: counters and histograms add up; the resident set size is
 * the largest process's (the memory rule's threshold is per process); the cache hit rate is weighted by each
 * process's lookups (which is the summed hits over the summed lookups); the accuracy is the lowest score; an LLM
 * backend is available only where every process that reports it finds it so; the database is up only if every
 * process that probed it reached it.
 */
import type { HistogramSample, Sample } from "./samples.js";

export type Reading = Omit<Sample, "at">;

/** Cumulative histograms with the same bounds or not: counts added per bound (a bound one lacks adds nothing). */
function sumHistograms(all: ReadonlyArray<HistogramSample | null>): HistogramSample | null {
  const present = all.filter((h): h is HistogramSample => h !== null);
  if (present.length === 0) return null;
  const counts = new Map<number, number>();
  for (const h of present) for (const { le, count } of h.buckets) counts.set(le, (counts.get(le) ?? 0) + count);
  return { buckets: [...counts].sort(([a], [b]) => a - b).map(([le, count]) => ({ le, count })) };
}

/** The readings of several processes as one reading of the whole service. */
export function mergeReadings(readings: readonly Reading[]): Reading {
  const numbers = (pick: (r: Reading) => number | null) => readings.map(pick).filter((v): v is number => v !== null);
  const withRequests = readings.filter((r) => r.requests !== null);
  const withCache = readings.filter((r) => r.cache !== null);
  const lookups = withCache.reduce((n, r) => n + r.cache!.lookups, 0);
  const components = new Set(readings.flatMap((r) => Object.keys(r.componentLatency)));
  const backends = new Map<string, boolean>();
  for (const r of readings) for (const b of r.llm) backends.set(b.backend, (backends.get(b.backend) ?? true) && b.available);
  const probes = readings.map((r) => r.databaseUp).filter((v): v is boolean => v !== null);
  const rss = numbers((r) => r.rssBytes);
  const accuracy = numbers((r) => r.parsingAccuracy);
  return {
    requests:
      withRequests.length === 0
        ? null
        : { total: withRequests.reduce((n, r) => n + r.requests!.total, 0), errors: withRequests.reduce((n, r) => n + r.requests!.errors, 0) },
    requestDuration: sumHistograms(readings.map((r) => r.requestDuration)),
    componentLatency: Object.fromEntries([...components].map((c) => [c, sumHistograms(readings.map((r) => r.componentLatency[c] ?? null))!])),
    rssBytes: rss.length === 0 ? null : Math.max(...rss),
    parsingAccuracy: accuracy.length === 0 ? null : Math.min(...accuracy),
    cache:
      withCache.length === 0
        ? null
        : {
            hitRate: lookups === 0 ? 0 : withCache.reduce((sum, r) => sum + r.cache!.hitRate * r.cache!.lookups, 0) / lookups,
            lookups,
          },
    llm: [...backends].map(([backend, available]) => ({ backend, available })),
    databaseUp: probes.length === 0 ? null : probes.every(Boolean),
  };
}

/** A bucket bound as JSON can carry it: "+Inf" for the last one. */
type WireBound = number | "+Inf";
type WireHistogram = { buckets: Array<{ le: WireBound; count: number }> };

/** A reading with its histograms' +Inf bounds spelled "+Inf" (JSON has no Infinity; it would arrive as null). */
export interface WireReading extends Omit<Reading, "requestDuration" | "componentLatency"> {
  requestDuration: WireHistogram | null;
  componentLatency: Record<string, WireHistogram>;
}

const toWire = (h: HistogramSample): WireHistogram => ({ buckets: h.buckets.map(({ le, count }) => ({ le: le === Infinity ? "+Inf" : le, count })) });
const fromWire = (h: WireHistogram): HistogramSample => ({ buckets: h.buckets.map(({ le, count }) => ({ le: le === "+Inf" ? Infinity : le, count })) });

export function encodeReading(reading: Reading): WireReading {
  return {
    ...reading,
    requestDuration: reading.requestDuration && toWire(reading.requestDuration),
    componentLatency: Object.fromEntries(Object.entries(reading.componentLatency).map(([c, h]) => [c, toWire(h)])),
  };
}

export function decodeReading(wire: WireReading): Reading {
  return {
    ...wire,
    requestDuration: wire.requestDuration && fromWire(wire.requestDuration),
    componentLatency: Object.fromEntries(Object.entries(wire.componentLatency).map(([c, h]) => [c, fromWire(h)])),
  };
}
