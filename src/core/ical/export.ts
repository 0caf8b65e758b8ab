/** Stored events as an RFC 5545 VCALENDAR (METHOD:PUBLISH) that Google, Apple and Thunderbird accept. */
import type { StoredEvent } from "../../ports/eventStore.js";
import { parseRRule } from "../recurrence/rrule.js";
import { epochToZoned } from "../time/zone.js";
import { contentLine, serializeLines } from "./contentLine.js";
import { eventLines, instantOf, timedZoneOf } from "./exportEvent.js";
import { escapeText } from "./text.js";
import { buildVTimezone, type YearSpan } from "./vtimezone.js";

/** What the export needs besides the events. */
export interface ExportOptions {
  /** The DTSTAMP of every VEVENT, epoch ms (the core never reads the clock). */
  now: number;
  /** PRODID; `-//calendar-api//calendar-api//EN` by default. */
  prodId?: string;
  /** X-WR-CALNAME, the name subscribing clients show; left out when not given. */
  calendarName?: string;
}

export const DEFAULT_PROD_ID = "-//calendar-api//calendar-api//EN";

/** Rules without UNTIL get VTIMEZONE detail this many years past their start (the last yearly rule runs on anyway). */
const OPEN_ENDED_YEARS = 3;
/** An UNTIL far ahead widens the span by at most this many years. */
const MAX_RULE_YEARS = 10;

/**
 * The iCalendar text for `events`: VERSION, PRODID, CALSCALE, METHOD, the optional X-WR-CALNAME and,
 * when every event shares one zone, X-WR-TIMEZONE; then one VTIMEZONE per zone a timed event is written
 * in, then one VEVENT per event (an event whose start cannot be read is left out). CRLF line endings,
 * lines folded at 75 octets.
 */
export function exportCalendar(events: StoredEvent[], options: ExportOptions): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", contentLine("PRODID", escapeText(options.prodId ?? DEFAULT_PROD_ID))];
  lines.push("CALSCALE:GREGORIAN", "METHOD:PUBLISH");
  if (options.calendarName !== undefined) lines.push(contentLine("X-WR-CALNAME", escapeText(options.calendarName)));
  const zones = new Set(events.map((e) => e.timezone));
  if (zones.size === 1) lines.push(contentLine("X-WR-TIMEZONE", [...zones][0]));
  const spans = zoneSpans(events);
  for (const zone of [...spans.keys()].sort()) lines.push(...buildVTimezone(zone, spans.get(zone) as YearSpan));
  for (const event of events) lines.push(...(eventLines(event, options.now) ?? []));
  lines.push("END:VCALENDAR");
  return serializeLines(lines);
}

/** For each zone a timed event is written in, the years its values touch, widened by one on each side. */
export function zoneSpans(events: StoredEvent[]): Map<string, YearSpan> {
  const spans = new Map<string, YearSpan>();
  for (const event of events) {
    const zone = timedZoneOf(event);
    if (zone === null) continue;
    const years = [event.start, event.end, ...(event.recurrence ? event.exdates : [])]
      .map((iso) => (iso === null ? null : instantOf(event, iso)))
      .filter((at): at is number => at !== null)
      .map((at) => epochToZoned(at, zone).date.y);
    if (years.length === 0) continue;
    const first = Math.min(...years);
    let last = Math.max(...years);
    if (event.recurrence) {
      const until = parseRRule(event.recurrence)?.until;
      last = Math.max(last, until ? Math.min(until.date.y, first + MAX_RULE_YEARS) : first + OPEN_ENDED_YEARS);
    }
    const known = spans.get(zone);
    spans.set(zone, { fromYear: Math.min(first - 1, known?.fromYear ?? Infinity), toYear: Math.max(last + 1, known?.toYear ?? -Infinity) });
  }
  return spans;
}
