/**
 * VTIMEZONE components generated from Intl: the transitions of the years an export spans, written as
 * yearly RRULE observances where the pattern is regular and as dated observances where it is not.
 */
import { type CivilDate, type WallTime, daysInMonth, daysFromCivil, MS_PER_DAY, MS_PER_MINUTE, weekdayOf } from "../time/civil.js";
import { offsetAt } from "../time/zone.js";
import { WEEKDAY_CODES } from "../recurrence/rrule.js";
import { contentLine } from "./contentLine.js";
import { type ZoneTransition, zoneAbbreviation, zoneTransitions } from "./transitions.js";
import { formatIcalLocal, formatIcalUtc, formatUtcOffset, splitWallMs } from "./values.js";

/** Inclusive range of years to describe. */
export interface YearSpan {
  fromYear: number;
  toYear: number;
}

/** A transition with the local wall-clock time of its onset (read in the offset before it, as RFC 5545 wants). */
interface Onset extends ZoneTransition {
  local: { date: CivilDate; time: WallTime };
  name: string | null;
  /** Which week of the month the onset falls in (1–5), and whether it is the month's last such weekday. */
  nth: number;
  last: boolean;
}

/** A run of onsets one year apart that one yearly rule describes. */
interface Run {
  onsets: Onset[];
  byDay: string | null;
}

/**
 * Unfolded content lines of `BEGIN:VTIMEZONE … END:VTIMEZONE` for `zone` over `span`: an observance for
 * the offset at the span's start (dated 1970-01-01 for a zone without transitions in the span, so it is
 * the only one), then one per run of transitions. The last run of a regular yearly pattern has no UNTIL,
 * so clients keep applying it after the span (as tzdata does for rules in force).
 */
export function buildVTimezone(zone: string, span: YearSpan): string[] {
  const fromMs = daysFromCivil(span.fromYear, 1, 1) * MS_PER_DAY;
  const toMs = daysFromCivil(span.toYear + 1, 1, 1) * MS_PER_DAY;
  const onsets = zoneTransitions(zone, fromMs, toMs).map(toOnset(zone));
  const lines = ["BEGIN:VTIMEZONE", contentLine("TZID", zone), contentLine("X-LIC-LOCATION", zone)];
  // Readers that take the VTIMEZONE literally (ical.js) treat times before the first observance as UTC,
  // so a first observance states the offset in force where the span starts (daylight in a southern summer).
  const offset = offsetAt(fromMs, zone);
  const first = onsets[0];
  const inDaylight = first !== undefined && !first.daylight && first.to < first.from && onsets.some((o) => o.daylight);
  const local = { date: { y: onsets.length === 0 ? 1970 : span.fromYear, m: 1, d: 1 }, time: { h: 0, mi: 0, s: 0 } };
  lines.push(...observance({ at: fromMs, from: offset, to: offset, daylight: inDaylight, local, name: zoneAbbreviation(zone, fromMs), nth: 1, last: false }, null));
  for (const run of yearlyRuns(onsets)) {
    const head = run.onsets[0];
    const final = run.onsets[run.onsets.length - 1];
    const openEnded = final.local.date.y >= span.toYear;
    const rrule = run.byDay === null ? null : `FREQ=YEARLY;BYMONTH=${head.local.date.m};BYDAY=${run.byDay}${openEnded ? "" : `;UNTIL=${formatIcalUtc(final.at)}`}`;
    lines.push(...observance(head, rrule));
  }
  lines.push("END:VTIMEZONE");
  return lines;
}

function toOnset(zone: string): (tr: ZoneTransition) => Onset {
  return (tr) => {
    const local = splitWallMs(tr.at + tr.from * MS_PER_MINUTE);
    const { y, m, d } = local.date;
    return { ...tr, local, name: zoneAbbreviation(zone, tr.at), nth: Math.ceil(d / 7), last: d + 7 > daysInMonth(y, m) };
  };
}

function observance(onset: Onset, rrule: string | null): string[] {
  const kind = onset.daylight ? "DAYLIGHT" : "STANDARD";
  const lines = [`BEGIN:${kind}`, contentLine("DTSTART", formatIcalLocal(onset.local.date, onset.local.time))];
  lines.push(contentLine("TZOFFSETFROM", formatUtcOffset(onset.from)), contentLine("TZOFFSETTO", formatUtcOffset(onset.to)));
  if (onset.name) lines.push(contentLine("TZNAME", onset.name));
  if (rrule) lines.push(contentLine("RRULE", rrule));
  lines.push(`END:${kind}`);
  return lines;
}

// Two onsets can share a rule when they have the same kind, offsets, name, month, weekday and local time.
function sameShape(a: Onset, b: Onset): boolean {
  return (
    a.daylight === b.daylight &&
    a.from === b.from &&
    a.to === b.to &&
    a.name === b.name &&
    a.local.date.m === b.local.date.m &&
    weekdayOf(a.local.date) === weekdayOf(b.local.date) &&
    formatIcalLocal(a.local.date, a.local.time).slice(8) === formatIcalLocal(b.local.date, b.local.time).slice(8)
  );
}

/**
 * Groups onsets into runs in consecutive years under one BYDAY rule (`2SU`, `-1SU`), greedily and in
 * order of their first onset. A run of one onset gets no rule. "Last weekday" wins over a week number
 * when both fit every year of the run, since tzdata rules late in a month are nearly always "last".
 */
function yearlyRuns(onsets: Onset[]): Run[] {
  const runs: Run[] = [];
  const used = new Set<Onset>();
  for (const start of onsets) {
    if (used.has(start)) continue;
    const run = [start];
    used.add(start);
    let nthFits = true;
    let lastFits = start.last;
    for (const candidate of onsets) {
      const previous = run[run.length - 1];
      if (used.has(candidate) || candidate.local.date.y !== previous.local.date.y + 1 || !sameShape(start, candidate)) continue;
      const nth: boolean = nthFits && candidate.nth === start.nth;
      const last: boolean = lastFits && candidate.last;
      if (!nth && !last) break;
      nthFits = nth;
      lastFits = last;
      run.push(candidate);
      used.add(candidate);
    }
    const weekday = WEEKDAY_CODES[weekdayOf(start.local.date)];
    const byDay = run.length < 2 ? null : lastFits ? `-1${weekday}` : `${start.nth}${weekday}`;
    runs.push({ onsets: run, byDay });
  }
  return runs;
}
