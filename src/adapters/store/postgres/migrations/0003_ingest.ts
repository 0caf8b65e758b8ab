/**
 * PostgreSQL 0003: what ingestion keeps beside the events — registered sources (URLs scraped on a schedule),
 * uploaded files (content-addressed), and provenance: which origins each canonical event was seen in.
 */
import { type Kysely, type Migration, sql } from "kysely";

export const ingest0003: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("sources")
      .addColumn("id", sql`text collate "C"`, (c) => c.primaryKey())
      .addColumn("url", "text", (c) => c.notNull().unique())
      .addColumn("name", "text")
      .addColumn("kind", "text")
      .addColumn("timezone", "text", (c) => c.notNull())
      .addColumn("refresh_minutes", "integer", (c) => c.notNull())
      .addColumn("enabled", "boolean", (c) => c.notNull())
      .addColumn("render", "boolean", (c) => c.notNull().defaultTo(false))
      .addColumn("etag", "text")
      .addColumn("last_modified", "text")
      .addColumn("content_hash", "text")
      .addColumn("next_run_epoch", "bigint", (c) => c.notNull())
      .addColumn("last_run_at", "timestamptz")
      .addColumn("last_success_at", "timestamptz")
      .addColumn("last_error", "text")
      .addColumn("events_found", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("runs", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("created_at", "timestamptz", (c) => c.notNull())
      .addColumn("updated_at", "timestamptz", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("sources_due").on("sources").columns(["enabled", "next_run_epoch"]).execute();

    await db.schema
      .createTable("files")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("size", "bigint", (c) => c.notNull())
      .addColumn("content_type", "text")
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("filename", "text")
      .addColumn("created_at", "timestamptz", (c) => c.notNull())
      .execute();

    // One row per (event, origin item): re-seeing the same item refreshes last_seen_at instead of adding a row.
    await db.schema
      .createTable("event_sources")
      .addColumn("event_id", sql`text collate "C"`, (c) => c.notNull().references("events.id").onDelete("cascade"))
      .addColumn("origin", "text", (c) => c.notNull())
      .addColumn("origin_id", "text", (c) => c.notNull())
      .addColumn("item_key", "text", (c) => c.notNull())
      .addColumn("via", "text", (c) => c.notNull())
      .addColumn("url", "text")
      .addColumn("match", "text", (c) => c.notNull())
      .addColumn("score", "double precision", (c) => c.notNull())
      .addColumn("first_seen_at", "timestamptz", (c) => c.notNull())
      .addColumn("last_seen_at", "timestamptz", (c) => c.notNull())
      .addPrimaryKeyConstraint("event_sources_pk", ["event_id", "origin", "origin_id", "item_key"])
      .execute();
    await db.schema.createIndex("event_sources_origin").on("event_sources").columns(["origin", "origin_id"]).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ["event_sources", "files", "sources"]) await db.schema.dropTable(table).ifExists().execute();
  },
};
