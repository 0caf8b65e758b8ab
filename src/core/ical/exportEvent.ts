/** One stored event as the unfolded content lines of a VEVENT. */
import type { StoredEvent } from "../../ports/eventStore.js";
import { parseRRule, formatRRule, type RRuleUntil } from "../recurrence/rrule.js";
import { type CivilDate, type WallTime, addDays, isValidDate, MS_PER_DAY, MS_PER_MINUTE } from "../time/civil.js";
import { epochToZoned, isValidZone, offsetAt, parseIsoInstant, zonedToEpoch } from "../time/zone.js";
import { contentLine } from "./contentLine.js";
import { escapeText } from "./text.js";
import { formatIcalDate, formatIcalLocal, formatIcalUtc, splitWallMs, wallMs } from "./values.js";

/** Our own properties: enough to read an export back into the same events. */
export const X_CONFIDENCE = "X-CALENDAR-API-CONFIDENCE";
/** The event's IANA zone, written when no DTSTART;TZID carries it (all-day and UTC-written events). */
export const X_TIMEZONE = "X-CALENDAR-API-TIMEZONE";

// Zones whose times are written with `Z` rather than a TZID and a VTIMEZONE.
const UTC_ZONES = /^(?:Etc\/)?(?:UTC|UCT|GMT|GMT[+-]?0|Zulu|Universal|Greenwich)$/i;

/** How an event's timed values are written: with `Z`, or as wall-clock time in a TZID. */
export function timedZoneOf(event: StoredEvent): string | null {
  return !event.allDay && isValidZone(event.timezone) && !UTC_ZONES.test(event.timezone) ? event.timezone : null;
}

/** A stored date-time value as an instant; a zone the runtime does not know reads offset-less values as UTC. */
export function instantOf(event: StoredEvent, iso: string): number | null {
  return parseIsoInstant(iso, isValidZone(event.timezone) ? event.timezone : "UTC");
}

/** A stored plain date `YYYY-MM-DD` (a longer value keeps its date part); null when invalid. */
export function dateOf(iso: string): CivilDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const date = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidDate(date.y, date.m, date.d) ? date : null;
}

interface TimeValue {
  params: Record<string, string>;
  value: string;
}

/**
 * True for a wall-clock time a fall-back repeats: RFC 5545 reads it as the first instant, ical.js as the
 * second, so no TZID form of it is safe.
 */
function isAmbiguous(date: CivilDate, time: WallTime, zone: string): boolean {
  const local = wallMs(date, time);
  const readings = new Set([offsetAt(local - MS_PER_DAY, zone), offsetAt(local + MS_PER_DAY, zone)]);
  return readings.size === 2 && [...readings].every((o) => offsetAt(local - o * MS_PER_MINUTE, zone) === o);
}

/**
 * A timed value in the event's TZID as wall-clock time; with `Z` when the event has no TZID zone, or
 * when `exact` and the wall-clock time is one a fall-back repeats (readers disagree on which instant).
 */
function timedValue(instant: number, zone: string | null, exact: boolean): TimeValue {
  if (zone === null) return { params: {}, value: formatIcalUtc(instant) };
  const local = epochToZoned(instant, zone);
  if (exact && isAmbiguous(local.date, local.time, zone)) return { params: {}, value: formatIcalUtc(instant) };
  return { params: { TZID: zone }, value: formatIcalLocal(local.date, local.time) };
}

/**
 * The rule with UNTIL in the form RFC 5545 requires beside DTSTART: a DATE for all-day events, a UTC
 * date-time for timed ones (a floating UNTIL is read in the event's zone, a date UNTIL means the end of
 * that day). Rules that need no change are written exactly as stored.
 */
function exportRule(event: StoredEvent, zone: string): string {
  const text = (event.recurrence ?? "").trim().replace(/^RRULE:/i, "");
  const rule = parseRRule(text);
  if (!rule?.until) return text;
  const until = rule.until;
  let next: RRuleUntil = until;
  if (event.allDay && until.kind !== "date") {
    next = { kind: "date", date: until.kind === "utc" ? epochToZoned(wallMs(until.date, until.time), zone).date : until.date };
  } else if (!event.allDay && until.kind !== "utc") {
    const time = until.kind === "floating" ? until.time : { h: 23, mi: 59, s: 59 };
    const local = splitWallMs(zonedToEpoch(until.date, time, zone));
    next = { kind: "utc", date: local.date, time: local.time };
  }
  return next === until ? text : formatRRule({ ...rule, until: next });
}

/** Unfolded VEVENT lines for `event`; null when its start cannot be read (nothing sensible to write). */
export function eventLines(event: StoredEvent, dtstamp: number): string[] | null {
  const zone = timedZoneOf(event);
  const ruleZone = isValidZone(event.timezone) ? event.timezone : "UTC";
  const lines = ["BEGIN:VEVENT", contentLine("UID", escapeText(event.uid)), contentLine("DTSTAMP", formatIcalUtc(dtstamp))];
  let carriesZone = false;
  if (event.allDay) {
    const start = dateOf(event.start);
    if (!start) return null;
    const end = (event.end !== null ? dateOf(event.end) : null) ?? addDays(start, 1);
    lines.push(contentLine("DTSTART", formatIcalDate(start), { VALUE: "DATE" }), contentLine("DTEND", formatIcalDate(end), { VALUE: "DATE" }));
  } else {
    const start = instantOf(event, event.start);
    if (start === null) return null;
    // A recurring start must stay wall-clock time in the zone: the rule repeats that time.
    const dtstart = timedValue(start, zone, event.recurrence === null);
    carriesZone = dtstart.params.TZID !== undefined;
    lines.push(contentLine("DTSTART", dtstart.value, dtstart.params));
    const end = event.end !== null ? instantOf(event, event.end) : null;
    if (end !== null) {
      const dtend = timedValue(end, zone, true);
      lines.push(contentLine("DTEND", dtend.value, dtend.params));
    }
  }
  if (event.recurrence) lines.push(contentLine("RRULE", exportRule(event, ruleZone)));
  lines.push(...exdateLines(event, zone));
  lines.push(contentLine("SUMMARY", escapeText(event.title)));
  if (event.location) lines.push(contentLine("LOCATION", escapeText(event.location)));
  if (event.description) lines.push(contentLine("DESCRIPTION", escapeText(event.description)));
  for (const [name, iso] of [["CREATED", event.createdAt], ["LAST-MODIFIED", event.updatedAt]] as const) {
    const at = parseIsoInstant(iso, "UTC");
    if (at !== null) lines.push(contentLine(name, formatIcalUtc(at)));
  }
  if (Number.isFinite(event.confidence)) lines.push(contentLine(X_CONFIDENCE, String(event.confidence)));
  if (!carriesZone) lines.push(contentLine(X_TIMEZONE, event.timezone));
  lines.push("END:VEVENT");
  return lines;
}

// One EXDATE line in the same form as DTSTART; values that cannot be read are left out.
function exdateLines(event: StoredEvent, zone: string | null): string[] {
  if (!event.recurrence || event.exdates.length === 0) return [];
  if (event.allDay) {
    const dates = event.exdates.map(dateOf).filter((d): d is CivilDate => d !== null);
    return dates.length === 0 ? [] : [contentLine("EXDATE", dates.map(formatIcalDate).join(","), { VALUE: "DATE" })];
  }
  const values = event.exdates
    .map((iso) => instantOf(event, iso))
    .filter((at): at is number => at !== null)
    .map((at) => timedValue(at, zone, false));
  return values.length === 0 ? [] : [contentLine("EXDATE", values.map((v) => v.value).join(","), values[0].params)];
}
