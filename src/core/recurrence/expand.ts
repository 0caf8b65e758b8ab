/** Expands an RRULE from a wall-clock DTSTART into its occurrences, in order, as wall-clock values in an IANA zone. */
import { type CivilDate, type WallTime, addDays, compareDates, daysFromCivil, MS_PER_DAY } from "../time/civil.js";
import { epochToZoned, zonedToEpoch } from "../time/zone.js";
import { datesInPeriod, periodIndexOf, periodStart } from "./periods.js";
import type { RRule, RRuleUntil } from "./rrule.js";

/** DTSTART as wall-clock values; `time` null means an all-day event. */
export interface RecurrenceStart {
  date: CivilDate;
  time: WallTime | null;
}

/** Where and how far to expand. */
export interface ExpandOptions {
  /** IANA zone the wall-clock times repeat in. */
  zone: string;
  /** Most occurrences to yield; unlimited by default (bound the loop with `to`, COUNT or UNTIL, or stop iterating). */
  limit?: number;
  /** Window start (epoch ms, inclusive): occurrences starting earlier are skipped. */
  from?: number;
  /** Window end (epoch ms, exclusive): expansion stops at the first occurrence starting at or after it. */
  to?: number;
}

/** One occurrence: the wall-clock date and time (DTSTART's time every day) and, for timed events, its instant. */
export interface Occurrence {
  date: CivilDate;
  time: WallTime | null;
  /** Epoch ms of the wall-clock time in the zone (RFC 5545 gap/overlap rules); null for all-day occurrences. */
  instant: number | null;
}

// A rule whose BYxxx parts can never match (BYMONTH=2;BYMONTHDAY=30) would otherwise loop forever.
const MAX_EMPTY_PERIODS = 100_000;
const LAST_YEAR = 9999;
const MIDNIGHT: WallTime = { h: 0, mi: 0, s: 0 };

/**
 * Yields the occurrences of `rule` from `start`, in order. DTSTART is always the first occurrence and
 * counts towards COUNT; UNTIL is inclusive (a floating or date UNTIL is compared as wall-clock time, a
 * `Z` UNTIL as an instant). With a window, an occurrence is inside when its start instant (midnight in
 * the zone for all-day ones) lies in `[from, to)`; callers wanting events in progress widen `from` by
 * the event's duration. Without COUNT the expansion jumps straight to the period holding `from`.
 */
export function* expandRRule(rule: RRule, start: RecurrenceStart, options: ExpandOptions): Generator<Occurrence, void, undefined> {
  const { zone, from, to } = options;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  if (limit <= 0) return;
  const withinUntil = untilTest(rule.until, zone);
  const occurrenceOn = (date: CivilDate): Occurrence => ({
    date,
    time: start.time,
    instant: start.time ? zonedToEpoch(date, start.time, zone) : null,
  });
  let produced = 0;
  let yielded = 0;

  // "stop" ends the expansion, "skip" drops an occurrence before the window, "emit" yields it.
  const judge = (occurrence: Occurrence): "stop" | "skip" | "emit" => {
    if (!withinUntil(occurrence)) return "stop";
    if (rule.count !== null && produced >= rule.count) return "stop";
    produced++;
    const at = occurrence.instant ?? zonedToEpoch(occurrence.date, MIDNIGHT, zone);
    if (to !== undefined && at >= to) return "stop";
    return from !== undefined && at < from ? "skip" : "emit";
  };

  const first = occurrenceOn(start.date);
  const verdict = judge(first);
  if (verdict === "stop") return;
  if (verdict === "emit") {
    yield first;
    if (++yielded >= limit) return;
  }

  // The wall-clock day after `to`: no later period can hold an occurrence inside the window.
  const lastDate = to === undefined ? null : addDays(epochToZoned(to, zone).date, 1);
  let index = 0;
  // COUNT depends on every earlier occurrence, so only an uncounted rule may skip ahead.
  if (from !== undefined && rule.count === null) {
    const fromDate = addDays(epochToZoned(from, zone).date, -1);
    index = Math.max(0, Math.floor(periodIndexOf(rule, start.date, fromDate) / rule.interval)) * rule.interval;
  }
  for (let empty = 0; empty < MAX_EMPTY_PERIODS; index += rule.interval) {
    const dates = datesInPeriod(rule, start.date, index).filter((d) => compareDates(d, start.date) > 0);
    empty = dates.length === 0 ? empty + 1 : 0;
    for (const date of dates) {
      if (date.y > LAST_YEAR) return;
      const occurrence = occurrenceOn(date);
      const next = judge(occurrence);
      if (next === "stop") return;
      if (next === "emit") {
        yield occurrence;
        if (++yielded >= limit) return;
      }
    }
    if (dates.length === 0) {
      // Periods without candidates never reach the `to` or year checks above, so test their first day.
      const first = periodStart(rule, start.date, index + rule.interval);
      if (first.y > LAST_YEAR || (lastDate !== null && compareDates(first, lastDate) > 0)) return;
    }
  }
}

/** The UNTIL check for an occurrence; all-day occurrences count as starting at midnight. */
function untilTest(until: RRuleUntil | null, zone: string): (occurrence: Occurrence) => boolean {
  if (until === null) return () => true;
  if (until.kind === "date") return (o) => compareDates(o.date, until.date) <= 0;
  const t = until.time;
  const untilWall = daysFromCivil(until.date.y, until.date.m, until.date.d) * MS_PER_DAY + ((t.h * 60 + t.mi) * 60 + t.s) * 1000;
  if (until.kind === "floating") {
    return (o) => {
      const time = o.time ?? MIDNIGHT;
      return daysFromCivil(o.date.y, o.date.m, o.date.d) * MS_PER_DAY + ((time.h * 60 + time.mi) * 60 + time.s) * 1000 <= untilWall;
    };
  }
  // A `Z` UNTIL is a UTC instant: wall-clock arithmetic in UTC is that instant.
  return (o) => (o.instant ?? zonedToEpoch(o.date, MIDNIGHT, zone)) <= untilWall;
}
