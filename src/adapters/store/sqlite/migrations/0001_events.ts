/** SQLite 0001: the events table, its window indexes and an FTS5 index kept in step by triggers. */
import { type Kysely, type Migration, sql } from "kysely";

/**
 * `seq INTEGER PRIMARY KEY` is the rowid the FTS5 external-content table points at: VACUUM may renumber the
 * implicit rowid of a table without one, which would silently detach the index. `id` stays the event's
 * identity (NOT NULL UNIQUE, what every query uses). Booleans are 0/1, JSON and timestamps are text.
 */
export const events0001: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("events")
      .addColumn("seq", "integer", (c) => c.primaryKey())
      .addColumn("id", "text", (c) => c.notNull().unique())
      .addColumn("uid", "text", (c) => c.notNull().unique())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("description", "text")
      .addColumn("location", "text")
      .addColumn("start", "text", (c) => c.notNull())
      .addColumn("end", "text")
      .addColumn("all_day", "integer", (c) => c.notNull().check(sql`all_day in (0, 1)`))
      .addColumn("timezone", "text", (c) => c.notNull())
      .addColumn("recurrence", "text")
      .addColumn("exdates", "text", (c) => c.notNull().defaultTo("[]").check(sql`json_valid(exdates)`))
      .addColumn("confidence", "real", (c) => c.notNull())
      .addColumn("components", "text", (c) => c.notNull().defaultTo("{}").check(sql`json_valid(components)`))
      .addColumn("start_epoch", "integer", (c) => c.notNull())
      .addColumn("end_epoch", "integer", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    // Window queries range over start_epoch and return rows in (start_epoch, id) order; end_epoch bounds the other side.
    await db.schema.createIndex("events_start_id").on("events").columns(["start_epoch", "id"]).execute();
    await db.schema.createIndex("events_end").on("events").column("end_epoch").execute();

    // unicode61 folds case and (remove_diacritics 2) accents, so "cafe" finds "Café".
    await sql`CREATE VIRTUAL TABLE events_fts USING fts5(
      title, location, description,
      content='events', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
    )`.execute(db);
    await sql`CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
      INSERT INTO events_fts(rowid, title, location, description) VALUES (new.seq, new.title, new.location, new.description);
    END`.execute(db);
    // An external-content index deletes by the old values, so both triggers hand it the row as it was.
    await sql`CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
      INSERT INTO events_fts(events_fts, rowid, title, location, description) VALUES ('delete', old.seq, old.title, old.location, old.description);
    END`.execute(db);
    await sql`CREATE TRIGGER events_fts_update AFTER UPDATE OF title, location, description ON events BEGIN
      INSERT INTO events_fts(events_fts, rowid, title, location, description) VALUES ('delete', old.seq, old.title, old.location, old.description);
      INSERT INTO events_fts(rowid, title, location, description) VALUES (new.seq, new.title, new.location, new.description);
    END`.execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const trigger of ["events_fts_update", "events_fts_delete", "events_fts_insert"]) await sql`DROP TRIGGER IF EXISTS ${sql.id(trigger)}`.execute(db);
    await sql`DROP TABLE IF EXISTS events_fts`.execute(db);
    await db.schema.dropTable("events").ifExists().execute();
  },
};
