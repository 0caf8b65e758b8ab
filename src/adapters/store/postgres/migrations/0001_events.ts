/** PostgreSQL 0001: the events table, its window indexes and a generated tsvector with a GIN index. */
import { type Kysely, type Migration, sql } from "kysely";

/**
 * `id` uses the "C" collation so (start_epoch, id) order and cursors compare bytes, as SQLite does.
 * JSON columns are `json`, not `jsonb`, to keep the key order callers wrote (components read in order).
 * `confidence` is double precision: `real` would turn 0.94 into 0.9399999976158142.
 * `search` uses the `simple` configuration: lower-cased words, no stemming or stop words, like SQLite's FTS5.
 */
export const events0001: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("events")
      .addColumn("id", sql`text collate "C"`, (c) => c.primaryKey())
      .addColumn("uid", "text", (c) => c.notNull().unique())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("description", "text")
      .addColumn("location", "text")
      .addColumn("start", "text", (c) => c.notNull())
      .addColumn("end", "text")
      .addColumn("all_day", "boolean", (c) => c.notNull())
      .addColumn("timezone", "text", (c) => c.notNull())
      .addColumn("recurrence", "text")
      .addColumn("exdates", "json", (c) => c.notNull().defaultTo(sql`'[]'::json`))
      .addColumn("confidence", "double precision", (c) => c.notNull())
      .addColumn("components", "json", (c) => c.notNull().defaultTo(sql`'{}'::json`))
      .addColumn("start_epoch", "bigint", (c) => c.notNull())
      .addColumn("end_epoch", "bigint", (c) => c.notNull())
      .addColumn("created_at", "timestamptz", (c) => c.notNull())
      .addColumn("updated_at", "timestamptz", (c) => c.notNull())
      .addColumn("search", sql`tsvector`, (c) =>
        c.generatedAlwaysAs(sql`to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(location, '') || ' ' || coalesce(description, ''))`).stored(),
      )
      .execute();
    // Window queries range over start_epoch and return rows in (start_epoch, id) order; end_epoch bounds the other side.
    await db.schema.createIndex("events_start_id").on("events").columns(["start_epoch", "id"]).execute();
    await db.schema.createIndex("events_end").on("events").column("end_epoch").execute();
    await db.schema.createIndex("events_search").on("events").using("gin").column("search").execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable("events").ifExists().execute();
  },
};
