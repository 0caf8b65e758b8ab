/** EventStore contract, part 2: which events are candidates for a window (timed, all-day, recurring). */
import { describe, expect, it } from "vitest";
import { at, type ContractContext, ev, titles } from "./contractFixtures.js";

export function windowCases(ctx: ContractContext): void {
  describe("window", () => {
    const from = at("2026-03-10T10:00:00Z");
    const to = at("2026-03-10T12:00:00Z");

    it("returns events overlapping [from, to): start before to, end (or start) at or after from", async () => {
      await ctx.store.create([
        ev({ title: "ended before", start: "2026-03-10T08:00:00Z", end: "2026-03-10T09:30:00Z" }),
        ev({ title: "ends at from", start: "2026-03-10T09:00:00Z", end: "2026-03-10T10:00:00Z" }),
        ev({ title: "spans the window", start: "2026-03-10T08:00:00Z", end: "2026-03-10T14:00:00Z" }),
        ev({ title: "overlaps from", start: "2026-03-10T09:30:00Z", end: "2026-03-10T10:30:00Z" }),
        ev({ title: "no end, at from", start: "2026-03-10T10:00:00Z", end: null }),
        ev({ title: "inside", start: "2026-03-10T11:15:00+01:00", end: "2026-03-10T12:30:00+01:00" }),
        ev({ title: "no end, before from", start: "2026-03-10T09:59:59Z", end: null }),
        ev({ title: "starts at to", start: "2026-03-10T12:00:00Z", end: "2026-03-10T13:00:00Z" }),
      ]);
      expect(titles(await ctx.list({ from, to }))).toEqual(["spans the window", "ends at from", "overlaps from", "no end, at from", "inside"]);
    });

    it("either bound alone limits one side", async () => {
      await ctx.store.create([ev({ title: "early", start: "2026-01-01T00:00:00Z", end: null }), ev({ title: "late", start: "2026-12-01T00:00:00Z", end: null })]);
      expect(titles(await ctx.list({ from: at("2026-06-01T00:00:00Z") }))).toEqual(["late"]);
      expect(titles(await ctx.list({ to: at("2026-06-01T00:00:00Z") }))).toEqual(["early"]);
      expect(titles(await ctx.list({}))).toEqual(["early", "late"]);
    });

    it("a rule without an end is a candidate for every window after its start", async () => {
      await ctx.store.create([
        ev({ title: "Salsa", start: "2026-01-02T21:00:00-05:00", end: "2026-01-03T01:00:00-05:00", timezone: "America/New_York", recurrence: "FREQ=WEEKLY;BYDAY=FR" }),
      ]);
      expect(titles(await ctx.list({ from: at("2030-06-01T00:00:00Z"), to: at("2030-06-08T00:00:00Z") }))).toEqual(["Salsa"]);
      // The first occurrence starts 2026-01-03T02:00Z; `to` is exclusive.
      expect(await ctx.list({ from: at("2025-12-01T00:00:00Z"), to: at("2026-01-03T02:00:01Z") })).toHaveLength(1);
      expect(await ctx.list({ from: at("2025-12-01T00:00:00Z"), to: at("2026-01-03T02:00:00Z") })).toEqual([]);
    });

    it("a rule with COUNT ends with its last occurrence", async () => {
      // Fridays Jan 2, 9, 16 at 21:00 New York (UTC-5); the last one ends Jan 17 01:00 = 06:00Z.
      await ctx.store.create([
        ev({ title: "Three Fridays", start: "2026-01-02T21:00:00-05:00", end: "2026-01-03T01:00:00-05:00", timezone: "America/New_York", recurrence: "FREQ=WEEKLY;COUNT=3" }),
      ]);
      expect(await ctx.list({ from: at("2026-01-17T06:00:00Z"), to: at("2026-01-18T00:00:00Z") })).toHaveLength(1);
      expect(await ctx.list({ from: at("2026-01-17T06:00:01Z"), to: at("2026-01-18T00:00:00Z") })).toEqual([]);
      expect(await ctx.list({ from: at("2026-02-01T00:00:00Z"), to: at("2026-03-01T00:00:00Z") })).toEqual([]);
    });

    it("a rule with UNTIL ends with its last occurrence", async () => {
      await ctx.store.create([ev({ title: "January mornings", start: "2026-01-01T08:00:00Z", end: "2026-01-01T09:00:00Z", recurrence: "FREQ=DAILY;UNTIL=20260131T235959Z" })]);
      expect(await ctx.list({ from: at("2026-01-31T08:30:00Z"), to: at("2026-02-02T00:00:00Z") })).toHaveLength(1);
      expect(await ctx.list({ from: at("2026-01-31T09:00:01Z"), to: at("2026-02-02T00:00:00Z") })).toEqual([]);
    });

    it("a recurring event starting at or after to is not a candidate", async () => {
      await ctx.store.create([ev({ title: "Later", start: "2026-03-10T12:00:00Z", end: "2026-03-10T13:00:00Z", recurrence: "FREQ=DAILY" })]);
      expect(await ctx.list({ from, to })).toEqual([]);
    });

    it("an all-day event spans midnight to midnight in its own zone", async () => {
      // Auckland is UTC+13 in March: 2026-03-10 runs from 2026-03-09T11:00Z to 2026-03-10T11:00Z.
      await ctx.store.create([ev({ title: "Auckland day", start: "2026-03-10", end: null, allDay: true, timezone: "Pacific/Auckland" })]);
      expect(await ctx.list({ from: at("2026-03-09T11:00:00Z"), to: at("2026-03-09T11:30:00Z") })).toHaveLength(1);
      expect(await ctx.list({ from: at("2026-03-09T00:00:00Z"), to: at("2026-03-09T11:00:00Z") })).toEqual([]);
      expect(await ctx.list({ from: at("2026-03-10T11:00:01Z"), to: at("2026-03-11T00:00:00Z") })).toEqual([]);
    });

    it("an all-day event's end date is exclusive, read in its zone", async () => {
      // Los Angeles is UTC-7 after 2026-03-08: the event runs 2026-03-10T07:00Z to 2026-03-12T07:00Z.
      await ctx.store.create([ev({ title: "LA days", start: "2026-03-10", end: "2026-03-12", allDay: true, timezone: "America/Los_Angeles" })]);
      expect(await ctx.list({ from: at("2026-03-12T06:59:00Z"), to: at("2026-03-13T00:00:00Z") })).toHaveLength(1);
      expect(await ctx.list({ from: at("2026-03-12T07:00:01Z"), to: at("2026-03-13T00:00:00Z") })).toEqual([]);
      expect(await ctx.list({ from: at("2026-03-01T00:00:00Z"), to: at("2026-03-10T07:00:00Z") })).toEqual([]);
    });

    it("an all-day recurrence with COUNT covers its last day", async () => {
      await ctx.store.create([ev({ title: "Two days", start: "2026-03-10", end: "2026-03-11", allDay: true, timezone: "Europe/Berlin", recurrence: "FREQ=DAILY;COUNT=2" })]);
      // Berlin is UTC+1: the second day ends 2026-03-11T23:00Z.
      expect(await ctx.list({ from: at("2026-03-11T22:59:00Z"), to: at("2026-03-13T00:00:00Z") })).toHaveLength(1);
      expect(await ctx.list({ from: at("2026-03-11T23:00:01Z"), to: at("2026-03-13T00:00:00Z") })).toEqual([]);
    });
  });
}
