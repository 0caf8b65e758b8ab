/** Shared pieces of the EventStore contract: the per-test context and event builders. */
import type { MigratableEventStore } from "../../src/adapters/store/open.js";
import type { EventQuery, NewEvent, StoredEvent } from "../../src/ports/eventStore.js";

/** What every case reads; `eventStoreContract` refills it before each test. */
export interface ContractContext {
  /** A fresh store, migrated. */
  store: MigratableEventStore;
  /** What the first `migrate()` applied. */
  applied: string[];
  /** `store.list` with `limit: 500` unless given. */
  list(query: Partial<EventQuery>): Promise<StoredEvent[]>;
}

export const at = (iso: string): number => Date.parse(iso);

export const titles = (events: StoredEvent[]): string[] => events.map((e) => e.title);

/** A timed one-hour UTC event; override what the test is about. */
export function ev(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    title: "Event",
    start: "2026-03-10T10:00:00Z",
    end: "2026-03-10T11:00:00Z",
    allDay: false,
    timezone: "UTC",
    recurrence: null,
    location: null,
    ...overrides,
  };
}

/** The cursor after an event, as a caller builds it from a timed event with an offset. */
export function cursorAfter(event: StoredEvent): { startEpoch: number; id: string } {
  return { startEpoch: at(event.start), id: event.id };
}

/** Pages through a query `pageSize` rows at a time and returns everything seen. */
export async function pageThrough(store: MigratableEventStore, query: Omit<EventQuery, "limit" | "after">, pageSize: number): Promise<StoredEvent[]> {
  const seen: StoredEvent[] = [];
  for (;;) {
    const page = await store.list({ ...query, limit: pageSize, after: seen.length > 0 ? cursorAfter(seen[seen.length - 1]) : undefined });
    seen.push(...page);
    if (page.length < pageSize) return seen;
  }
}
