/** The EventStore port over Kysely, shared by the SQLite and PostgreSQL backends (differences live in StoreBackend). */
import { randomBytes } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { EventPatch, EventQuery, EventStore, NewEvent, StoreCapabilities, StoredEvent } from "../../ports/eventStore.js";
import type { Clock } from "../../ports/clock.js";
import { eventEpochs } from "./epochs.js";
import { runMigrations } from "./migrate.js";
import { fromRow, toRow } from "./rows.js";
import { EVENT_COLUMNS, type StoreDatabase } from "./schema.js";
import { searchWords } from "./searchWords.js";
import type { StoreBackend } from "./storeBackend.js";

/** The most rows one `list` returns, whatever `limit` asks for; 500. */
export const MAX_LIST_LIMIT = 500;

/** Confidence of an event created without one (typed in by a person, not read from text); 1. */
export const DEFAULT_CONFIDENCE = 1;

// Rows per INSERT statement: well under SQLite's bound-parameter limit (17 columns × 200).
const INSERT_CHUNK = 200;

/** A new event id: `evt_` and 20 lower-case hex digits (sorts the same under any collation). */
export function newEventId(): string {
  return `evt_${randomBytes(10).toString("hex")}`;
}

/** An EventStore that can also bring its schema up to date. */
export interface MigratableEventStore extends EventStore {
  /** Applies pending migrations; resolves to the names applied now ([] when up to date). */
  migrate(): Promise<string[]>;
}

export class KyselyEventStore implements MigratableEventStore {
  readonly capabilities: StoreCapabilities;
  #closed = false;

  constructor(
    private readonly db: Kysely<StoreDatabase>,
    private readonly backend: StoreBackend,
    private readonly clock: Clock,
  ) {
    this.capabilities = backend.capabilities;
  }

  async migrate(): Promise<string[]> {
    const db = this.db as Kysely<unknown>;
    return runMigrations(db, this.backend.migrations, await this.backend.migrationSchema(db));
  }

  async create(inputs: NewEvent[]): Promise<StoredEvent[]> {
    if (inputs.length === 0) return [];
    const now = new Date(this.clock.now()).toISOString();
    // Every input is checked (epochs) before the transaction opens, so a bad one writes nothing.
    const events = inputs.map((input) => newStoredEvent(input, newEventId(), now));
    const rows = events.map((event) => toRow(event, eventEpochs(event), this.backend));
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) await trx.insertInto("events").values(rows.slice(i, i + INSERT_CHUNK)).execute();
    });
    return events;
  }

  async get(id: string): Promise<StoredEvent | null> {
    const row = await this.db.selectFrom("events").select(EVENT_COLUMNS).where("id", "=", id).executeTakeFirst();
    return row ? fromRow(row) : null;
  }

  async update(id: string, patch: EventPatch): Promise<StoredEvent | null> {
    return this.db.transaction().execute(async (trx) => {
      let read = trx.selectFrom("events").select(EVENT_COLUMNS).where("id", "=", id);
      if (this.backend.rowLocks) read = read.forUpdate();
      const row = await read.executeTakeFirst();
      if (!row) return null;
      const event = applyPatch(fromRow(row), patch, new Date(this.clock.now()).toISOString());
      const { id: _id, uid: _uid, created_at: _created, ...changes } = toRow(event, eventEpochs(event), this.backend);
      await trx.updateTable("events").set(changes).where("id", "=", id).execute();
      return event;
    });
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom("events").where("id", "=", id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /**
   * Rows with start_epoch < `to` and end_epoch >= `from` (end_epoch: the end, the start when there is no end,
   * the last occurrence's end for a bounded rule, OPEN_END_EPOCH for an unbounded one), so an event ending
   * exactly at `from` is still a candidate. `q`: every word in title, location or description, the last as
   * a prefix. `location`: case-insensitive substring. Ordered by (start_epoch, id), after the cursor.
   */
  async list(query: EventQuery): Promise<StoredEvent[]> {
    const limit = clampLimit(query.limit);
    if (limit === 0) return [];
    let select = this.db.selectFrom("events").select(EVENT_COLUMNS);
    if (query.from !== undefined) select = select.where("end_epoch", ">=", query.from);
    if (query.to !== undefined) select = select.where("start_epoch", "<", query.to);
    const words = query.q === undefined ? [] : searchWords(query.q);
    if (words.length > 0) select = select.where(this.backend.matchesWords(words));
    if (query.location !== undefined && query.location !== "") select = select.where(this.backend.locationContains(query.location));
    const after = query.after;
    if (after !== undefined) select = select.where(({ eb, refTuple, tuple }) => eb(refTuple("start_epoch", "id"), ">", tuple(after.startEpoch, after.id)));
    const rows = await select.orderBy("start_epoch").orderBy("id").limit(limit).execute();
    return rows.map(fromRow);
  }

  async count(): Promise<number> {
    const { n } = await this.db.selectFrom("events").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    return Number(n);
  }

  async findByUid(uid: string): Promise<StoredEvent | null> {
    const row = await this.db.selectFrom("events").select(EVENT_COLUMNS).where("uid", "=", uid).executeTakeFirst();
    return row ? fromRow(row) : null;
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  /** Closes the connection(s); later calls do nothing. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.db.destroy();
  }
}

function clampLimit(limit: number): number {
  if (!Number.isFinite(limit)) return MAX_LIST_LIMIT;
  return Math.max(0, Math.min(Math.floor(limit), MAX_LIST_LIMIT));
}

/** The stored form of a new event; the uid defaults to `<id>@calendar-api`. */
export function newStoredEvent(input: NewEvent, id: string, now: string): StoredEvent {
  return {
    id,
    title: input.title,
    start: input.start,
    end: input.end ?? null,
    allDay: input.allDay,
    timezone: input.timezone,
    recurrence: input.recurrence ?? null,
    location: input.location ?? null,
    confidence: input.confidence ?? DEFAULT_CONFIDENCE,
    components: input.components ?? {},
    description: input.description ?? null,
    uid: input.uid ?? `${id}@calendar-api`,
    exdates: input.exdates ?? [],
    createdAt: now,
    updatedAt: now,
  };
}

// The fields a patch may set; anything else a caller passes (id, uid, timestamps) is ignored.
const PATCHABLE = ["title", "start", "end", "allDay", "timezone", "recurrence", "location", "description", "confidence", "components", "exdates"] as const;

/** The event with the patch's defined fields applied (undefined means "leave as is", null clears). */
export function applyPatch(event: StoredEvent, patch: EventPatch, now: string): StoredEvent {
  const next: StoredEvent = { ...event, updatedAt: now };
  for (const key of PATCHABLE) {
    const value = patch[key];
    if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
  }
  return next;
}
