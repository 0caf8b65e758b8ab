/**
 * The ingest use case shared by uploads and scraped sources: read a document into events, match each one
 * against the events already stored (and against the batch itself), and commit the new canonical events,
 * the updates and every sighting in one transaction. Re-ingesting an unchanged document creates nothing.
 */
import { DedupIndex } from "../../core/dedup/dedupIndex.js";
import type { DedupMatch } from "../../core/dedup/types.js";
import type { Clock } from "../../ports/clock.js";
import type { DocumentReader, ReadEvent } from "../../ports/documentReader.js";
import type { EventPatch, EventStore, StoredEvent } from "../../ports/eventStore.js";
import type { DocumentKind, IngestBatch, IngestStore, Origin, Sighting } from "../../ports/ingestStore.js";
import { checkEvent } from "../eventInput.js";
import { incomingRecord, storedRecord } from "./dedupRecords.js";

/** How far past a new rule's first start stored dated events are looked at as its possible occurrences; 92 days. */
export const RULE_LOOKAHEAD_MS = 92 * 86_400_000;
const DAY_MS = 86_400_000;
const PAGE = 500;

export interface IngestDeps {
  events: EventStore;
  ingest: IngestStore;
  reader: DocumentReader;
  clock: Clock;
  dedup: { threshold: number; toleranceMs: number };
}

export interface DocumentInput {
  kind: DocumentKind;
  body: Buffer;
  origin: Origin;
  /** Zone for wall-clock times the document does not place. */
  timezone: string;
  baseUrl?: string | null;
}

export interface IngestSummary {
  kind: DocumentKind;
  /** Events read from the document (before dedup). */
  found: number;
  created: number;
  /** Events that matched one already stored (or an earlier one of the same document). */
  merged: number;
  /** Stored events changed by an authoritative item (an iCalendar UID the store already had). */
  updated: number;
  /** Ids of the canonical events this document's items belong to, in document order, without repeats. */
  eventIds: string[];
  warnings: string[];
}

export async function ingestDocument(input: DocumentInput, deps: IngestDeps): Promise<IngestSummary> {
  const now = deps.clock.now();
  const read = await deps.reader.read(input.kind, input.body, { reference: new Date(now).toISOString(), timezone: input.timezone, baseUrl: input.baseUrl ?? null });
  const warnings = [...read.warnings];
  const items: ReadEvent[] = [];
  for (const [i, event] of read.events.entries()) {
    try {
      checkEvent(event);
      items.push(event);
    } catch (error) {
      warnings.push(`item ${i + 1} (${JSON.stringify(event.title)}) skipped: ${(error as Error).message}`);
    }
  }

  const index = new DedupIndex({ threshold: deps.dedup.threshold, toleranceMs: deps.dedup.toleranceMs });
  const stored = new Map<string, StoredEvent>();
  for (const event of await candidates(items, deps)) {
    stored.set(event.id, event);
    index.add(storedRecord(event));
  }

  const batch: IngestBatch = { origin: input.origin, at: now, creates: [], merges: [] };
  // Where each batch key went: an index into batch.creates.
  const pending = new Map<string, number>();
  const belongsTo: Array<{ stored: string } | { create: number }> = [];
  for (const [i, event] of items.entries()) {
    const key = `new:${i}`;
    const record = incomingRecord(key, event);
    const match = index.match(record);
    if (match === null) {
      pending.set(key, batch.creates.length);
      belongsTo.push({ create: batch.creates.length });
      batch.creates.push({ event: stripRead(event), sightings: [sighting(event, "new", 1)] });
      index.add(record);
      continue;
    }
    const target = pending.get(match.key);
    if (target !== undefined) {
      batch.creates[target].sightings.push(sighting(event, match.reason, match.score));
      belongsTo.push({ create: target });
      continue;
    }
    const existing = stored.get(match.key)!;
    batch.merges.push({ eventId: existing.id, sighting: sighting(event, match.reason, match.score), patch: authoritativePatch(event, existing, match) });
    belongsTo.push({ stored: existing.id });
  }

  const committed = await deps.ingest.commit(batch);
  const ids = belongsTo.map((b) => ("stored" in b ? b.stored : committed.created[b.create].id));
  return {
    kind: input.kind,
    found: read.events.length,
    created: committed.created.length,
    merged: committed.merged + items.length - batch.creates.length - batch.merges.length,
    updated: committed.updated.length,
    eventIds: [...new Set(ids)],
    warnings,
  };
}

/**
 * The stored events an item could duplicate: those with the items' UIDs, and those in the window the items
 * span (widened by the tolerance and a day for all-day dates, and past each new rule's start by RULE_LOOKAHEAD_MS
 * so dated events already stored can be recognised as its occurrences). Recurring events active in the
 * window come with it (the store returns rules that start before the window ends and have not ended).
 */
async function candidates(items: readonly ReadEvent[], deps: IngestDeps): Promise<StoredEvent[]> {
  if (items.length === 0) return [];
  const found = new Map<string, StoredEvent>();
  const uids = items.map((e) => e.uid).filter((u): u is string => typeof u === "string");
  for (const event of await deps.ingest.eventsByUids(uids)) found.set(event.id, event);

  let from = Infinity;
  let to = -Infinity;
  for (const item of items) {
    const start = incomingRecord("", item).startEpoch;
    if (!Number.isFinite(start)) continue;
    from = Math.min(from, start);
    to = Math.max(to, start + (item.recurrence ? RULE_LOOKAHEAD_MS : 0));
  }
  if (!Number.isFinite(from)) return [...found.values()];
  const margin = deps.dedup.toleranceMs + DAY_MS;
  let after: { startEpoch: number; id: string } | undefined;
  for (;;) {
    const page = await deps.events.list({ from: from - margin, to: to + margin, limit: PAGE, after });
    for (const event of page) found.set(event.id, event);
    if (page.length < PAGE) break;
    const last = page[page.length - 1];
    after = { startEpoch: storedRecord(last).startEpoch, id: last.id };
  }
  return [...found.values()];
}

function sighting(event: ReadEvent, match: Sighting["match"], score: number): Sighting {
  return { itemKey: itemKey(event), via: event.via, url: event.url ?? null, match, score };
}

/** An item's identity inside its origin: its UID, or its reading (how, when, what). */
function itemKey(event: ReadEvent): string {
  return event.uid ?? `${event.via}|${event.start}|${event.title.trim().toLowerCase().slice(0, 120)}`;
}

/** The NewEvent fields of a read event (without `via` and `url`). */
function stripRead(event: ReadEvent): ReadEvent {
  const { via: _via, url: _url, ...rest } = event;
  return rest as ReadEvent;
}

const AUTHORITATIVE_FIELDS = ["title", "start", "end", "allDay", "timezone", "recurrence", "location", "description", "exdates"] as const;

/**
 * An iCalendar item whose UID is already stored is the source of truth for it (the organiser moved or
 * renamed the event): the fields that differ become a patch. Other matches leave the canonical event as is.
 */
function authoritativePatch(event: ReadEvent, existing: StoredEvent, match: DedupMatch): EventPatch | undefined {
  if (match.reason !== "uid" || event.via !== "ical") return undefined;
  const patch: Record<string, unknown> = {};
  for (const field of AUTHORITATIVE_FIELDS) {
    const next = (event as unknown as Record<string, unknown>)[field] ?? (field === "exdates" ? [] : null);
    const current = (existing as unknown as Record<string, unknown>)[field] ?? (field === "exdates" ? [] : null);
    if (JSON.stringify(next) !== JSON.stringify(current)) patch[field] = next;
  }
  return Object.keys(patch).length > 0 ? (patch as EventPatch) : undefined;
}
