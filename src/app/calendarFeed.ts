/** iCalendar use cases: export a window of events as a feed; import a .ics body (new UIDs created, known ones updated). */
import { exportCalendar } from "../core/ical/export.js";
import { importCalendar } from "../core/ical/import.js";
import type { Clock } from "../ports/clock.js";
import type { EventStore, StoredEvent } from "../ports/eventStore.js";
import { startEpochOf } from "./eventTime.js";

export interface FeedQuery {
  from?: string;
  to?: string;
  q?: string;
  location?: string;
}

/** Stored events (series, not occurrences: the feed carries the RRULE) matching the filters, as iCalendar text. */
export async function exportFeed(query: FeedQuery, deps: { store: EventStore; clock: Clock; calendarName: string }): Promise<string> {
  const from = query.from ? Date.parse(query.from) : undefined;
  const to = query.to ? Date.parse(query.to) : undefined;
  const events: StoredEvent[] = [];
  let after: { startEpoch: number; id: string } | undefined;
  // Page through the store so large calendars are exported whole.
  for (;;) {
    const page = await deps.store.list({ from: Number.isNaN(from) ? undefined : from, to: Number.isNaN(to) ? undefined : to, q: query.q, location: query.location, limit: 500, after });
    events.push(...page);
    if (page.length < 500) break;
    const last = page[page.length - 1];
    after = { startEpoch: startEpochOf(last), id: last.id };
  }
  return exportCalendar(events, { now: deps.clock.now(), calendarName: deps.calendarName });
}

export interface ImportSummary {
  created: number;
  updated: number;
  warnings: string[];
  events: StoredEvent[];
}

/** Imports a calendar: events whose UID is known are updated, the others created together in one transaction. */
export async function importFeed(text: string, deps: { store: EventStore; defaultTimezone: string }): Promise<ImportSummary> {
  const { events, warnings } = importCalendar(text, { defaultTimezone: deps.defaultTimezone });
  const fresh = [];
  const updated: StoredEvent[] = [];
  for (const event of events) {
    const known = event.uid ? await deps.store.findByUid(event.uid) : null;
    if (!known) {
      fresh.push(event);
      continue;
    }
    const { uid: _uid, ...patch } = event;
    const result = await deps.store.update(known.id, patch);
    if (result) updated.push(result);
  }
  const created = fresh.length > 0 ? await deps.store.create(fresh) : [];
  return { created: created.length, updated: updated.length, warnings, events: [...created, ...updated] };
}
