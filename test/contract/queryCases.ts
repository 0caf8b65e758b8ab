/** EventStore contract, part 3: order, cursor pages, limit, full-text search and the location filter. */
import { beforeEach, describe, expect, it } from "vitest";
import { at, type ContractContext, cursorAfter, ev, pageThrough, titles } from "./contractFixtures.js";

export function queryCases(ctx: ContractContext): void {
  describe("order and pages", () => {
    it("orders by start instant, then id; an all-day event sorts at midnight in its zone", async () => {
      const created = await ctx.store.create([
        ev({ title: "tie", start: "2026-03-10T10:00:00Z" }),
        ev({ title: "LA all-day", start: "2026-03-10", end: null, allDay: true, timezone: "America/Los_Angeles" }),
        ev({ title: "tie", start: "2026-03-10T11:00:00+01:00" }),
        ev({ title: "first", start: "2026-03-10T06:00:00Z" }),
        ev({ title: "tie", start: "2026-03-10T10:00:00Z" }),
        ev({ title: "last", start: "2026-03-11T00:00:00Z", end: null }),
      ]);
      const listed = await ctx.list({});
      expect(titles(listed)).toEqual(["first", "LA all-day", "tie", "tie", "tie", "last"]);
      const tieIds = created.filter((e) => e.title === "tie").map((e) => e.id).sort();
      expect(listed.slice(2, 5).map((e) => e.id)).toEqual(tieIds);
    });

    it("the cursor pages through ties without losing or repeating a row", async () => {
      const starts = ["2026-03-10T09:00:00Z", "2026-03-10T10:00:00Z", "2026-03-10T10:00:00Z", "2026-03-10T10:00:00Z", "2026-03-10T10:00:00Z", "2026-03-10T10:00:00Z", "2026-03-10T11:00:00Z"];
      await ctx.store.create(starts.map((start, i) => ev({ title: `e${i}`, start, end: null })));
      const all = await ctx.list({});
      for (const size of [1, 2, 3]) expect((await pageThrough(ctx.store, {}, size)).map((e) => e.id)).toEqual(all.map((e) => e.id));
      expect(await ctx.list({ after: cursorAfter(all[all.length - 1]) })).toEqual([]);
    });

    it("the cursor combines with the window and filters", async () => {
      await ctx.store.create(Array.from({ length: 9 }, (_, i) => ev({ title: i % 2 === 0 ? `Salsa ${i}` : `Tango ${i}`, start: `2026-03-1${i}T10:00:00Z`, end: null })));
      const query = { q: "salsa", from: at("2026-03-11T00:00:00Z"), to: at("2026-03-18T00:00:00Z") };
      expect(titles(await pageThrough(ctx.store, query, 2))).toEqual(["Salsa 2", "Salsa 4", "Salsa 6"]);
    });

    it("limit is honoured and capped at 500", async () => {
      await ctx.store.create(Array.from({ length: 510 }, (_, i) => ev({ title: `n${i}`, start: new Date(at("2026-01-01T00:00:00Z") + i * 60_000).toISOString(), end: null })));
      expect(await ctx.store.list({ limit: 3 })).toHaveLength(3);
      const first = await ctx.store.list({ limit: 1000 });
      expect(first).toHaveLength(500);
      expect(await ctx.store.list({ limit: 1000, after: cursorAfter(first[499]) })).toHaveLength(10);
    });
  });

  describe("search", () => {
    beforeEach(async () => {
      await ctx.store.create([
        ev({ title: "Salsa social", location: "Havana Club", description: "Beginners lesson first", start: "2026-03-10T20:00:00Z" }),
        ev({ title: "Salsa workshop", location: "Community Hall", description: null, start: "2026-03-11T20:00:00Z" }),
        ev({ title: "Tango milonga", location: "Havana Club", description: "Live orchestra", start: "2026-03-12T20:00:00Z" }),
        ev({ title: "Board meeting", location: null, description: "Quarterly numbers; bring 100% of the slides", start: "2026-03-13T20:00:00Z" }),
      ]);
    });

    it("finds a word in the title, the location or the description, ignoring case", async () => {
      expect(titles(await ctx.list({ q: "SALSA" }))).toEqual(["Salsa social", "Salsa workshop"]);
      expect(titles(await ctx.list({ q: "havana" }))).toEqual(["Salsa social", "Tango milonga"]);
      expect(titles(await ctx.list({ q: "Orchestra" }))).toEqual(["Tango milonga"]);
    });

    it("needs every word, wherever each one is", async () => {
      expect(titles(await ctx.list({ q: "salsa havana" }))).toEqual(["Salsa social"]);
      expect(titles(await ctx.list({ q: "salsa beginners club" }))).toEqual(["Salsa social"]);
      expect(await ctx.list({ q: "salsa orchestra" })).toEqual([]);
    });

    it("reads the last word as a prefix", async () => {
      expect(titles(await ctx.list({ q: "sals" }))).toEqual(["Salsa social", "Salsa workshop"]);
      expect(titles(await ctx.list({ q: "havana cl" }))).toEqual(["Salsa social", "Tango milonga"]);
      expect(await ctx.list({ q: "sals club" })).toEqual([]);
    });

    it("full-text search matches words, not fragments inside them", async () => {
      if (ctx.store.capabilities.search !== "fulltext") return;
      expect(await ctx.list({ q: "alsa" })).toEqual([]);
    });

    it("treats query syntax as plain text", async () => {
      expect(titles(await ctx.list({ q: `"salsa" havana*` }))).toEqual(["Salsa social"]);
      // As operators these would find all three dance events; as words, "or" matches nothing.
      expect(await ctx.list({ q: "salsa OR tango" })).toEqual([]);
      expect(titles(await ctx.list({ q: "salsa & !(havana) | 'x':*" }))).toEqual([]);
      expect(titles(await ctx.list({ q: "100%" }))).toEqual(["Board meeting"]);
      expect(titles(await ctx.list({ q: "quarterly; numbers" }))).toEqual(["Board meeting"]);
    });

    it("a q without any word adds no condition", async () => {
      expect(await ctx.list({ q: ` "*:& ` })).toHaveLength(4);
      expect(await ctx.list({ q: "" })).toHaveLength(4);
    });

    it("combines with the window", async () => {
      expect(titles(await ctx.list({ q: "salsa", from: at("2026-03-11T00:00:00Z"), to: at("2026-03-12T00:00:00Z") }))).toEqual(["Salsa workshop"]);
    });
  });

  describe("location filter", () => {
    beforeEach(async () => {
      await ctx.store.create([
        ev({ title: "a", location: "Havana Club", start: "2026-03-10T20:00:00Z" }),
        ev({ title: "b", location: "100% Bar", start: "2026-03-11T20:00:00Z" }),
        ev({ title: "c", location: null, start: "2026-03-12T20:00:00Z" }),
        ev({ title: "d", location: "ÉCOLE Normale", start: "2026-03-13T20:00:00Z" }),
      ]);
    });

    it("matches a case-insensitive substring", async () => {
      expect(titles(await ctx.list({ location: "HAVANA" }))).toEqual(["a"]);
      expect(titles(await ctx.list({ location: "na cl" }))).toEqual(["a"]);
      expect(titles(await ctx.list({ location: "école" }))).toEqual(["d"]);
    });

    it("treats % and _ literally", async () => {
      expect(titles(await ctx.list({ location: "%" }))).toEqual(["b"]);
      expect(await ctx.list({ location: "_" })).toEqual([]);
    });

    it("combines with q", async () => {
      await ctx.store.create([ev({ title: "Salsa", location: "Havana Club", start: "2026-03-14T20:00:00Z" })]);
      expect(titles(await ctx.list({ location: "havana", q: "salsa" }))).toEqual(["Salsa"]);
    });
  });
}
