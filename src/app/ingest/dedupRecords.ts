/** Events (stored or just read) as the deduplicator sees them. */
import type { DedupRecord } from "../../core/dedup/types.js";
import type { NewEvent, StoredEvent } from "../../ports/eventStore.js";
import { startEpochOf } from "../eventTime.js";

/** The record of an event read from a document; `key` is its place in the batch. */
export function incomingRecord(key: string, event: NewEvent): DedupRecord {
  return {
    key,
    uid: event.uid ?? null,
    title: event.title,
    location: event.location ?? null,
    startEpoch: recordStartEpoch(event),
    allDay: event.allDay,
    start: event.start,
    timezone: event.timezone,
    recurrence: event.recurrence ?? null,
    exdates: event.exdates ?? [],
  };
}

/**
 * The record of a stored event. Its UID is kept even when the store generated it (`<id>@calendar-api`): an
 * item carrying that UID came from our own feed and is that event.
 */
export function storedRecord(event: StoredEvent): DedupRecord {
  return incomingRecord(event.id, event);
}

/** The dedup index reads all-day starts at UTC midnight of the date (the same date matches whatever the zone). */
function recordStartEpoch(event: Pick<NewEvent, "start" | "allDay" | "timezone">): number {
  if (event.allDay) return Date.parse(`${event.start.slice(0, 10)}T00:00:00Z`);
  return startEpochOf(event);
}
