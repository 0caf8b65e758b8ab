/** Stored events ⇄ rows of `events`: the one place that knows each backend's native value types. */
import type { Insertable, Selectable } from "kysely";
import type { StoredEvent } from "../../ports/eventStore.js";
import type { StoreBackend } from "./storeBackend.js";
import type { EventEpochs } from "./epochs.js";
import type { EventsTable } from "./schema.js";

export type EventRow = Selectable<EventsTable>;

/** The row for an event and its epochs, in the backend's binding types. */
export function toRow(event: StoredEvent, epochs: EventEpochs, backend: StoreBackend): Insertable<EventsTable> {
  return {
    id: event.id,
    uid: event.uid,
    title: event.title,
    description: event.description,
    location: event.location,
    start: event.start,
    end: event.end,
    all_day: backend.bool(event.allDay),
    timezone: event.timezone,
    recurrence: event.recurrence,
    exdates: JSON.stringify(event.exdates),
    confidence: event.confidence,
    components: JSON.stringify(event.components),
    start_epoch: epochs.startEpoch,
    end_epoch: epochs.endEpoch,
    created_at: event.createdAt,
    updated_at: event.updatedAt,
  };
}

/** The event a row holds, in the Event contract's key order. */
export function fromRow(row: EventRow): StoredEvent {
  return {
    id: row.id,
    title: row.title,
    start: row.start,
    end: row.end,
    allDay: Boolean(row.all_day),
    timezone: row.timezone,
    recurrence: row.recurrence,
    location: row.location,
    confidence: Number(row.confidence),
    components: json(row.components) as StoredEvent["components"],
    description: row.description,
    uid: row.uid,
    exdates: json(row.exdates) as string[],
    createdAt: instant(row.created_at),
    updatedAt: instant(row.updated_at),
  };
}

// SQLite hands JSON back as text; PostgreSQL's driver has already parsed `json` columns.
function json(value: unknown): unknown {
  return typeof value === "string" ? JSON.parse(value) : value;
}

function instant(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : value;
}
