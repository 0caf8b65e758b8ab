/**
 * Lists events in a window, recurring events expanded into their occurrences (wall-clock in their zone, so
 * DST-correct), sorted by start, paged with an opaque cursor.
 */
import { CalendarError } from "../core/events/errors.js";
import { expandRRule } from "../core/recurrence/expand.js";
import { parseRRule } from "../core/recurrence/rrule.js";
import { addDays, formatDate, MS_PER_DAY } from "../core/time/civil.js";
import { epochToZoned, formatInstant, parseIsoInstant, zonedToEpoch } from "../core/time/zone.js";
import type { Clock } from "../ports/clock.js";
import type { EventStore, StoredEvent } from "../ports/eventStore.js";
import { startEpochOf } from "./eventTime.js";

export interface EventListQuery {
  from?: string;
  to?: string;
  q?: string;
  location?: string;
  limit?: number;
  cursor?: string;
}

/** One listed item: an event, or one occurrence of a recurring event (`occurrenceOf` names the series). */
export interface ListedEvent extends StoredEvent {
  occurrenceOf: string | null;
}

export interface EventList {
  events: ListedEvent[];
  nextCursor: string | null;
  window: { from: string; to: string };
}

/** Default window when none is given: from now, 90 days ahead. */
export const DEFAULT_WINDOW_DAYS = 90;
/** Most candidates read from the store for one page (recurring series expand from these). */
const CANDIDATE_CAP = 2_000;

interface Position {
  s: number;
  id: string;
}

function readInstant(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const epoch = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : parseIsoInstant(value, "UTC");
  if (epoch === null || Number.isNaN(epoch)) throw new CalendarError("INVALID_QUERY", `${name}: expected an ISO 8601 date or date-time, got ${JSON.stringify(value)}`, name);
  return epoch;
}

function readCursor(cursor: string | undefined): Position | null {
  if (cursor === undefined) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Position;
    if (typeof value.s === "number" && typeof value.id === "string") return value;
  } catch {
    // fall through to the error below
  }
  throw new CalendarError("INVALID_QUERY", "cursor: not a cursor this API returned", "cursor");
}

const writeCursor = (p: Position): string => Buffer.from(JSON.stringify(p)).toString("base64url");

function durationMs(event: StoredEvent): number | null {
  if (event.end === null) return null;
  if (event.allDay) return Date.parse(`${event.end}T00:00:00Z`) - Date.parse(`${event.start}T00:00:00Z`);
  return parseIsoInstant(event.end, event.timezone)! - parseIsoInstant(event.start, event.timezone)!;
}

/** The occurrences of one stored event inside [from, to), as listed items. */
function occurrences(event: StoredEvent, from: number, to: number): Array<{ item: ListedEvent; at: number }> {
  const length = durationMs(event);
  const first = startEpochOf(event);
  if (!event.recurrence) {
    const end = length === null ? first : first + length;
    return first < to && (end > from || first >= from) ? [{ item: { ...event, occurrenceOf: null }, at: first }] : [];
  }
  const rule = parseRRule(event.recurrence);
  if (!rule) return [];
  const local = epochToZoned(first, event.timezone);
  const start = { date: local.date, time: event.allDay ? null : local.time };
  const excluded = new Set(event.exdates);
  const out: Array<{ item: ListedEvent; at: number }> = [];
  // Occurrences that began before `from` but are still running count too: widen the window by the length.
  const lookBack = length ?? 0;
  for (const o of expandRRule(rule, start, { zone: event.timezone, from: from - lookBack, to, limit: 5_000 })) {
    const at = o.instant ?? zonedToEpoch(o.date, { h: 0, mi: 0, s: 0 }, event.timezone);
    const startText = event.allDay ? formatDate(o.date) : formatInstant(at, event.timezone);
    if (excluded.has(startText)) continue;
    const end = length === null ? null : event.allDay ? formatDate(addDays(o.date, Math.round(length / MS_PER_DAY))) : formatInstant(at + length, event.timezone);
    if (length !== null && at + length <= from && at < from) continue;
    out.push({ item: { ...event, start: startText, end, occurrenceOf: event.id, id: `${event.id}_${startText.replace(/[^0-9]/g, "").slice(0, 12)}` }, at });
  }
  return out;
}

export async function listEvents(query: EventListQuery, deps: { store: EventStore; clock: Clock }): Promise<EventList> {
  const now = deps.clock.now();
  const from = readInstant("from", query.from, now);
  const to = readInstant("to", query.to, from + DEFAULT_WINDOW_DAYS * MS_PER_DAY);
  if (to <= from) throw new CalendarError("INVALID_QUERY", "to: must be after from", "to");
  const limit = query.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new CalendarError("INVALID_QUERY", "limit: expected an integer from 1 to 500", "limit");
  const position = readCursor(query.cursor);
  const candidates = await deps.store.list({ from, to, q: query.q, location: query.location, limit: CANDIDATE_CAP });
  const items = candidates.flatMap((e) => occurrences(e, from, to));
  items.sort((a, b) => a.at - b.at || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0));
  const after = position ? items.filter((x) => x.at > position.s || (x.at === position.s && x.item.id > position.id)) : items;
  const page = after.slice(0, limit);
  const last = page[page.length - 1];
  return {
    events: page.map((x) => x.item),
    nextCursor: after.length > limit && last ? writeCursor({ s: last.at, id: last.item.id }) : null,
    window: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
  };
}
