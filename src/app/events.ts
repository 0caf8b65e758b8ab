/** Event use cases: create (from fields or from text), read, change, delete. Writes are all-or-nothing. */
import { CalendarError } from "../core/events/errors.js";
import type { EventPatch, EventStore, NewEvent, StoredEvent } from "../ports/eventStore.js";
import { checkEvent, readNewEvent } from "./eventInput.js";
import { type ParseRequest, type ParseTextDeps, parseText } from "./parseText.js";

export interface EventDeps {
  store: EventStore;
  parse: ParseTextDeps;
}

/**
 * Creates events from a body: `{ text, reference?, timezone? }` is parsed and every event found is saved;
 * otherwise the body is one event's fields. Returns the stored events (none when the text held none).
 */
export async function createEvents(body: Record<string, unknown>, deps: EventDeps): Promise<StoredEvent[]> {
  if ("text" in body) {
    const result = parseText(body as unknown as ParseRequest, deps.parse);
    if (result.events.length === 0) return [];
    return deps.store.create(result.events.map((e): NewEvent => ({ ...e, description: null, confidence: e.confidence, components: e.components })));
  }
  return deps.store.create([readNewEvent(body)]);
}

export async function getEvent(id: string, deps: Pick<EventDeps, "store">): Promise<StoredEvent> {
  const event = await deps.store.get(id);
  if (!event) throw new CalendarError("EVENT_NOT_FOUND", `no event has id ${JSON.stringify(id)}`, "id");
  return event;
}

/** Applies a patch after checking the event it would produce; nothing changes when that event is invalid. */
export async function updateEvent(id: string, patch: EventPatch, deps: Pick<EventDeps, "store">): Promise<StoredEvent> {
  const current = await getEvent(id, deps);
  checkEvent({ ...current, ...patch } as NewEvent);
  const updated = await deps.store.update(id, patch);
  if (!updated) throw new CalendarError("EVENT_NOT_FOUND", `no event has id ${JSON.stringify(id)}`, "id");
  return updated;
}

export async function deleteEvent(id: string, deps: Pick<EventDeps, "store">): Promise<void> {
  if (!(await deps.store.delete(id))) throw new CalendarError("EVENT_NOT_FOUND", `no event has id ${JSON.stringify(id)}`, "id");
}
