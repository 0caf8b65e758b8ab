// DedupOptions: the threshold and the tolerance change the answers; bad values are refused.
import { describe, expect, it } from "vitest";
import { clusterEvents } from "../../src/core/dedup/cluster.js";
import { DedupIndex } from "../../src/core/dedup/dedupIndex.js";
import { DEFAULT_THRESHOLD, DEFAULT_TOLERANCE_MS, resolveDedupOptions } from "../../src/core/dedup/types.js";
import { NY, timed } from "./helpers.js";

const salsa = timed("a", "Salsa Social", "2026-03-03T18:00", NY);
const salsaNight = timed("b", "Salsa social night at Havana Club", "2026-03-03T18:00", NY); // title similarity ≈ 0.79
const standup = timed("c", "Team standup", "2026-03-05T09:00", NY);
const retro = timed("d", "Team retrospective", "2026-03-05T09:00", NY); // title similarity 0.5

describe("threshold", () => {
  it("defaults to 0.72 and a 30-minute tolerance", () => {
    expect(resolveDedupOptions()).toEqual({ threshold: DEFAULT_THRESHOLD, toleranceMs: DEFAULT_TOLERANCE_MS });
    expect(DEFAULT_THRESHOLD).toBe(0.72);
    expect(DEFAULT_TOLERANCE_MS).toBe(30 * 60_000);
  });

  it("a stricter threshold keeps apart what the default merges", () => {
    const strict = new DedupIndex({ threshold: 0.9 });
    strict.add(salsa);
    expect(strict.match(salsaNight)).toBeNull();
    expect(clusterEvents([salsa, salsaNight], { threshold: 0.9 })).toHaveLength(2);
    expect(clusterEvents([salsa, salsaNight])).toHaveLength(1);
  });

  it("a looser threshold merges what the default keeps apart", () => {
    const loose = new DedupIndex({ threshold: 0.5 });
    loose.add(standup);
    expect(loose.match(retro)).toMatchObject({ key: "c", score: 0.5, reason: "similar" });
    expect(clusterEvents([standup, retro])).toHaveLength(2);
    expect(clusterEvents([standup, retro], { threshold: 0.5 })).toHaveLength(1);
  });

  it("is inclusive: a score equal to the threshold matches", () => {
    const index = new DedupIndex({ threshold: 1 });
    index.add(salsa);
    expect(index.match(timed("e", "salsa SOCIAL", "2026-03-03T18:00", NY))?.score).toBe(1);
  });
});

describe("toleranceMs", () => {
  it("widens or narrows the same-start window", () => {
    const later = timed("e", "Salsa Social", "2026-03-03T18:45", NY);
    const wide = new DedupIndex({ toleranceMs: 60 * 60_000 });
    wide.add(salsa);
    expect(wide.match(later)?.key).toBe("a");
    const exact = new DedupIndex({ toleranceMs: 0 });
    exact.add(salsa);
    expect(exact.match(timed("f", "Salsa Social", "2026-03-03T18:01", NY))).toBeNull();
    expect(exact.match(timed("g", "Salsa Social", "2026-03-03T18:00", NY))?.key).toBe("a");
  });

  it("also applies to occurrences of a rule", () => {
    const rule = timed("r", "Salsa Social", "2026-02-24T18:00", NY, { recurrence: "FREQ=WEEKLY;BYDAY=TU" });
    const index = new DedupIndex({ toleranceMs: 10 * 60_000 });
    index.add(rule);
    expect(index.match(timed("p", "Salsa Social", "2026-03-10T18:10", NY))?.reason).toBe("occurrence");
    expect(index.match(timed("q", "Salsa Social", "2026-03-10T18:11", NY))).toBeNull();
  });
});

describe("bad options", () => {
  it.each([{ threshold: 1.5 }, { threshold: -0.1 }, { threshold: Number.NaN }, { toleranceMs: -1 }, { toleranceMs: Number.POSITIVE_INFINITY }])(
    "refuses %j with a RangeError",
    (options) => {
      expect(() => new DedupIndex(options)).toThrow(RangeError);
    },
  );
});
