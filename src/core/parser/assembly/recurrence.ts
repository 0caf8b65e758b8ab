/** Turns recurrence mentions (and the days written beside them) into one rule, and finds its first occurrence. */
import { addDays, addMonths, type CivilDate, compareDates, daysInMonth, formatDate, nthWeekdayOfMonth, weekdayOf } from "../../time/civil.js";
import { copyRule } from "../extractors/mention.js";
import { DAY_CODES } from "../extractors/weekdayList.js";
import type { DateMention, RecurrenceMention, RecurrenceSpec } from "../types.js";

/** Merges several recurrence mentions: concrete days win over bare frequency words ("Weekly … on Mondays"). */
export function mergeRules(mentions: RecurrenceMention[]): RecurrenceSpec {
  const concrete = mentions.find((m) => !m.rule.open) ?? mentions[0];
  const rule = copyRule(concrete.rule);
  rule.byDay = concrete.rule.byDay ? [...concrete.rule.byDay] : undefined;
  for (const other of mentions) {
    if (other === concrete) continue;
    if (other.rule.interval && !rule.interval) rule.interval = other.rule.interval;
    if (rule.open && other.rule.freq === rule.freq) Object.assign(rule, { ...other.rule, interval: rule.interval ?? other.rule.interval });
  }
  return rule;
}

/** A copy of the rule that is no longer open: what is written out, or filled in (see `copyRule`). */
export function closedCopy(rule: RecurrenceSpec): RecurrenceSpec {
  const closed = copyRule(rule);
  closed.open = false;
  return closed;
}

/** Fills an open rule ("every two weeks", "monthly", "every year") from the day written beside it. */
export function closeRule(rule: RecurrenceSpec, day: DateMention | undefined): RecurrenceSpec {
  if (!rule.open || !day) return rule;
  const closed = closedCopy(rule);
  if (rule.freq === "WEEKLY" && day.weekday !== undefined) closed.byDay = [DAY_CODES[day.weekday]];
  else if (rule.freq === "WEEKLY") closed.byDay = [DAY_CODES[weekdayOf(day.date)]];
  else if (rule.freq === "MONTHLY") closed.byMonthDay = day.dayOfMonth ?? day.date.d;
  else if (rule.freq === "YEARLY") {
    closed.byMonth = day.date.m;
    closed.byMonthDay = day.date.d;
  }
  return closed;
}

interface DayCode {
  weekday: number;
  nth: number | null;
}

const parsedCodes = new Map<string, DayCode | null>();

function dayCode(code: string): DayCode | null {
  let parsed = parsedCodes.get(code);
  if (parsed === undefined) {
    const m = /^(-?\d)?([A-Z]{2})$/.exec(code);
    parsed = m ? { weekday: DAY_CODES.indexOf(m[2] as (typeof DAY_CODES)[number]), nth: m[1] ? Number(m[1]) : null } : null;
    parsedCodes.set(code, parsed);
  }
  return parsed;
}

/** True when `date` is a day the rule repeats on (ignoring INTERVAL, which counts from the first occurrence). */
export function matchesRule(rule: RecurrenceSpec, date: CivilDate): boolean {
  if (rule.byMonth && date.m !== rule.byMonth) return false;
  if (rule.byMonthDays) {
    if (!rule.byMonthDays.includes(date.d)) return false;
  } else if (rule.byMonthDay) {
    const target = rule.byMonthDay > 0 ? rule.byMonthDay : daysInMonth(date.y, date.m) + rule.byMonthDay + 1;
    if (date.d !== target) return false;
  }
  if (rule.byDay && rule.byDay.length > 0) {
    const weekday = weekdayOf(date);
    return rule.byDay.some((text) => {
      const code = dayCode(text);
      if (!code || code.weekday !== weekday) return false;
      if (code.nth === null) return true;
      const nth = nthWeekdayOfMonth(date.y, date.m, code.weekday, code.nth);
      return nth !== null && compareDates(nth, date) === 0;
    });
  }
  return true;
}

/**
 * The first day on or after `from` that the rule repeats on (within four years), or null. Rules tied to a
 * day of the month jump from month to month; the rest walk day by day.
 */
export function firstOccurrence(rule: RecurrenceSpec, from: CivilDate, accept: (date: CivilDate) => boolean): CivilDate | null {
  if (rule.byMonthDay && rule.byMonthDay > 0 && !rule.byDay && !rule.byMonthDays) {
    for (let i = 0; i < 12 * 4 + 1; i++) {
      const first = addMonths({ y: from.y, m: from.m, d: 1 }, i);
      if (rule.byMonth && first.m !== rule.byMonth) continue;
      if (rule.byMonthDay > daysInMonth(first.y, first.m)) continue;
      const date = { y: first.y, m: first.m, d: rule.byMonthDay };
      if (compareDates(date, from) >= 0 && accept(date)) return date;
    }
    return null;
  }
  for (let i = 0; i < 366 * 4; i++) {
    const date = addDays(from, i);
    if (matchesRule(rule, date) && accept(date)) return date;
  }
  return null;
}

/** RFC 5545 text, BYDAY in Monday-first order; UNTIL as a floating end-of-day (or a date for all-day rules). */
export function formatRule(rule: RecurrenceSpec, until: CivilDate | undefined, allDay: boolean): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval && rule.interval > 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.byMonth) parts.push(`BYMONTH=${rule.byMonth}`);
  if (rule.byMonthDays) parts.push(`BYMONTHDAY=${rule.byMonthDays.join(",")}`);
  else if (rule.byMonthDay) parts.push(`BYMONTHDAY=${rule.byMonthDay}`);
  if (rule.byDay && rule.byDay.length > 0) parts.push(`BYDAY=${rule.byDay.join(",")}`);
  if (rule.count) parts.push(`COUNT=${rule.count}`);
  if (until) parts.push(`UNTIL=${formatDate(until).replace(/-/g, "")}${allDay ? "" : "T235959"}`);
  return parts.join(";");
}
