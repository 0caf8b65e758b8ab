/**
 * Decides when an event happens from the mentions of its group: which day, which time, the end, the zone
 * and the recurrence, following the reading conventions (forward-looking days, the bare-hour and range
 * rules, overnight ends, midnight ending the day, first occurrence of a rule on or after the reference).
 */
import { addDays, type CivilDate, compareDates, daysFromCivil, MS_PER_MINUTE } from "../../time/civil.js";
import { epochToZoned, zonedToEpoch } from "../../time/zone.js";
import { resolveRange, resolveTime, type ResolvedTime } from "../resolve.js";
import type { DateMention, DateTimeRangeMention, DurationMention, InstantMention, Mention, ParsingContext, RecurrenceMention, RecurrenceSpec, TimeMention, ZoneMention } from "../types.js";
import { copyMention, copyRule, makeDate } from "../extractors/mention.js";
import { closedCopy, closeRule, firstOccurrence, formatRule, mergeRules } from "./recurrence.js";
import { isAdjectival } from "./segment.js";

export interface Timing {
  allDay: boolean;
  /** All-day: dates; timed: epoch ms. */
  startDate?: CivilDate;
  endDate?: CivilDate | null;
  startEpoch?: number;
  endEpoch?: number | null;
  recurrence: string | null;
  /** The event's zone when the text names one a rule repeats in; the parse zone otherwise. */
  timezone?: string;
  /** Mentions that were read (their text leaves the title). */
  used: Set<Mention>;
  dayMention?: Mention;
  timeMention?: Mention;
  recurrenceMention?: Mention;
  durationMention?: Mention;
  zoneMention?: Mention;
  confidence: number;
  /** The day, for later groups that give only a time. */
  day?: CivilDate;
}

interface Picked {
  days: DateMention[];
  day?: DateMention;
  time?: TimeMention;
  range?: DateTimeRangeMention;
  duration?: DurationMention;
  zone?: ZoneMention;
  recurrences: RecurrenceMention[];
  instant?: InstantMention;
  until?: DateMention;
  starting?: DateMention;
}

const adjectivalTime = (ctx: ParsingContext, t: TimeMention): boolean => Boolean(t.soft) && isAdjectival(ctx, t);
const explicitTime = (t: TimeMention): boolean => Boolean(t.time.meridiem || t.time.is24h || t.time.midnight || t.endTime);

function pick(ctx: ParsingContext, mentions: Mention[]): Picked {
  // All fields from the start, in one order: one object shape for every pick (see `readTiming`).
  const p: Picked = { days: [], day: undefined, time: undefined, range: undefined, duration: undefined, zone: undefined, recurrences: [], instant: undefined, until: undefined, starting: undefined };
  const hasRecurrence = mentions.some((m) => m.kind === "recurrence");
  for (const m of mentions) {
    if (m.kind === "date") {
      if (m.lead && ctx.locale.untilWords.has(m.lead) && (hasRecurrence || p.days.length > 0 || p.time)) p.until ??= m;
      else if (m.lead && ctx.locale.startingWords.has(m.lead) && hasRecurrence) p.starting ??= m;
      else p.days.push(m);
    } else if (m.kind === "time") {
      if (!p.time || (adjectivalTime(ctx, p.time) && !adjectivalTime(ctx, m)) || (p.time.weak && !m.weak) || (!explicitTime(p.time) && explicitTime(m) && !adjectivalTime(ctx, m))) p.time = m;
    } else if (m.kind === "dateTimeRange") p.range ??= m;
    else if (m.kind === "duration") p.duration ??= m;
    else if (m.kind === "zone") p.zone ??= m;
    else if (m.kind === "recurrence") p.recurrences.push(m);
    else if (m.kind === "instant") p.instant ??= m;
  }
  // The first hard day, else the first day that is not an adjective, else the first day (no filtered copies).
  p.day = p.days.find((d) => !d.soft) ?? p.days.find((d) => !(d.soft && isAdjectival(ctx, d))) ?? p.days[0];
  return p;
}

/** Per locale, the answer of `speaksOfEvening` per text (each locale has its own evening words). */
const eveningTexts = new Map<string, Map<string, boolean>>();

/**
 * True when the text speaks of the evening (dinner, drinks, party…) in the locale's words; remembered per
 * locale and text, it is asked often. (Remembered per text alone, a text read in one locale first kept that
 * answer when read in another.)
 */
function speaksOfEvening(ctx: ParsingContext, text: string): boolean {
  let known = eveningTexts.get(ctx.locale.code);
  if (!known) eveningTexts.set(ctx.locale.code, (known = new Map()));
  let found = known.get(text);
  if (found === undefined) {
    const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
    found = words.some((w) => ctx.locale.eveningWords.has(w)) || /happy\s+hour/i.test(text);
    if (known.size > 5_000) known.clear();
    known.set(text, found);
  }
  return found;
}

/** Words in the group that make a bare 7–11 an evening hour. */
function isEvening(ctx: ParsingContext, text: string, day: DateMention | undefined, time: TimeMention | undefined): boolean {
  const part = day?.daypart ?? time?.time.daypart;
  if (part === "evening" || part === "night" || part === "afternoon") return true;
  if (part === "morning") return false;
  return speaksOfEvening(ctx, text);
}

function morningOnly(day: DateMention | undefined, time: TimeMention | undefined): boolean {
  return (day?.daypart ?? time?.time.daypart) === "morning";
}

/** Where a zone written in the text lives, for rules that repeat in it ("ET" → America/New_York). */
const ZONE_HOMES: Record<string, string> = {
  pst: "America/Los_Angeles", pdt: "America/Los_Angeles", pt: "America/Los_Angeles",
  mst: "America/Denver", mdt: "America/Denver", mt: "America/Denver",
  cst: "America/Chicago", cdt: "America/Chicago", ct: "America/Chicago",
  est: "America/New_York", edt: "America/New_York", et: "America/New_York",
  gmt: "Europe/London", bst: "Europe/London", utc: "UTC", z: "UTC",
  cet: "Europe/Berlin", cest: "Europe/Berlin", jst: "Asia/Tokyo", ist: "Asia/Kolkata", aest: "Australia/Sydney", aedt: "Australia/Sydney",
};

function zoneHome(zone: ZoneMention): string | undefined {
  return zone.zone.iana ?? ZONE_HOMES[zone.text.toLowerCase().replace(/[()\s]/g, "")];
}

/** Resolves a start (and optional end) time of day into minutes, with the daypart of the day mention. */
function minutesOf(ctx: ParsingContext, text: string, day: DateMention | undefined, time: TimeMention): { start: ResolvedTime; end?: ResolvedTime } {
  const evening = isEvening(ctx, text, day, time);
  const morning = morningOnly(day, time);
  const adjust = (spec: TimeMention["time"]): TimeMention["time"] => (morning && !spec.meridiem && !spec.is24h && !spec.midnight && spec.hour <= 12 ? { ...spec, meridiem: "am" } : spec);
  if (time.endTime) return resolveRange(adjust(time.time), adjust(time.endTime), evening);
  return { start: resolveTime(adjust(time.time), evening) };
}

/** The instant of a wall-clock time on a day, in the event zone or in a zone written in the text. */
function instantOf(ctx: ParsingContext, date: CivilDate, minutes: number, zone: ZoneMention | undefined): number {
  const extraDays = Math.floor(minutes / 1440);
  const day = addDays(date, extraDays);
  const rest = minutes - extraDays * 1440;
  const time = { h: Math.floor(rest / 60), mi: Math.floor(rest % 60), s: Math.round((rest * 60) % 60) };
  if (zone?.zone.iana) return zonedToEpoch(day, time, zone.zone.iana);
  if (zone?.zone.offset !== undefined) return (daysFromCivil(day.y, day.m, day.d) * 1440 + rest - zone.zone.offset) * MS_PER_MINUTE;
  return zonedToEpoch(day, time, ctx.zone);
}

/** Reads the timing of one event group; null when the group says nothing about when. */
export function readTiming(ctx: ParsingContext, mentions: Mention[], groupText: string, inheritedDay: CivilDate | undefined): Timing | null {
  const p = pick(ctx, mentions);
  const used = new Set<Mention>();
  // Every field is present from the start, in one order, so all timings share one object shape and the
  // assembler's reads of them stay monomorphic (fields added later in varying orders made them megamorphic).
  const timing: Timing = {
    allDay: false, startDate: undefined, endDate: undefined, startEpoch: undefined, endEpoch: undefined, recurrence: null, timezone: undefined,
    used, dayMention: undefined, timeMention: undefined, recurrenceMention: undefined, durationMention: undefined, zoneMention: undefined,
    confidence: 1, day: undefined,
  };
  const note = (m: Mention | undefined): void => {
    if (m) {
      used.add(m);
      timing.confidence = Math.min(timing.confidence, m.confidence);
    }
  };
  // Bare-number ranges ("5-7") only count beside a day.
  if (p.time?.weak && !p.day && p.recurrences.length === 0 && !inheritedDay) p.time = undefined;
  if (p.zone && !p.time && !p.range && !p.instant) p.zone = undefined;

  if (p.recurrences.length > 0) return recurringTiming(ctx, p, timing, note, groupText);

  if (p.range) {
    note(p.range);
    const evening = isEvening(ctx, groupText, undefined, undefined);
    const r = resolveRange(p.range.startTime, p.range.endTime, evening);
    timing.startEpoch = instantOf(ctx, p.range.startDate, r.start.minutes, p.zone);
    timing.endEpoch = instantOf(ctx, p.range.endDate, r.end.minutes, p.zone);
    note(p.zone);
    timing.dayMention = p.range;
    timing.timeMention = p.range;
    timing.zoneMention = p.zone;
    timing.day = p.range.startDate;
    return timing;
  }

  const day = p.day;
  if (day) {
    note(day);
    timing.dayMention = day;
    // Soft days the chosen day outranks are read too (their words leave the title unless adjectival).
    for (const other of p.days) if (other !== day && other.soft && !isAdjectival(ctx, other)) used.add(other);
  }
  const time = p.time ?? (day?.time ? undefined : undefined);
  if (!day && !time && !p.instant) return null;

  if (p.instant && !time && (!day || day.source === "RelativeDayExtractor")) {
    note(p.instant);
    timing.startEpoch = p.instant.epoch;
    timing.dayMention = p.instant;
    applyDuration(timing, p.duration, note);
    return timing;
  }

  const date = day?.date ?? inheritedDay;
  if (time) {
    note(time);
    timing.timeMention = time;
    note(p.zone);
    timing.zoneMention = p.zone;
    const mins = minutesOf(ctx, groupText, day, time);
    if (mins.start.guessed) timing.confidence = Math.min(timing.confidence, time.endTime ? 0.7 : 0.6);
    let startDate = date;
    if (!startDate) {
      // A time alone is its next occurrence: today if still ahead, otherwise tomorrow.
      startDate = ctx.today;
      if (instantOf(ctx, ctx.today, mins.start.minutes, p.zone) < ctx.reference) startDate = addDays(ctx.today, 1);
      timing.confidence = Math.min(timing.confidence, 0.75);
    }
    timing.startEpoch = instantOf(ctx, startDate, mins.start.minutes, p.zone);
    timing.day = startDate;
    if (mins.end) {
      let endMinutes = mins.end.minutes;
      if (endMinutes <= mins.start.minutes) endMinutes += 1440; // overnight: the end is on the next day
      timing.endEpoch = instantOf(ctx, startDate, endMinutes, p.zone);
    } else if (day?.endDate) {
      timing.endEpoch = null;
    }
    applyDuration(timing, p.duration, note);
    return timing;
  }

  if (day?.time) {
    const mins = resolveTime(day.time, false);
    timing.startEpoch = instantOf(ctx, day.date, mins.minutes, p.zone);
    if (day.endTime) timing.endEpoch = instantOf(ctx, day.date, resolveTime(day.endTime, false).minutes, p.zone);
    timing.day = day.date;
    applyDuration(timing, p.duration, note);
    return timing;
  }

  // A day without a time is an all-day event; a span has an exclusive end date.
  timing.allDay = true;
  timing.startDate = date;
  timing.day = date;
  timing.endDate = day?.endDate ?? null;
  if (!timing.endDate && p.until && date) {
    note(p.until);
    timing.endDate = addDays(p.until.date, 1);
  }
  if (p.duration && date && p.duration.unit !== "minute" && p.duration.unit !== "times") {
    note(p.duration);
    timing.durationMention = p.duration;
    timing.endDate = addDays(date, Math.round(p.duration.minutes / 1440));
  }
  return timing;
}

function applyDuration(timing: Timing, duration: DurationMention | undefined, note: (m: Mention | undefined) => void): void {
  if (!duration || duration.unit === "times" || timing.startEpoch === undefined) return;
  if (timing.endEpoch !== undefined && timing.endEpoch !== null) return;
  note(duration);
  timing.durationMention = duration;
  timing.endEpoch = timing.startEpoch + duration.minutes * MS_PER_MINUTE;
}

/** A copy of the rule with a COUNT. */
function withCount(rule: RecurrenceSpec, count: number): RecurrenceSpec {
  const counted = copyRule(rule);
  counted.count = count;
  return counted;
}

function recurringTiming(ctx: ParsingContext, p: Picked, timing: Timing, note: (m: Mention | undefined) => void, groupText: string): Timing | null {
  for (const r of p.recurrences) note(r);
  timing.recurrenceMention = p.recurrences.find((r) => !r.rule.open) ?? p.recurrences[0];
  let rule: RecurrenceSpec = mergeRules(p.recurrences);
  const dayForRule = rule.open ? p.day : undefined;
  if (dayForRule) note(dayForRule);
  rule = closeRule(rule, dayForRule);
  const time = p.time;
  let mins: { start: ResolvedTime; end?: ResolvedTime } | undefined;
  if (time) {
    note(time);
    note(p.zone);
    timing.timeMention = time;
    timing.zoneMention = p.zone;
    mins = minutesOf(ctx, groupText, p.day, time);
    if (mins.start.guessed) timing.confidence = Math.min(timing.confidence, 0.6);
  }
  let from = ctx.today;
  let spanEnd: CivilDate | undefined;
  // A rule written with a zone ("every Tuesday 9am ET") repeats in that zone's wall-clock time.
  const home = p.zone ? zoneHome(p.zone) : undefined;
  if (home) {
    p.zone = copyMention(p.zone!, { zone: { iana: home } });
    timing.timezone = home;
  }
  if (p.starting) {
    note(p.starting);
    from = compareDates(p.starting.date, ctx.today) > 0 ? p.starting.date : ctx.today;
  } else if (p.day && !dayForRule && p.day.explicit && !rule.open && p.day.source !== "RelativeDayExtractor") {
    // "every Thursday … Dec 3": a written day is where the rule starts; a written span ("June 22 – Aug 14")
    // is where it starts and ends.
    note(p.day);
    if (compareDates(p.day.date, from) > 0) from = p.day.date;
    if (p.day.endDate && !p.until) spanEnd = addDays(p.day.endDate, -1);
  }
  // Durations in weeks/months/sessions bound the rule; shorter ones are the event's length.
  if (p.duration && p.duration.unit !== "minute" && p.duration.unit !== "day") {
    note(p.duration);
    const perWeek = rule.freq === "WEEKLY" ? Math.max(1, rule.byDay?.length ?? 1) : 1;
    const amount = p.duration.amount;
    rule = withCount(rule, p.duration.unit === "times" ? amount : p.duration.unit === "week" && rule.freq === "WEEKLY" ? Math.round((amount * perWeek) / (rule.interval ?? 1)) : p.duration.unit === "month" && rule.freq === "MONTHLY" ? amount : rule.freq === "DAILY" && p.duration.unit === "week" ? amount * 7 : amount);
  }
  const startMinutes = mins?.start.minutes;
  const first = firstOccurrence(rule, from, (date) => startMinutes === undefined || instantOf(ctx, date, startMinutes, p.zone) >= ctx.reference);
  if (!first) return null;
  if (rule.open && rule.freq === "WEEKLY") rule = closeRule(rule, makeDate("first occurrence", { start: 0, end: 0, text: "" }, 1, { date: first, explicit: true }));
  let until: CivilDate | undefined = spanEnd;
  if (p.until) {
    note(p.until);
    until = p.until.date;
  }
  timing.day = first;
  if (startMinutes === undefined) {
    timing.allDay = true;
    timing.startDate = first;
    timing.endDate = null;
    timing.recurrence = formatRule(closedCopy(rule), until, true);
    return timing;
  }
  timing.startEpoch = instantOf(ctx, first, startMinutes, p.zone);
  if (mins?.end) {
    let endMinutes = mins.end.minutes;
    if (endMinutes <= startMinutes) endMinutes += 1440;
    timing.endEpoch = instantOf(ctx, first, endMinutes, p.zone);
  }
  applyDuration(timing, p.duration?.unit === "minute" ? p.duration : undefined, note);
  timing.recurrence = formatRule(closedCopy(rule), until, false);
  return timing;
}

/** The reference day and time in the parse zone (the context builder uses it). */
export function referenceWallClock(reference: number, zone: string): { today: CivilDate; minutes: number } {
  const { date, time } = epochToZoned(reference, zone);
  return { today: date, minutes: time.h * 60 + time.mi };
}

