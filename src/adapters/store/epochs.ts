/** The instants a stored event occupies (start_epoch, end_epoch), as the window query reads them. */
import { type CivilDate, addDays, isValidDate, MS_PER_DAY, toDays } from "../../core/time/civil.js";
import { epochToZoned, isValidZone, parseIsoInstant, zonedToEpoch } from "../../core/time/zone.js";
import { expandRRule, type Occurrence, type RecurrenceStart } from "../../core/recurrence/expand.js";
import { parseRRule, type RRule } from "../../core/recurrence/rrule.js";

/**
 * end_epoch of a recurring event whose rule never ends (no COUNT or UNTIL, an unreadable rule, or one too
 * long to expand): 10000-01-01T00:00:00Z, past the expander's last year. A sentinel rather than NULL keeps
 * the window predicate a single indexable range (`end_epoch >= from`) on both backends.
 */
export const OPEN_END_EPOCH = Date.UTC(10000, 0, 1);

/** Most occurrences expanded to find a bounded rule's last one; past it the bound is estimated (see below). */
export const MAX_EXPANDED_OCCURRENCES = 5_000;

/** The fields the epochs depend on. */
export interface EventTiming {
  start: string;
  end: string | null;
  allDay: boolean;
  timezone: string;
  recurrence: string | null;
}

/** `startEpoch`: the first start; `endEpoch`: the end of the last occurrence (OPEN_END_EPOCH when unbounded). */
export interface EventEpochs {
  startEpoch: number;
  endEpoch: number;
}

const MIDNIGHT = { h: 0, mi: 0, s: 0 };

/**
 * Computes the epochs of an event; throws a RangeError naming the field when `start`/`end` cannot be read.
 * Timed values are ISO instants (an offset-less value is wall-clock time in `timezone`); all-day values are
 * plain dates read at 00:00 in `timezone`, and an all-day event without an end lasts one day (RFC 5545).
 * A timed event without an end occupies its start instant only. An end before the start counts as the start.
 * EXDATEs are ignored: an excluded last occurrence only makes the bound looser, never wrong.
 */
export function eventEpochs(timing: EventTiming): EventEpochs {
  const { timezone } = timing;
  if (!isValidZone(timezone)) throw new RangeError(`timezone: not an IANA zone name: ${JSON.stringify(timezone)}`);
  let startEpoch: number;
  let firstEnd: number;
  let allDaySpan = 0;
  let startDate: CivilDate;
  if (timing.allDay) {
    startDate = readDate(timing.start, "start");
    const endDate = timing.end === null ? addDays(startDate, 1) : readDate(timing.end, "end");
    allDaySpan = Math.max(0, toDays(endDate) - toDays(startDate));
    startEpoch = zonedToEpoch(startDate, MIDNIGHT, timezone);
    firstEnd = zonedToEpoch(endDate, MIDNIGHT, timezone);
  } else {
    startEpoch = readInstant(timing.start, timezone, "start");
    firstEnd = timing.end === null ? startEpoch : readInstant(timing.end, timezone, "end");
    startDate = epochToZoned(startEpoch, timezone).date;
  }
  firstEnd = Math.max(firstEnd, startEpoch);
  if (timing.recurrence === null) return { startEpoch, endEpoch: firstEnd };

  const rule = parseRRule(timing.recurrence);
  if (rule === null || (rule.count === null && rule.until === null)) return { startEpoch, endEpoch: OPEN_END_EPOCH };
  const start: RecurrenceStart = { date: startDate, time: timing.allDay ? null : epochToZoned(startEpoch, timezone).time };
  const endOf = (o: Occurrence): number =>
    timing.allDay ? zonedToEpoch(addDays(o.date, allDaySpan), MIDNIGHT, timezone) : (o.instant ?? startEpoch) + (firstEnd - startEpoch);

  let last: Occurrence | null = null;
  let expanded = 0;
  for (const occurrence of expandRRule(rule, start, { zone: timezone, limit: MAX_EXPANDED_OCCURRENCES + 1 })) {
    last = occurrence;
    expanded++;
  }
  // UNTIL before DTSTART yields nothing: the event is its first instance only.
  if (last === null) return { startEpoch, endEpoch: firstEnd };
  if (expanded <= MAX_EXPANDED_OCCURRENCES) return { startEpoch, endEpoch: Math.max(endOf(last), firstEnd) };
  return { startEpoch, endEpoch: untilBound(rule, timezone, firstEnd - startEpoch) };
}

/** A rule too long to expand: an occurrence starts at UNTIL at the latest; a huge COUNT is treated as open. */
function untilBound(rule: RRule, zone: string, durationMs: number): number {
  const until = rule.until;
  if (until === null) return OPEN_END_EPOCH;
  const latestStart =
    until.kind === "date"
      ? zonedToEpoch(addDays(until.date, 1), MIDNIGHT, zone)
      : until.kind === "utc"
        ? Date.UTC(until.date.y, until.date.m - 1, until.date.d, until.time.h, until.time.mi, until.time.s)
        : zonedToEpoch(until.date, until.time, zone);
  // A day of slack covers a daylight-saving shift inside the last occurrence.
  return latestStart + durationMs + MS_PER_DAY;
}

function readDate(text: string, field: string): CivilDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(typeof text === "string" ? text.trim() : "");
  const date = m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
  if (date === null || !isValidDate(date.y, date.m, date.d)) throw new RangeError(`${field}: not a YYYY-MM-DD date: ${JSON.stringify(text)}`);
  return date;
}

function readInstant(text: string, zone: string, field: string): number {
  const epoch = typeof text === "string" ? parseIsoInstant(text, zone) : null;
  if (epoch === null) throw new RangeError(`${field}: not an ISO 8601 date-time: ${JSON.stringify(text)}`);
  return epoch;
}
