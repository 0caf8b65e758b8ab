// clusterEvents on a mixed fixture from three sources (an iCalendar feed, a web page, flyers) with known clusters.
import { describe, expect, it } from "vitest";
import { clusterEvents } from "../../src/core/dedup/cluster.js";
import type { DedupRecord } from "../../src/core/dedup/types.js";
import { NY, allDay, timed } from "./helpers.js";

// Keys are `<source>:<name>`; the comment on each line names its true cluster.
const FIXTURE: DedupRecord[] = [
  timed("web:salsa-0303", "Salsa social night at Havana Club", "2026-03-03T18:00", NY), // salsa
  timed("ical:jazz", "Jazz Night", "2026-03-06T20:00", NY, { uid: "jazz-1@feed", location: "Blue Note" }), // jazz
  timed("ical:board", "Board meeting", "2026-03-09T09:00", NY, { uid: "board-1@feed", location: "Room 4" }), // board
  timed("web:jazz", "Jazz night @ Blue Note", "2026-03-06T20:00", NY), // jazz
  timed("ical:standup", "Team standup", "2026-03-05T09:00", NY, { uid: "t-1@feed" }), // standup
  timed("ical:retro", "Team retrospective", "2026-03-05T09:00", NY, { uid: "t-2@feed" }), // retro
  timed("ical:salsa", "Salsa Social", "2026-02-24T18:00", NY, {
    uid: "salsa@feed",
    location: "Havana Club",
    recurrence: "FREQ=WEEKLY;BYDAY=TU",
    exdates: ["2026-03-24T18:00:00-04:00"],
  }), // salsa (the rule)
  timed("web:salsa-0310", "Salsa social night at Havana Club", "2026-03-10T18:00", NY), // salsa, after the DST change
  timed("flyer:salsa-0317", "SALSA SOCIAL!", "2026-03-17T18:15", NY), // salsa
  timed("web:salsa-0324", "Salsa social night at Havana Club", "2026-03-24T18:00", NY), // alone: the rule excludes that date
  timed("flyer:salsa-wed", "Salsa Social", "2026-03-11T18:00", NY), // alone: a Wednesday
  timed("web:board-copy", "Monthly board mtg", "2026-03-09T09:00", NY, { uid: "board-1@feed" }), // board, by UID
  timed("web:bookclub", "Book club", "2026-03-09T09:10", NY), // alone
  timed("flyer:jazz-a", "JAZZ NIGHT", "2026-03-06T20:00", NY, { location: "Blue Note Jazz Club" }), // jazz
  timed("flyer:jazz-b", "JAZZ NIGHT", "2026-03-06T20:00", NY, { location: "Blue Note Jazz Club" }), // jazz, uploaded twice
  timed("web:yoga-mon", "Yoga — Beginners", "2026-03-02T07:00", NY), // yoga-mon
  timed("flyer:yoga-mon", "Beginners Yoga", "2026-03-02T07:20", NY), // yoga-mon
  timed("flyer:yoga-tue", "Beginners Yoga", "2026-03-03T07:00", NY), // alone: another day
  allDay("web:fair", "Street Fair", "2026-06-06", NY, { location: "Main Street" }), // fair
  allDay("flyer:fair", "Summer Street Fair", "2026-06-06", NY, { location: "Main St." }), // fair
  allDay("flyer:fair-sunday", "Street Fair", "2026-06-07", NY), // alone: the next date
];

// In output order: by the canonical's input position; members in input order. The salsa rule is canonical
// (rules are taken first) and absorbs its dated instances on every Tuesday, the earlier-listed one included.
const EXPECTED = [
  { canonical: "ical:jazz", members: ["ical:jazz", "web:jazz", "flyer:jazz-a", "flyer:jazz-b"] },
  { canonical: "ical:board", members: ["ical:board", "web:board-copy"] },
  { canonical: "ical:standup", members: ["ical:standup"] },
  { canonical: "ical:retro", members: ["ical:retro"] },
  { canonical: "ical:salsa", members: ["web:salsa-0303", "ical:salsa", "web:salsa-0310", "flyer:salsa-0317"] },
  { canonical: "web:salsa-0324", members: ["web:salsa-0324"] },
  { canonical: "flyer:salsa-wed", members: ["flyer:salsa-wed"] },
  { canonical: "web:bookclub", members: ["web:bookclub"] },
  { canonical: "web:yoga-mon", members: ["web:yoga-mon", "flyer:yoga-mon"] },
  { canonical: "flyer:yoga-tue", members: ["flyer:yoga-tue"] },
  { canonical: "web:fair", members: ["web:fair", "flyer:fair"] },
  { canonical: "flyer:fair-sunday", members: ["flyer:fair-sunday"] },
];

/** Clusters as sorted member lists, for comparisons that ignore which record is canonical. */
const memberSets = (clusters: Array<{ members: string[] }>): string[][] => clusters.map((c) => [...c.members].sort()).sort((a, b) => a[0].localeCompare(b[0]));

describe("clusterEvents", () => {
  it("finds exactly the true clusters of the mixed fixture, in order", () => {
    expect(clusterEvents(FIXTURE)).toEqual(EXPECTED);
  });

  it("makes the rule canonical even when its instances come first", () => {
    const got = clusterEvents(FIXTURE);
    expect(got.find((c) => c.members.includes("web:salsa-0310"))?.canonical).toBe("ical:salsa");
  });

  it("finds the same clusters whatever the input order", () => {
    expect(memberSets(clusterEvents([...FIXTURE].reverse()))).toEqual(memberSets(clusterEvents(FIXTURE)));
  });

  it("takes a repeated key once", () => {
    const got = clusterEvents([FIXTURE[1], FIXTURE[1], FIXTURE[3]]);
    expect(got).toEqual([{ canonical: "ical:jazz", members: ["ical:jazz", "web:jazz"] }]);
  });

  it("returns nothing for no records", () => {
    expect(clusterEvents([])).toEqual([]);
  });
});
