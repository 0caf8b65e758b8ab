// DedupIndex matching of dated events: UID, the start tolerance, all-day dates, different days, upkeep.
import { describe, expect, it } from "vitest";
import { DedupIndex } from "../../src/core/dedup/dedupIndex.js";
import type { DedupRecord } from "../../src/core/dedup/types.js";
import { BERLIN, NY, allDay, timed } from "./helpers.js";

function indexOf(...records: DedupRecord[]): DedupIndex {
  const index = new DedupIndex();
  for (const r of records) index.add(r);
  return index;
}

describe("DedupIndex: UID", () => {
  it("matches the same UID with score 1 whatever the title and time", () => {
    const index = indexOf(timed("a", "Quarterly review", "2026-05-04T10:00", NY, { uid: "evt-42@example.org" }));
    const m = index.match(timed("b", "Something else entirely", "2026-06-01T09:00", NY, { uid: "evt-42@example.org" }));
    expect(m).toEqual({ key: "a", score: 1, reason: "uid" });
  });

  it("does not treat two different UIDs as evidence against a match", () => {
    const index = indexOf(timed("a", "Jazz Night", "2026-05-04T20:00", NY, { uid: "feed-1" }));
    expect(index.match(timed("b", "Jazz night @ Blue Note", "2026-05-04T20:00", NY, { uid: "feed-2" }))?.reason).toBe("similar");
  });
});

describe("DedupIndex: start tolerance (30 minutes by default)", () => {
  const base = timed("a", "Jazz Night", "2026-05-04T20:00", NY);

  it("matches a start 29 minutes later or earlier", () => {
    const index = indexOf(base);
    expect(index.match(timed("b", "Jazz night @ Blue Note", "2026-05-04T20:29", NY))).toMatchObject({ key: "a", reason: "similar" });
    expect(index.match(timed("c", "Jazz night @ Blue Note", "2026-05-04T19:31", NY))).toMatchObject({ key: "a", reason: "similar" });
  });

  it("matches exactly 30 minutes apart, not 31", () => {
    const index = indexOf(base);
    expect(index.match(timed("b", "Jazz Night", "2026-05-04T20:30", NY))?.key).toBe("a");
    expect(index.match(timed("c", "Jazz Night", "2026-05-04T20:31", NY))).toBeNull();
    expect(index.match(timed("d", "Jazz Night", "2026-05-04T19:29", NY))).toBeNull();
  });

  it("compares instants, so the same moment written in another zone matches", () => {
    const index = indexOf(timed("a", "Product launch call", "2026-05-04T18:00", BERLIN));
    expect(index.match(timed("b", "Product launch call", "2026-05-04T12:00", NY))?.key).toBe("a");
  });

  it("matches across a bucket boundary and just before midnight of the next day", () => {
    const index = indexOf(timed("a", "Late show", "2026-05-04T23:50", NY));
    expect(index.match(timed("b", "Late show", "2026-05-05T00:15", NY))?.key).toBe("a");
  });
});

describe("DedupIndex: different days never match", () => {
  it("keeps Yoga on Monday and Yoga on Tuesday apart", () => {
    const index = indexOf(timed("mon", "Yoga", "2026-05-04T18:00", NY));
    expect(index.match(timed("tue", "Yoga", "2026-05-05T18:00", NY))).toBeNull();
  });

  it("keeps identical all-day events on different dates apart", () => {
    const index = indexOf(allDay("a", "Street Fair", "2026-06-06", NY));
    expect(index.match(allDay("b", "Street Fair", "2026-06-07", NY))).toBeNull();
  });
});

describe("DedupIndex: all-day events", () => {
  it("match on the same date", () => {
    const index = indexOf(allDay("a", "Summer Street Fair", "2026-06-06", NY, { location: "Main Street" }));
    expect(index.match(allDay("b", "Street Fair (summer)", "2026-06-06", NY, { location: "Main St" }))).toMatchObject({ key: "a", reason: "similar" });
  });

  it("never match a timed event, even on the same date", () => {
    const index = indexOf(allDay("a", "Street Fair", "2026-06-06", NY));
    expect(index.match(timed("b", "Street Fair", "2026-06-06T00:00", "UTC"))).toBeNull();
  });
});

describe("DedupIndex: picking among several", () => {
  it("returns the best score above the threshold", () => {
    const index = indexOf(timed("loose", "Salsa social night", "2026-05-04T20:00", NY), timed("exact", "Salsa Social", "2026-05-04T20:15", NY));
    expect(index.match(timed("c", "Salsa Social", "2026-05-04T20:00", NY))).toMatchObject({ key: "exact", score: 1 });
  });

  it("breaks an exact tie in favour of the record added first", () => {
    const index = indexOf(timed("first", "Jazz Night", "2026-05-04T20:00", NY), timed("second", "Jazz Night", "2026-05-04T20:00", NY));
    expect(index.match(timed("c", "Jazz Night", "2026-05-04T20:00", NY))?.key).toBe("first");
  });

  it("never matches a record with its own key", () => {
    const record = timed("a", "Jazz Night", "2026-05-04T20:00", NY, { uid: "u1" });
    expect(indexOf(record).match(record)).toBeNull();
  });
});

describe("DedupIndex: upkeep", () => {
  it("forgets removed records, UID included", () => {
    const index = indexOf(timed("a", "Jazz Night", "2026-05-04T20:00", NY, { uid: "u1" }));
    expect(index.remove("a")).toBe(true);
    expect(index.remove("a")).toBe(false);
    expect(index.size).toBe(0);
    expect(index.match(timed("b", "Jazz Night", "2026-05-04T20:00", NY, { uid: "u1" }))).toBeNull();
  });

  it("replaces a record added again under the same key", () => {
    const index = indexOf(timed("a", "Jazz Night", "2026-05-04T20:00", NY));
    index.add(timed("a", "Jazz Night", "2026-05-11T20:00", NY));
    expect(index.size).toBe(1);
    expect(index.match(timed("b", "Jazz Night", "2026-05-04T20:00", NY))).toBeNull();
    expect(index.match(timed("b", "Jazz Night", "2026-05-11T20:00", NY))?.key).toBe("a");
  });
});
