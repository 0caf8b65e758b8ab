/** An iCalendar file (Google, Outlook, Apple, our own export) read into events to create. */
import type { NewEvent } from "../../ports/eventStore.js";
import { CalendarError } from "../events/errors.js";
import { isValidZone } from "../time/zone.js";
import { type Component, param, parseComponents, property } from "./components.js";
import { type ReadContext, type ReadEvent, occurrenceText, readVEvent } from "./importEvent.js";
import { tzidResolver } from "./tzid.js";

export interface ImportOptions {
  /** IANA zone for floating times, all-day events and TZIDs that cannot be mapped. */
  defaultTimezone: string;
}

export interface ImportResult {
  /** In file order; a RECURRENCE-ID override follows as its own single event. */
  events: NewEvent[];
  /** What was skipped, dropped or guessed, each naming its line. */
  warnings: string[];
}

/**
 * Reads `text`. Throws `INVALID_TIMEZONE` for a bad `defaultTimezone` and `INVALID_ICALENDAR` naming
 * the line when the file is malformed (no VCALENDAR, broken structure, a broken line outside a VEVENT) or
 * when it has VEVENTs and none can be read; a bad VEVENT among good ones is skipped with a warning.
 * RECURRENCE-ID overrides become single events whose UID is `<master uid>#<original start>`, and the
 * original start joins the master's exdates; a cancelled override only adds the exdate.
 */
export function importCalendar(text: string, options: ImportOptions): ImportResult {
  const { defaultTimezone } = options;
  if (!isValidZone(defaultTimezone)) throw new CalendarError("INVALID_TIMEZONE", `defaultTimezone: not a known IANA zone: ${JSON.stringify(defaultTimezone)}`, "defaultTimezone");
  const calendars = parseComponents(text);
  const warnings: string[] = [];
  const warn = (message: string): void => {
    if (!warnings.includes(message)) warnings.push(message);
  };
  const children = calendars.flatMap((c) => c.components);
  const vtimezones = new Map<string, Component>();
  for (const vtimezone of children.filter((c) => c.name === "VTIMEZONE")) {
    const tzid = property(vtimezone, "TZID")?.value;
    if (tzid !== undefined) vtimezones.set(tzid, vtimezone);
  }
  const ctx: ReadContext = { defaultTimezone, resolveTzid: tzidResolver({ vtimezones, defaultTimezone, warn }), warn };

  const read: ReadEvent[] = [];
  const problems: string[] = [];
  for (const vevent of children.filter((c) => c.name === "VEVENT")) {
    const result = readVEvent(vevent, ctx);
    if (typeof result !== "string") read.push(result);
    else {
      problems.push(result);
      warn(`${result}; the VEVENT of line ${vevent.line} was skipped`);
    }
  }
  if (read.length === 0 && problems.length > 0) {
    throw new CalendarError("INVALID_ICALENDAR", problems.length === 1 ? problems[0] : `${problems[0]} (and ${problems.length - 1} more unreadable VEVENTs)`);
  }
  for (const name of new Set(children.map((c) => c.name).filter((n) => n !== "VEVENT" && n !== "VTIMEZONE"))) {
    warn(`${name} components are not imported`);
  }
  return { events: withOverrides(read, ctx), warnings };
}

/** Masters and single events in file order, overrides folded in (see {@link importCalendar}). */
function withOverrides(read: ReadEvent[], ctx: ReadContext): NewEvent[] {
  const masters = new Map<string, ReadEvent>();
  for (const r of read) {
    const uid = r.event.uid;
    if (r.recurrenceId || uid === undefined) continue;
    if (masters.has(uid)) ctx.warn(`UID ${JSON.stringify(uid)} is used by more than one event`);
    else masters.set(uid, r);
  }
  const out: NewEvent[] = [];
  for (const r of read) {
    if (!r.recurrenceId) {
      if (r.cancelled) ctx.warn(`the cancelled event ${JSON.stringify(r.event.title)} is not imported`);
      else out.push(r.event);
      continue;
    }
    const rid = r.recurrenceId;
    const master = r.event.uid === undefined ? undefined : masters.get(r.event.uid);
    if (param(rid, "RANGE")) ctx.warn(`line ${rid.line}: RECURRENCE-ID;RANGE is not supported; only the one occurrence is changed`);
    const original = occurrenceText(rid, rid.value, master?.anchor ?? r.anchor, ctx, "the override is imported as a single event") ?? rid.value.trim();
    if (master?.event.recurrence && !master.event.exdates.includes(original)) master.event.exdates.push(original);
    if (!master) ctx.warn(`line ${rid.line}: RECURRENCE-ID of UID ${JSON.stringify(r.event.uid ?? "")} has no recurring event in the file; imported as a single event`);
    if (r.cancelled) continue;
    const uid = r.event.uid === undefined ? undefined : `${r.event.uid}#${original}`;
    out.push({ ...r.event, uid, recurrence: null, exdates: [] });
  }
  return out;
}
