/** PostgreSQL 0002: the local job queue's durable `jobs` table and its claim index. */
import { type Kysely, type Migration, sql } from "kysely";

/**
 * One row per job, keyed by (queue, id): a caller's jobId is unique within its queue. Times are epoch ms
 * (bigint, as in SQLite, so both backends compare run_at and lease_until with the worker's clock alike).
 * payload and result are JSON text, not `json`: pg parses `json` columns, and a payload that is a JSON
 * string would then read back indistinguishable from its own text (the checks' casts validate the JSON).
 * A worker owns an `active` row while `lease_until` is in the future and `lease_owner` is its claim token.
 */
export const jobs0002: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("jobs")
      .addColumn("queue", "text", (c) => c.notNull())
      .addColumn("id", sql`text collate "C"`, (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("payload", "text", (c) => c.notNull().check(sql`payload::json is not null`))
      .addColumn("state", "text", (c) => c.notNull().check(sql`state in ('waiting', 'delayed', 'active', 'completed', 'dead')`))
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("max_attempts", "integer", (c) => c.notNull().check(sql`max_attempts >= 1`))
      .addColumn("backoff_ms", "bigint", (c) => c.notNull().check(sql`backoff_ms >= 0`))
      .addColumn("run_at", "bigint", (c) => c.notNull())
      .addColumn("lease_until", "bigint")
      .addColumn("lease_owner", "text")
      .addColumn("result", "text", (c) => c.check(sql`result is null or result::json is not null`))
      .addColumn("error", "text")
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("updated_at", "bigint", (c) => c.notNull())
      .addColumn("finished_at", "bigint")
      .addPrimaryKeyConstraint("jobs_pk", ["queue", "id"])
      .execute();
    // Claiming looks for the earliest run_at among one queue's waiting/delayed rows (and expired active ones).
    await db.schema.createIndex("jobs_claim").on("jobs").columns(["queue", "state", "run_at"]).execute();
    // The dead-letter list reads one queue's dead rows newest first.
    await db.schema.createIndex("jobs_finished").on("jobs").columns(["queue", "state", "finished_at"]).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable("jobs").ifExists().execute();
  },
};
