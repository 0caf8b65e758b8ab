/** The candidate days of one recurrence period (a day, week, month or year) under the BYxxx parts of a rule. */
import { type CivilDate, addDays, addMonths, daysInMonth, isLeapYear, isValidDate, nthWeekdayOfMonth, toDays, weekdayOf } from "../time/civil.js";
import type { ByDay, RRule } from "./rrule.js";

/** The first day of the week holding `date` when weeks start on `wkst` (0 = Sunday). */
export function weekStartOf(date: CivilDate, wkst: number): CivilDate {
  return addDays(date, -((weekdayOf(date) - wkst + 7) % 7));
}

/** How many periods of `rule.freq` lie between the period holding `start` and the one holding `date` (negative when before). */
export function periodIndexOf(rule: RRule, start: CivilDate, date: CivilDate): number {
  switch (rule.freq) {
    case "DAILY":
      return toDays(date) - toDays(start);
    case "WEEKLY":
      return Math.round((toDays(weekStartOf(date, rule.wkst)) - toDays(weekStartOf(start, rule.wkst))) / 7);
    case "MONTHLY":
      return date.y * 12 + date.m - (start.y * 12 + start.m);
    case "YEARLY":
      return date.y - start.y;
  }
}

/** The first day of period `index` (0 = the period holding `start`). */
export function periodStart(rule: RRule, start: CivilDate, index: number): CivilDate {
  switch (rule.freq) {
    case "DAILY":
      return addDays(start, index);
    case "WEEKLY":
      return addDays(weekStartOf(start, rule.wkst), 7 * index);
    case "MONTHLY":
      return addMonths({ y: start.y, m: start.m, d: 1 }, index);
    case "YEARLY":
      return { y: start.y + index, m: 1, d: 1 };
  }
}

/**
 * The days, sorted and distinct, that period `index` (0 = the period holding `start`) contributes before
 * the DTSTART and UNTIL/COUNT bounds are applied. Days that do not exist (Feb 30, a 5th Monday) are skipped.
 */
export function datesInPeriod(rule: RRule, start: CivilDate, index: number): CivilDate[] {
  switch (rule.freq) {
    case "DAILY": {
      const date = addDays(start, index);
      return inMonths(rule, date) && matchesMonthDay(rule.byMonthDay, date) && matchesByDay(rule.byDay, date, "month") ? [date] : [];
    }
    case "WEEKLY": {
      const first = periodStart(rule, start, index);
      const weekdays = rule.byDay.length > 0 ? rule.byDay.map((b) => b.weekday) : [weekdayOf(start)];
      const dates = weekdays.map((wd) => addDays(first, (wd - rule.wkst + 7) % 7));
      return sortDistinct(dates.filter((d) => inMonths(rule, d)));
    }
    case "MONTHLY": {
      const { y, m } = periodStart(rule, start, index);
      return rule.byMonth.length > 0 && !rule.byMonth.includes(m) ? [] : daysOfMonth(rule, start, y, m);
    }
    case "YEARLY":
      return daysOfYear(rule, start, start.y + index);
  }
}

function daysOfMonth(rule: RRule, start: CivilDate, y: number, m: number): CivilDate[] {
  const dim = daysInMonth(y, m);
  if (rule.byMonthDay.length > 0) {
    const days = rule.byMonthDay.map((n) => (n > 0 ? n : dim + n + 1)).filter((d) => d >= 1 && d <= dim);
    // BYDAY only limits the BYMONTHDAY set here (RFC 5545 §3.3.10 table).
    return sortDistinct(days.map((d) => ({ y, m, d })).filter((date) => matchesByDay(rule.byDay, date, "month")));
  }
  if (rule.byDay.length > 0) {
    const dates: CivilDate[] = [];
    for (const b of rule.byDay) {
      if (b.ordinal !== null) {
        const date = nthWeekdayOfMonth(y, m, b.weekday, b.ordinal);
        if (date) dates.push(date);
      } else {
        for (let d = 1 + ((b.weekday - weekdayOf({ y, m, d: 1 }) + 7) % 7); d <= dim; d += 7) dates.push({ y, m, d });
      }
    }
    return sortDistinct(dates);
  }
  return start.d <= dim ? [{ y, m, d: start.d }] : [];
}

function daysOfYear(rule: RRule, start: CivilDate, y: number): CivilDate[] {
  if (rule.byMonth.length > 0) {
    const dates: CivilDate[] = [];
    for (const m of rule.byMonth) {
      if (rule.byMonthDay.length > 0 || rule.byDay.length > 0) dates.push(...daysOfMonth(rule, start, y, m));
      else if (isValidDate(y, m, start.d)) dates.push({ y, m, d: start.d });
    }
    return sortDistinct(dates);
  }
  if (rule.byMonthDay.length > 0) {
    const dates: CivilDate[] = [];
    const monthOnly = { ...rule, byDay: [] };
    for (let m = 1; m <= 12; m++) dates.push(...daysOfMonth(monthOnly, start, y, m));
    return sortDistinct(dates.filter((date) => matchesByDay(rule.byDay, date, "year")));
  }
  if (rule.byDay.length > 0) {
    const dates: CivilDate[] = [];
    const length = isLeapYear(y) ? 366 : 365;
    for (let i = 0; i < length; i++) {
      const date = addDays({ y, m: 1, d: 1 }, i);
      if (matchesByDay(rule.byDay, date, "year")) dates.push(date);
    }
    return dates;
  }
  return isValidDate(y, start.m, start.d) ? [{ y, m: start.m, d: start.d }] : [];
}

function inMonths(rule: RRule, date: CivilDate): boolean {
  return rule.byMonth.length === 0 || rule.byMonth.includes(date.m);
}

function matchesMonthDay(byMonthDay: number[], date: CivilDate): boolean {
  if (byMonthDay.length === 0) return true;
  const dim = daysInMonth(date.y, date.m);
  return byMonthDay.some((n) => (n > 0 ? n : dim + n + 1) === date.d);
}

/** True when `date` is one of the BYDAY days; an ordinal counts within the month or the year (`scope`). */
function matchesByDay(byDay: ByDay[], date: CivilDate, scope: "month" | "year"): boolean {
  if (byDay.length === 0) return true;
  const weekday = weekdayOf(date);
  return byDay.some((b) => {
    if (b.weekday !== weekday) return false;
    if (b.ordinal === null) return true;
    const [position, length] =
      scope === "month"
        ? [date.d, daysInMonth(date.y, date.m)]
        : [toDays(date) - toDays({ y: date.y, m: 1, d: 1 }) + 1, isLeapYear(date.y) ? 366 : 365];
    const nth = b.ordinal > 0 ? Math.ceil(position / 7) : -(Math.floor((length - position) / 7) + 1);
    return nth === b.ordinal;
  });
}

function sortDistinct(dates: CivilDate[]): CivilDate[] {
  const byDay = new Map<number, CivilDate>();
  for (const date of dates) byDay.set(toDays(date), date);
  return [...byDay.entries()].sort((a, b) => a[0] - b[0]).map(([, date]) => date);
}
