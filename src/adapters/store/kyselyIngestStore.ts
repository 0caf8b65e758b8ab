/** The IngestStore port over Kysely, on the same database (and connection) as the events; SQLite and PostgreSQL alike. */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { CalendarError } from "../../core/events/errors.js";
import type { Clock } from "../../ports/clock.js";
import type { StoredEvent } from "../../ports/eventStore.js";
import type { FileRecord, IngestBatch, IngestCommit, IngestStore, NewSource, Provenance, Source, SourceRun } from "../../ports/ingestStore.js";
import { eventEpochs } from "./epochs.js";
import { fileFromRow, isoInstant, provenanceFromRow, sourceFromRow } from "./ingestRows.js";
import { applyPatch, newEventId, newStoredEvent } from "./kyselyEventStore.js";
import { fromRow, toRow } from "./rows.js";
import { EVENT_COLUMNS, type StoreDatabase } from "./schema.js";
import type { StoreBackend } from "./storeBackend.js";

// Rows per INSERT statement: under SQLite's bound-parameter limit for the widest table (events, 17 columns).
const INSERT_CHUNK = 200;
// UIDs per `IN (…)` lookup.
const UID_CHUNK = 500;

/** A new source id: `src_` and 16 lower-case hex digits. */
export function newSourceId(): string {
  return `src_${randomBytes(8).toString("hex")}`;
}

export class KyselyIngestStore implements IngestStore {
  constructor(
    private readonly db: Kysely<StoreDatabase>,
    private readonly backend: StoreBackend,
    private readonly clock: Clock,
  ) {}

  async createSource(input: NewSource, now: number): Promise<Source> {
    const at = new Date(now).toISOString();
    const row = {
      id: newSourceId(),
      url: input.url,
      name: input.name ?? null,
      kind: null,
      timezone: input.timezone,
      refresh_minutes: input.refreshMinutes,
      enabled: this.backend.bool(input.enabled ?? true),
      render: this.backend.bool(input.render ?? false),
      etag: null,
      last_modified: null,
      content_hash: null,
      // A new source is due at once: its first run fills kind and events.
      next_run_epoch: now,
      last_run_at: null,
      last_success_at: null,
      last_error: null,
      events_found: 0,
      runs: 0,
      created_at: at,
      updated_at: at,
    };
    try {
      await this.db.insertInto("sources").values(row).execute();
    } catch (error) {
      if (/unique|23505/i.test(`${(error as { code?: string }).code ?? ""} ${(error as Error).message}`)) {
        throw new CalendarError("SOURCE_CONFLICT", `a source with url ${JSON.stringify(input.url)} is already registered`, "url");
      }
      throw error;
    }
    return sourceFromRow(row);
  }

  async getSource(id: string): Promise<Source | null> {
    const row = await this.db.selectFrom("sources").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? sourceFromRow(row) : null;
  }

  async findSourceByUrl(url: string): Promise<Source | null> {
    const row = await this.db.selectFrom("sources").selectAll().where("url", "=", url).executeTakeFirst();
    return row ? sourceFromRow(row) : null;
  }

  async listSources(options: { limit: number; offset: number }): Promise<Source[]> {
    const rows = await this.db.selectFrom("sources").selectAll().orderBy("created_at").orderBy("id").limit(options.limit).offset(options.offset).execute();
    return rows.map(sourceFromRow);
  }

  async deleteSource(id: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      // The events stay (other origins may list them); only this source's sightings go.
      await trx.deleteFrom("event_sources").where("origin", "=", "source").where("origin_id", "=", id).execute();
      const result = await trx.deleteFrom("sources").where("id", "=", id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    });
  }

  async dueSources(now: number, limit: number): Promise<Source[]> {
    const rows = await this.db
      .selectFrom("sources")
      .selectAll()
      .where("enabled", "=", this.backend.bool(true))
      .where("next_run_epoch", "<=", now)
      .orderBy("next_run_epoch")
      .limit(limit)
      .execute();
    return rows.map(sourceFromRow);
  }

  async claimScheduledRun(id: string, expectedNext: number, next: number): Promise<boolean> {
    const result = await this.db.updateTable("sources").set({ next_run_epoch: next }).where("id", "=", id).where("next_run_epoch", "=", expectedNext).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async recordRun(id: string, run: SourceRun): Promise<Source | null> {
    const at = new Date(run.at).toISOString();
    const changes: Record<string, unknown> = { last_run_at: at, updated_at: at, last_error: run.ok ? null : (run.error ?? "failed") };
    if (run.ok) changes.last_success_at = at;
    if (run.kind !== undefined && run.kind !== null) changes.kind = run.kind;
    if (run.etag !== undefined) changes.etag = run.etag;
    if (run.lastModified !== undefined) changes.last_modified = run.lastModified;
    if (run.contentHash !== undefined) changes.content_hash = run.contentHash;
    if (run.eventsFound !== undefined) changes.events_found = run.eventsFound;
    const result = await this.db
      .updateTable("sources")
      .set((eb) => ({ ...changes, runs: eb("runs", "+", 1) }))
      .where("id", "=", id)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n ? this.getSource(id) : null;
  }

  async recordFile(file: Omit<FileRecord, "createdAt">, now: number): Promise<FileRecord> {
    const row = { key: file.key, size: file.size, content_type: file.contentType, kind: file.kind, filename: file.filename, created_at: new Date(now).toISOString() };
    await this.db.insertInto("files").values(row).onConflict((oc) => oc.column("key").doNothing()).execute();
    return (await this.getFile(file.key)) ?? fileFromRow(row);
  }

  async getFile(key: string): Promise<FileRecord | null> {
    const row = await this.db.selectFrom("files").selectAll().where("key", "=", key).executeTakeFirst();
    return row ? fileFromRow(row) : null;
  }

  async eventsByUids(uids: readonly string[]): Promise<StoredEvent[]> {
    const out: StoredEvent[] = [];
    const unique = [...new Set(uids)];
    for (let i = 0; i < unique.length; i += UID_CHUNK) {
      const rows = await this.db.selectFrom("events").select(EVENT_COLUMNS).where("uid", "in", unique.slice(i, i + UID_CHUNK)).execute();
      for (const row of rows) out.push(fromRow(row));
    }
    return out;
  }

  async lastSightingAt(): Promise<string | null> {
    const row = await this.db.selectFrom("event_sources").select((eb) => eb.fn.max("last_seen_at").as("at")).executeTakeFirst();
    return row?.at ? isoInstant(row.at as string | Date) : null;
  }

  async provenanceOf(eventId: string): Promise<Provenance[]> {
    const rows = await this.db.selectFrom("event_sources").selectAll().where("event_id", "=", eventId).orderBy("first_seen_at").orderBy("origin").orderBy("origin_id").execute();
    return rows.map(provenanceFromRow);
  }

  async commit(batch: IngestBatch): Promise<IngestCommit> {
    const now = new Date(this.clock.now()).toISOString();
    const seenAt = new Date(batch.at).toISOString();
    // Every new event is built and checked (epochs) before the transaction opens, so a bad one writes nothing.
    const created = batch.creates.map(({ event }) => newStoredEvent(event, newEventId(), now));
    const rows = created.map((event) => toRow(event, eventEpochs(event), this.backend));
    const sightingRows = [
      ...batch.creates.flatMap(({ sightings }, i) => sightings.map((sighting) => ({ eventId: created[i].id, sighting }))),
      ...batch.merges.map(({ eventId, sighting }) => ({ eventId, sighting })),
    ].map(({ eventId, sighting }) => ({
      event_id: eventId,
      origin: batch.origin.type,
      origin_id: batch.origin.id,
      item_key: sighting.itemKey,
      via: sighting.via,
      url: sighting.url,
      match: sighting.match,
      score: sighting.score,
      first_seen_at: seenAt,
      last_seen_at: seenAt,
    }));
    // One row per key: an ON CONFLICT upsert may not touch the same row twice in one statement (PostgreSQL).
    const sightings = [...new Map(sightingRows.map((row) => [`${row.event_id}\u0000${row.item_key}`, row])).values()];

    return this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) await trx.insertInto("events").values(rows.slice(i, i + INSERT_CHUNK)).execute();
      const updated: StoredEvent[] = [];
      for (const merge of batch.merges) {
        if (merge.patch === undefined) continue;
        let read = trx.selectFrom("events").select(EVENT_COLUMNS).where("id", "=", merge.eventId);
        if (this.backend.rowLocks) read = read.forUpdate();
        const row = await read.executeTakeFirst();
        if (!row) continue;
        const event = applyPatch(fromRow(row), merge.patch, now);
        const { id: _id, uid: _uid, created_at: _created, ...changes } = toRow(event, eventEpochs(event), this.backend);
        await trx.updateTable("events").set(changes).where("id", "=", merge.eventId).execute();
        updated.push(event);
      }
      // Re-seeing an item refreshes its row (the match may change, the first sighting stays).
      for (let i = 0; i < sightings.length; i += INSERT_CHUNK) {
        await trx
          .insertInto("event_sources")
          .values(sightings.slice(i, i + INSERT_CHUNK))
          .onConflict((oc) =>
            oc.columns(["event_id", "origin", "origin_id", "item_key"]).doUpdateSet((eb) => ({
              last_seen_at: eb.ref("excluded.last_seen_at"),
              via: eb.ref("excluded.via"),
              url: eb.ref("excluded.url"),
            })),
          )
          .execute();
      }
      return { created, updated, merged: batch.merges.length };
    });
  }
}
