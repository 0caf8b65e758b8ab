// DedupIndex only narrows down the pairs to test: on random records its answer equals an all-pairs search.
import { describe, expect, it } from "vitest";
import { DedupIndex } from "../../src/core/dedup/dedupIndex.js";
import { isBetterMatch, matchPrepared } from "../../src/core/dedup/matchPair.js";
import { prepareRecord } from "../../src/core/dedup/prepare.js";
import { type DedupMatch, type DedupOptions, type DedupRecord, resolveDedupOptions } from "../../src/core/dedup/types.js";
import { formatDate } from "../../src/core/time/civil.js";
import { BERLIN, NY, allDay, timed } from "./helpers.js";

/** mulberry32: a small seeded PRNG, so failures reproduce. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TITLES = ["Salsa Social", "salsa social night", "Jazz Night", "Jazz night @ Blue Note", "Yoga", "Beginners Yoga", "Book club", "Board meeting"];
const LOCATIONS = [null, "Havana Club", "Blue Note", "Main Street"];
const RULES = ["FREQ=WEEKLY", "FREQ=WEEKLY;BYDAY=TU,TH", "FREQ=DAILY;COUNT=5", "FREQ=MONTHLY;BYDAY=1TU", "FREQ=WEEKLY;UNTIL=20260325T000000Z"];
// Four weeks across the US DST change (8 March 2026) and the EU one (29 March 2026).
const FIRST_DAY = Date.UTC(2026, 2, 2);
const DAYS = 28;

function randomRecords(seed: number, n: number): DedupRecord[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  return Array.from({ length: n }, (_, i) => {
    const date = formatDate(civil(FIRST_DAY + Math.floor(random() * DAYS) * 86_400_000));
    const zone = random() < 0.7 ? NY : BERLIN;
    const extra = {
      location: pick(LOCATIONS),
      uid: random() < 0.05 ? `uid-${Math.floor(random() * 5)}` : null,
      recurrence: random() < 0.15 ? pick(RULES) : null,
      exdates: random() < 0.3 ? [`${formatDate(civil(FIRST_DAY + Math.floor(random() * DAYS) * 86_400_000))}`] : [],
    };
    if (random() < 0.15) return allDay(`r${i}`, pick(TITLES), date, zone, extra);
    const minutes = 18 * 60 + Math.floor(random() * 6) * 15;
    const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
    return timed(`r${i}`, pick(TITLES), `${date}T${time}`, zone, extra);
  });
}

function civil(epoch: number): { y: number; m: number; d: number } {
  const d = new Date(epoch);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}

/** The best match by brute force: every stored record in insertion order, replaced only by a strictly better one. */
function allPairs(stored: DedupRecord[], candidate: DedupRecord, options: DedupOptions): DedupMatch | null {
  const resolved = resolveDedupOptions(options);
  const c = prepareRecord(candidate);
  let best: DedupMatch | null = null;
  for (const s of stored) {
    const m = matchPrepared(c, prepareRecord(s), resolved);
    if (m !== null && isBetterMatch(m, best)) best = m;
  }
  return best;
}

describe("DedupIndex agrees with an all-pairs search", () => {
  it.each([
    [1, {}],
    [2, {}],
    [3, { threshold: 0.5, toleranceMs: 45 * 60_000 }],
    [4, { toleranceMs: 0 }],
  ])("seed %i, options %j", (seed, options: DedupOptions) => {
    const records = randomRecords(seed, 200);
    const stored = records.slice(0, 120);
    const index = new DedupIndex(options);
    for (const r of stored) index.add(r);
    const reasons = new Set<string>();
    let matched = 0;
    for (const candidate of records.slice(120)) {
      const expected = allPairs(stored, candidate, options);
      expect(index.match(candidate), candidate.key).toEqual(expected);
      if (expected !== null) {
        matched++;
        reasons.add(expected.reason);
      }
    }
    // The generator must produce real work, of every kind, for the comparison to mean anything.
    expect(matched).toBeGreaterThanOrEqual(5);
    expect([...reasons].sort()).toEqual(["occurrence", "similar", "uid"]);
  });
});
