/**
 * A schema.org Schedule (`eventSchedule`) read into the first occurrence and an RRULE: repeatFrequency
 * (`P1W`, `P2W`, `P1M`, "weekly"…), byDay, byMonthDay, byMonth, startDate/endDate (UNTIL, inclusive),
 * startTime/endTime, duration, repeatCount (COUNT), exceptDate (exdates) and scheduleTimezone.
 */
import { type CivilDate, type WallTime, addDays, compareDates, daysInMonth, formatDate, weekdayOf } from "../../core/time/civil.js";
import { parseDuration } from "../../core/ical/values.js";
import { type Frequency, type RRule, formatRRule, parseRRule } from "../../core/recurrence/rrule.js";
import { epochToZoned, formatInstant, isValidZone, parseIsoInstant, zonedToEpoch } from "../../core/time/zone.js";
import type { ExtractContext } from "../types.js";
import { type SchemaMoment, addDuration, dateOf, readSchemaDate, readSchemaTime, timeOf } from "./schemaDate.js";
import { FREQUENCY_WORDS, WEEKDAYS, localName } from "./vocabulary.js";

/** A Schedule as written on the page; every value is text (lists may be empty). */
export interface ScheduleDraft {
  repeatFrequency: string | null;
  byDay: string[];
  byMonthDay: string[];
  byMonth: string[];
  startDate: string | null;
  endDate: string | null;
  startTime: string | null;
  endTime: string | null;
  duration: string | null;
  repeatCount: string | null;
  exceptDates: string[];
  scheduleTimezone: string | null;
}

/** The event's own dates, which fill in what the schedule leaves out. */
export interface EventDates {
  start: SchemaMoment | null;
  end: SchemaMoment | null;
  duration: string | null;
}

/** Timing fields of a recurring event in the Event contract's forms. */
export interface RecurringTiming {
  start: string;
  end: string | null;
  allDay: boolean;
  timezone: string;
  recurrence: string;
  exdates: string[];
}

// How far ahead the first occurrence is looked for (covers BYMONTH=2;BYMONTHDAY=29 rules).
const SEARCH_DAYS = 4 * 366 + 1;

/**
 * The first occurrence and rule, or a reason the schedule cannot be read. The first occurrence is the
 * first matching day on or after the schedule's startDate (else the event's startDate: a series keeps its
 * real start, as an iCalendar DTSTART does); with neither, the first one at or after the reference. The
 * zone is scheduleTimezone when valid, else the context zone. UNTIL is written like the parser writes it:
 * a date for all-day series, 23:59:59 floating time for timed ones. COUNT and UNTIL together: UNTIL wins.
 */
export function scheduleTiming(schedule: ScheduleDraft, event: EventDates, ctx: ExtractContext, warn: (message: string) => void): RecurringTiming | string {
  const byDay = schedule.byDay.map((d) => ({ text: d, weekday: WEEKDAYS[localName(d).toLowerCase()] }));
  for (const bad of byDay.filter((d) => d.weekday === undefined)) warn(`byDay ${JSON.stringify(bad.text)} is not a weekday and is ignored`);
  const weekdays = [...new Set(byDay.flatMap((d) => (d.weekday === undefined ? [] : [d.weekday])))];
  const rate = readFrequency(schedule.repeatFrequency) ?? (schedule.repeatFrequency === null && weekdays.length > 0 ? { freq: "WEEKLY" as const, interval: 1 } : null);
  if (!rate) return `repeatFrequency ${JSON.stringify(schedule.repeatFrequency)} is not a supported repeat`;

  let zone = ctx.timezone;
  if (schedule.scheduleTimezone !== null) {
    if (isValidZone(schedule.scheduleTimezone)) zone = schedule.scheduleTimezone;
    else warn(`scheduleTimezone ${JSON.stringify(schedule.scheduleTimezone)} is not an IANA zone; ${ctx.timezone} is used`);
  }
  const scheduleStart = schedule.startDate ? readSchemaDate(schedule.startDate) : null;
  const anchor = scheduleStart ?? event.start;
  const time = readTime(schedule.startTime) ?? (anchor ? timeOf(anchor, zone) : null);
  const reference = parseIsoInstant(ctx.reference, ctx.timezone);
  if (reference === null) return `the reference ${JSON.stringify(ctx.reference)} is not an ISO instant`;
  const from = anchor ? dateOf(anchor, zone) : epochToZoned(reference, zone).date;

  const scheduleEnd = schedule.endDate ? readSchemaDate(schedule.endDate) : null;
  // An event whose endDate lies on a later day than the series start bounds the series (a term of classes).
  const seriesEnd = scheduleEnd ?? (event.end && compareDates(dateOf(event.end, zone), from) > 0 && (event.end.kind === "date" || schedule.endTime !== null) ? event.end : null);
  const until = seriesEnd ? dateOf(seriesEnd, zone) : null;
  let count = schedule.repeatCount !== null && /^\d+$/.test(schedule.repeatCount.trim()) && Number(schedule.repeatCount) > 0 ? Number(schedule.repeatCount) : null;
  if (count !== null && until !== null) {
    warn("repeatCount and endDate are both given; endDate bounds the series");
    count = null;
  }
  let byMonthDay = numbers(schedule.byMonthDay, 31, true);
  const byMonth = numbers(schedule.byMonth, 12, false);
  if (rate.freq === "WEEKLY" && byMonthDay.length > 0) {
    warn("byMonthDay does not apply to a weekly schedule and is ignored");
    byMonthDay = [];
  }

  const matches = (d: CivilDate): boolean =>
    (weekdays.length === 0 || weekdays.includes(weekdayOf(d))) &&
    (byMonth.length === 0 || byMonth.includes(d.m)) &&
    (byMonthDay.length === 0 || byMonthDay.some((n) => (n > 0 ? n : daysInMonth(d.y, d.m) + 1 + n) === d.d));
  const notPast = (d: CivilDate): boolean => anchor !== null || (time ? zonedToEpoch(d, time, zone) >= reference : true);
  let first: CivilDate | null = null;
  for (let i = 0; i < SEARCH_DAYS && first === null; i++) {
    const d = addDays(from, i);
    if (until && compareDates(d, until) > 0) break;
    if (matches(d) && notPast(d)) first = d;
  }
  if (first === null) return "the schedule has no occurrence";

  const rule: RRule = {
    freq: rate.freq,
    interval: rate.interval,
    count,
    until: until === null ? null : time ? { kind: "floating", date: until, time: { h: 23, mi: 59, s: 59 } } : { kind: "date", date: until },
    byDay: weekdays.map((weekday) => ({ weekday, ordinal: null })),
    byMonthDay,
    byMonth,
    wkst: 1,
  };
  const recurrence = formatRRule(rule);
  if (parseRRule(recurrence) === null) return `the schedule gives an unsupported rule ${recurrence}`;
  const exdates = schedule.exceptDates.flatMap((value) => {
    const moment = readSchemaDate(value);
    if (!moment) {
      warn(`exceptDate ${JSON.stringify(value)} is not a date and is ignored`);
      return [];
    }
    const date = dateOf(moment, zone);
    return [time ? formatInstant(zonedToEpoch(date, time, zone), zone) : formatDate(date)];
  });
  if (time === null) {
    const duration = schedule.duration ?? event.duration;
    const length = duration ? Math.max(0, parseDuration(duration)?.days ?? 0) : 0;
    return { start: formatDate(first), end: length > 0 ? formatDate(addDays(first, length)) : null, allDay: true, timezone: zone, recurrence, exdates };
  }
  const startEpoch = zonedToEpoch(first, time, zone);
  return { start: formatInstant(startEpoch, zone), end: endOf(first, time, startEpoch, schedule, event, zone), allDay: false, timezone: zone, recurrence, exdates };
}

// endTime (the next day when earlier than the start: an overnight class), else a duration, else the event's own end time.
function endOf(first: CivilDate, time: WallTime, startEpoch: number, schedule: ScheduleDraft, event: EventDates, zone: string): string | null {
  const endTime = readTime(schedule.endTime) ?? (event.end && event.end.kind !== "date" && event.start && compareDates(dateOf(event.end, zone), dateOf(event.start, zone)) === 0 ? timeOf(event.end, zone) : null);
  let endEpoch: number | null = null;
  if (endTime) {
    const overnight = endTime.h * 3600 + endTime.mi * 60 + endTime.s < time.h * 3600 + time.mi * 60 + time.s;
    endEpoch = zonedToEpoch(overnight ? addDays(first, 1) : first, endTime, zone);
  } else {
    const duration = schedule.duration ?? event.duration;
    if (duration) endEpoch = addDuration(startEpoch, duration, zone);
  }
  return endEpoch === null || endEpoch <= startEpoch ? null : formatInstant(endEpoch, zone);
}

function readTime(value: string | null): WallTime | null {
  return value === null ? null : readSchemaTime(value);
}

function readFrequency(value: string | null): { freq: Frequency; interval: number } | null {
  if (value === null) return null;
  const text = value.trim();
  const iso = /^P(\d+)([DWMY])$/i.exec(text);
  if (iso) {
    const interval = Number(iso[1]);
    const freq = ({ D: "DAILY", W: "WEEKLY", M: "MONTHLY", Y: "YEARLY" } as const)[iso[2].toUpperCase() as "D" | "W" | "M" | "Y"];
    return interval > 0 ? { freq, interval } : null;
  }
  return FREQUENCY_WORDS[localName(text).toLowerCase()] ?? null;
}

function numbers(values: string[], max: number, signed: boolean): number[] {
  return values
    .map((v) => Number(v))
    .filter((n) => Number.isInteger(n) && n !== 0 && Math.abs(n) <= max && (signed || n > 0));
}
