/** The event store port: what the application needs from persistence, in our words (no SQL, no driver types). */
import type { CalendarEvent } from "../core/events/event.js";

/** An event as stored: the Event contract plus identity, description, provenance and timestamps. */
export interface StoredEvent extends CalendarEvent {
  id: string;
  description: string | null;
  /** iCalendar UID (kept from imports, generated otherwise); stable across exports. */
  uid: string;
  /** Wall-clock dates excluded from the recurrence (RFC 5545 EXDATE), as ISO values like `start`. */
  exdates: string[];
  /** ISO 8601 UTC instants. */
  createdAt: string;
  updatedAt: string;
}

/**
 * What a caller gives to create an event: the Event contract's fields, confidence and components optional;
 * the store assigns id, uid (when absent) and timestamps.
 */
export interface NewEvent extends Pick<CalendarEvent, "title" | "start" | "end" | "allDay" | "timezone" | "recurrence" | "location">, Partial<Pick<CalendarEvent, "confidence" | "components">> {
  description?: string | null;
  uid?: string;
  exdates?: string[];
}

/** Fields a PATCH may change. */
export type EventPatch = Partial<Omit<NewEvent, "uid">>;

/**
 * A query for candidate events. `from`/`to` are epoch milliseconds; the store returns every non-recurring
 * event that overlaps [from, to) and every recurring event that starts before `to` (the application expands
 * rules into occurrences). `q` searches title, location and description; `location` filters by location text.
 */
export interface EventQuery {
  from?: number;
  to?: number;
  q?: string;
  location?: string;
  /** Maximum rows; the store may cap it. */
  limit: number;
  /** Opaque position from a previous page (ordering: start instant, then id). */
  after?: { startEpoch: number; id: string };
}

/** What a backend can do natively; callers branch on these flags, never on the backend's name. */
export interface StoreCapabilities {
  /** How `q` is matched: a full-text index, or a plain substring scan. */
  search: "fulltext" | "substring";
  /** Rows can be claimed with SKIP LOCKED (for the job queue later). */
  skipLocked: boolean;
}

/**
 * Thrown by a store when the database cannot be reached (connection refused, dropped, timed out): the
 * operation did not happen and may be retried. Callers map it to "service unavailable".
 */
export class StoreUnavailableError extends Error {
  readonly code = "STORE_UNAVAILABLE";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreUnavailableError";
  }
}

export interface EventStore {
  readonly capabilities: StoreCapabilities;
  /** Creates events atomically: all of them or none. */
  create(inputs: NewEvent[]): Promise<StoredEvent[]>;
  get(id: string): Promise<StoredEvent | null>;
  /** Null when no event has this id. */
  update(id: string, patch: EventPatch): Promise<StoredEvent | null>;
  /** False when no event has this id. */
  delete(id: string): Promise<boolean>;
  /** Candidates in start order (start instant, then id). */
  list(query: EventQuery): Promise<StoredEvent[]>;
  count(): Promise<number>;
  /** Finds an event by iCalendar UID (imports update instead of duplicating). */
  findByUid(uid: string): Promise<StoredEvent | null>;
  /** A round trip to the database; throws when it is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
