/**
 * SQLite 0003: what ingestion keeps beside the events — registered sources (URLs scraped on a schedule),
 * uploaded files (content-addressed), and provenance: which origins each canonical event was seen in.
 */
import { type Kysely, type Migration, sql } from "kysely";

export const ingest0003: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("sources")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("url", "text", (c) => c.notNull().unique())
      .addColumn("name", "text")
      .addColumn("kind", "text")
      .addColumn("timezone", "text", (c) => c.notNull())
      .addColumn("refresh_minutes", "integer", (c) => c.notNull())
      .addColumn("enabled", "integer", (c) => c.notNull().check(sql`enabled in (0, 1)`))
      .addColumn("render", "integer", (c) => c.notNull().defaultTo(0).check(sql`render in (0, 1)`))
      .addColumn("etag", "text")
      .addColumn("last_modified", "text")
      .addColumn("content_hash", "text")
      .addColumn("next_run_epoch", "integer", (c) => c.notNull())
      .addColumn("last_run_at", "text")
      .addColumn("last_success_at", "text")
      .addColumn("last_error", "text")
      .addColumn("events_found", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("runs", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("sources_due").on("sources").columns(["enabled", "next_run_epoch"]).execute();

    await db.schema
      .createTable("files")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("size", "integer", (c) => c.notNull())
      .addColumn("content_type", "text")
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("filename", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();

    // One row per (event, origin item): re-seeing the same item refreshes seen_at instead of adding a row.
    await db.schema
      .createTable("event_sources")
      .addColumn("event_id", "text", (c) => c.notNull().references("events.id").onDelete("cascade"))
      .addColumn("origin", "text", (c) => c.notNull())
      .addColumn("origin_id", "text", (c) => c.notNull())
      .addColumn("item_key", "text", (c) => c.notNull())
      .addColumn("via", "text", (c) => c.notNull())
      .addColumn("url", "text")
      .addColumn("match", "text", (c) => c.notNull())
      .addColumn("score", "real", (c) => c.notNull())
      .addColumn("first_seen_at", "text", (c) => c.notNull())
      .addColumn("last_seen_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("event_sources_pk", ["event_id", "origin", "origin_id", "item_key"])
      .execute();
    await db.schema.createIndex("event_sources_origin").on("event_sources").columns(["origin", "origin_id"]).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ["event_sources", "files", "sources"]) await db.schema.dropTable(table).ifExists().execute();
  },
};
