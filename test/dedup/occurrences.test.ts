// Rules against their dated instances: a dated start on an occurrence matches, in both arrival orders.
import { describe, expect, it } from "vitest";
import { DedupIndex } from "../../src/core/dedup/dedupIndex.js";
import { matchPair } from "../../src/core/dedup/matchPair.js";
import type { DedupRecord } from "../../src/core/dedup/types.js";
import { BERLIN, NY, allDay, timed } from "./helpers.js";

// Tuesdays 18:00 in New York from Tue 24 Feb 2026; US daylight saving starts Sun 8 Mar 2026.
const WEEKLY_TU = "FREQ=WEEKLY;BYDAY=TU";
const rule = (extra: Partial<DedupRecord> = {}): DedupRecord =>
  timed("rule", "Salsa Social", "2026-02-24T18:00", NY, { recurrence: WEEKLY_TU, location: "Havana Club", ...extra });
const post = (key: string, local: string, title = "Salsa social night at Havana Club"): DedupRecord => timed(key, title, local, NY);

function indexOf(...records: DedupRecord[]): DedupIndex {
  const index = new DedupIndex();
  for (const r of records) index.add(r);
  return index;
}

describe("a dated instance arriving after its rule", () => {
  it("matches a Tuesday 18:00 before the DST change", () => {
    expect(indexOf(rule()).match(post("p", "2026-03-03T18:00"))).toMatchObject({ key: "rule", reason: "occurrence" });
  });

  it("matches a Tuesday 18:00 after the DST change (wall-clock time kept, instant one hour earlier in UTC)", () => {
    expect(indexOf(rule()).match(post("p", "2026-03-10T18:00"))).toMatchObject({ key: "rule", reason: "occurrence" });
    // The same UTC time as the winter occurrences is 19:00 in summer: an hour off, so no match.
    expect(indexOf(rule()).match(timed("p", "Salsa Social", "2026-03-10T23:00", "UTC"))).toBeNull();
  });

  it("matches within the tolerance and months later without a bound", () => {
    expect(indexOf(rule()).match(post("p", "2026-03-10T18:25"))?.key).toBe("rule");
    expect(indexOf(rule()).match(post("p", "2027-11-16T18:00"))?.key).toBe("rule");
  });

  it("matches the first start itself", () => {
    expect(indexOf(rule()).match(post("p", "2026-02-24T18:00"))?.reason).toBe("occurrence");
  });

  it("does not match a Wednesday, an earlier Tuesday or another time", () => {
    const index = indexOf(rule());
    expect(index.match(post("wed", "2026-03-11T18:00"))).toBeNull();
    expect(index.match(post("before", "2026-02-17T18:00"))).toBeNull();
    expect(index.match(post("late", "2026-03-10T19:00"))).toBeNull();
  });

  it("does not match an EXDATE'd date, by instant or by whole day", () => {
    expect(indexOf(rule({ exdates: ["2026-03-17T18:00:00-04:00"] })).match(post("p", "2026-03-17T18:00"))).toBeNull();
    expect(indexOf(rule({ exdates: ["2026-03-17"] })).match(post("p", "2026-03-17T18:00"))).toBeNull();
    expect(indexOf(rule({ exdates: ["2026-03-17T18:00:00-04:00"] })).match(post("p", "2026-03-24T18:00"))?.key).toBe("rule");
  });

  it("does not match after UNTIL", () => {
    const index = indexOf(rule({ recurrence: `${WEEKLY_TU};UNTIL=20260331T235959Z` }));
    expect(index.match(post("last", "2026-03-31T18:00"))?.key).toBe("rule");
    expect(index.match(post("after", "2026-04-07T18:00"))).toBeNull();
  });

  it("does not match after COUNT occurrences", () => {
    const index = indexOf(rule({ recurrence: `${WEEKLY_TU};COUNT=4` }));
    expect(index.match(post("fourth", "2026-03-17T18:00"))?.key).toBe("rule");
    expect(index.match(post("fifth", "2026-03-24T18:00"))).toBeNull();
  });

  it("does not match an unrelated title on an occurrence", () => {
    expect(indexOf(rule()).match(post("p", "2026-03-10T18:00", "Board meeting"))).toBeNull();
  });

  it("matches a rule that started years earlier", () => {
    const old = timed("rule", "Choir practice", "2019-01-08T19:30", BERLIN, { recurrence: "FREQ=WEEKLY;BYDAY=TU" });
    expect(indexOf(old).match(timed("p", "Choir Practice", "2026-07-14T19:30", BERLIN))?.key).toBe("rule");
  });

  it("matches an occurrence moved forward by a DST gap (02:30 on the spring-forward day is 03:30)", () => {
    const daily = timed("rule", "Night shift briefing", "2026-03-01T02:30", NY, { recurrence: "FREQ=DAILY" });
    expect(indexOf(daily).match(timed("p", "Night shift briefing", "2026-03-08T03:30", NY))?.key).toBe("rule");
  });
});

describe("a rule arriving after its dated instances", () => {
  it("matches a stored instance, the earliest added on a tie", () => {
    const index = indexOf(post("wed", "2026-03-11T18:00"), post("tue1", "2026-03-03T18:00"), post("tue2", "2026-03-10T18:00"));
    expect(index.match(rule())).toMatchObject({ key: "tue1", reason: "occurrence" });
  });

  it("finds nothing when no stored instance falls on it", () => {
    const index = indexOf(post("wed", "2026-03-11T18:00"), post("excluded", "2026-03-17T18:00"));
    expect(index.match(rule({ exdates: ["2026-03-17T18:00:00-04:00"] }))).toBeNull();
  });

  it("matches a rule from another source whose first start is one of its occurrences", () => {
    const index = indexOf(timed("other", "Salsa social night", "2026-04-07T18:00", NY, { recurrence: "FREQ=WEEKLY" }));
    expect(index.match(rule())).toMatchObject({ key: "other", reason: "occurrence" });
    expect(indexOf(rule()).match(timed("other", "Salsa social night", "2026-04-07T18:00", NY, { recurrence: "FREQ=WEEKLY" }))?.key).toBe("rule");
  });
});

describe("all-day rules", () => {
  const market = allDay("rule", "Farmers Market", "2026-05-02", BERLIN, { recurrence: "FREQ=WEEKLY;BYDAY=SA" });

  it("match an all-day instance on an occurrence date, in both orders", () => {
    expect(indexOf(market).match(allDay("p", "Farmers' market", "2026-06-13", BERLIN))?.reason).toBe("occurrence");
    expect(indexOf(allDay("p", "Farmers' market", "2026-06-13", BERLIN)).match(market)?.key).toBe("p");
  });

  it("do not match another weekday or a timed instance", () => {
    expect(indexOf(market).match(allDay("p", "Farmers market", "2026-06-14", BERLIN))).toBeNull();
    expect(indexOf(market).match(timed("p", "Farmers market", "2026-06-13T08:00", BERLIN))).toBeNull();
  });
});

describe("matchPair agrees with the index", () => {
  it("gives the same answer both ways round", () => {
    expect(matchPair(post("p", "2026-03-10T18:00"), rule())).toMatchObject({ key: "rule", reason: "occurrence" });
    expect(matchPair(rule(), post("p", "2026-03-10T18:00"))).toMatchObject({ key: "p", reason: "occurrence" });
  });

  it("treats an unreadable rule as a dated event at its start", () => {
    const broken = rule({ recurrence: "FREQ=SOMETIMES" });
    expect(matchPair(post("p", "2026-03-10T18:00"), broken)).toBeNull();
    expect(matchPair(post("p", "2026-02-24T18:10"), broken)?.reason).toBe("similar");
  });
});
