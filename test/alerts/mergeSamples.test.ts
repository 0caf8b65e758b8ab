// Several workers' readings read as the service's: counts add up, the memory rule sees the largest process, the
// hit rate is weighted by lookups; and a reading survives a JSON channel with its +Inf bucket intact.
import { describe, expect, it } from "vitest";
import { decodeReading, encodeReading, mergeReadings } from "../../src/ops/alerts/mergeSamples.js";
import { histogram, reading } from "./fixtures.js";

describe("merging readings", () => {
  it("adds requests and histograms, takes the largest RSS and the lowest accuracy", () => {
    const a = reading({ requests: { total: 100, errors: 5 }, requestDuration: histogram([0.1, 1], [0.05, 0.5]), rssBytes: 300, parsingAccuracy: 0.97, componentLatency: { parse: histogram([0.01], [0.001]) } });
    const b = reading({ requests: { total: 50, errors: 10 }, requestDuration: histogram([0.1, 1], [2]), rssBytes: 900, parsingAccuracy: 0.95, componentLatency: { cache: histogram([0.01], [0.02]) } });
    const merged = mergeReadings([a, b]);
    expect(merged.requests).toEqual({ total: 150, errors: 15 });
    expect(merged.requestDuration).toEqual(histogram([0.1, 1], [0.05, 0.5, 2]));
    expect(merged.componentLatency).toEqual({ parse: histogram([0.01], [0.001]), cache: histogram([0.01], [0.02]) });
    expect(merged.rssBytes).toBe(900);
    expect(merged.parsingAccuracy).toBe(0.95);
  });

  it("weights the cache hit rate by each worker's lookups", () => {
    const merged = mergeReadings([reading({ cache: { hitRate: 0.9, lookups: 100 } }), reading({ cache: { hitRate: 0, lookups: 300 } })]);
    expect(merged.cache).toEqual({ hitRate: 90 / 400, lookups: 400 });
    expect(mergeReadings([reading({ cache: { hitRate: 0, lookups: 0 } })]).cache).toEqual({ hitRate: 0, lookups: 0 });
  });

  it("finds the database down or an LLM backend unavailable if any worker does, and leaves unprobed fields null", () => {
    const merged = mergeReadings([
      reading({ databaseUp: true, llm: [{ backend: "ollama", available: true }] }),
      reading({ databaseUp: false, llm: [{ backend: "ollama", available: false }] }),
      reading({ databaseUp: null, llm: [] }),
    ]);
    expect(merged.databaseUp).toBe(false);
    expect(merged.llm).toEqual([{ backend: "ollama", available: false }]);
    expect(mergeReadings([reading(), reading()])).toEqual(reading());
  });

  it("keeps the +Inf bucket across JSON, which would otherwise turn it into null", () => {
    const original = reading({ requestDuration: histogram([0.5], [0.1, 3]), componentLatency: { parse: histogram([1], [2]) } });
    const overJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
    expect(overJson(original).requestDuration?.buckets.at(-1)?.le).toBeNull();
    expect(decodeReading(overJson(encodeReading(original)))).toEqual(original);
  });
});
