/**
 * Claiming a job under a lease, renewing the lease, and dead-lettering jobs whose worker died on their last
 * attempt. Each is one statement, so it is atomic on both backends without an explicit transaction.
 */
import { type Expression, type RawBuilder, sql } from "kysely";
import type { JobRow, JobsScope } from "./jobsTable.js";

/**
 * The `error` of a job whose worker stopped renewing its lease (killed, hung, or cut off from the database):
 * "lease expired: the worker running attempt <n> stopped renewing it<tail>", built in SQL from the row.
 */
function leaseExpired(attempt: Expression<number>, tail: string): RawBuilder<string> {
  return sql<string>`'lease expired: the worker running attempt ' || ${attempt} || ${` stopped renewing it${tail}`}`;
}

/**
 * Claims the runnable job with the earliest run_at and returns it as now leased by `owner` until
 * `now + leaseMs`, attempts incremented; undefined when nothing is runnable. Runnable: waiting or delayed with
 * run_at ≤ now, or active with an expired lease and attempts left (its worker died; the dead attempt counts).
 * `skipLocked` (PostgreSQL) lets concurrent claimers pass over a row another is taking instead of queueing
 * behind its lock; SQLite serialises writers, so the single UPDATE … WHERE id = (SELECT …) is atomic as it is.
 */
export async function claimJob(scope: JobsScope, owner: string, now: number, leaseMs: number, skipLocked: boolean): Promise<JobRow | undefined> {
  let candidate = scope.db
    .selectFrom("jobs")
    .select("id")
    .where("queue", "=", scope.queue)
    .where((eb) =>
      eb.or([
        eb.and([eb("state", "in", ["waiting", "delayed"]), eb("run_at", "<=", now)]),
        eb.and([eb("state", "=", "active"), eb("lease_until", "<", now), eb("attempts", "<", eb.ref("max_attempts"))]),
      ]),
    )
    .orderBy("run_at")
    .orderBy("created_at")
    .limit(1);
  if (skipLocked) candidate = candidate.forUpdate().skipLocked();
  return scope.db
    .updateTable("jobs")
    .set((eb) => ({
      state: "active",
      attempts: eb("attempts", "+", 1),
      lease_owner: owner,
      lease_until: now + leaseMs,
      updated_at: now,
      // SET expressions read the row as it was: an active row here is one whose lease expired.
      error: sql<string | null>`case when ${eb.ref("state")} = 'active' then ${leaseExpired(eb.ref("attempts"), "")} else ${eb.ref("error")} end`,
    }))
    .where("queue", "=", scope.queue)
    .where("id", "=", candidate)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Dead-letters the active jobs whose lease expired on their last attempt (the worker died and no attempt is
 * left), with a "lease expired" error; returns them. Concurrent sweeps never return a row twice: the second
 * UPDATE re-reads the row, sees it dead and skips it.
 */
export async function buryExpired(scope: JobsScope, now: number): Promise<JobRow[]> {
  return scope.db
    .updateTable("jobs")
    .set((eb) => ({
      state: "dead",
      error: leaseExpired(eb.ref("attempts"), ", and it was the last attempt"),
      lease_owner: null,
      lease_until: null,
      updated_at: now,
      finished_at: now,
    }))
    .where("queue", "=", scope.queue)
    .where("state", "=", "active")
    .where("lease_until", "<", now)
    .where((eb) => eb("attempts", ">=", eb.ref("max_attempts")))
    .returningAll()
    .execute();
}

/** Extends `owner`'s lease on job `id` to `now + leaseMs`; false when the lease is no longer `owner`'s. */
export async function renewLease(scope: JobsScope, id: string, owner: string, now: number, leaseMs: number): Promise<boolean> {
  const result = await scope.db
    .updateTable("jobs")
    .set({ lease_until: now + leaseMs, updated_at: now })
    .where("queue", "=", scope.queue)
    .where("id", "=", id)
    .where("state", "=", "active")
    .where("lease_owner", "=", owner)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
