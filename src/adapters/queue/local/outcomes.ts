/**
 * Recording how an attempt ended. Each is one UPDATE guarded by the claim token, so a worker that lost its
 * lease (another worker has claimed the job since) changes nothing: the statements return undefined then.
 */
import type { UpdateQueryBuilder, UpdateResult } from "kysely";
import type { JsonValue } from "../../../ports/jobQueue.js";
import { type JobRow, type JobsDatabase, type JobsScope, toJsonText } from "./jobsTable.js";

/** The attempt resolved: completed with its result; the last failure's error is cleared. */
export function completeJob(scope: JobsScope, id: string, owner: string, now: number, result: JsonValue): Promise<JobRow | undefined> {
  return leased(scope, id, owner)
    .set({ state: "completed", result: toJsonText(result), error: null, lease_owner: null, lease_until: null, updated_at: now, finished_at: now })
    .returningAll()
    .executeTakeFirst();
}

/** The attempt failed and another is allowed: delayed until `runAt`. */
export function retryJobLater(scope: JobsScope, id: string, owner: string, now: number, error: string, runAt: number): Promise<JobRow | undefined> {
  return leased(scope, id, owner)
    .set({ state: "delayed", error, run_at: runAt, lease_owner: null, lease_until: null, updated_at: now })
    .returningAll()
    .executeTakeFirst();
}

/** The attempt failed for good (attempts exhausted, or unrecoverable): dead-lettered. */
export function buryJob(scope: JobsScope, id: string, owner: string, now: number, error: string): Promise<JobRow | undefined> {
  return leased(scope, id, owner)
    .set({ state: "dead", error, lease_owner: null, lease_until: null, updated_at: now, finished_at: now })
    .returningAll()
    .executeTakeFirst();
}

// The row, only while `owner` still holds its lease.
function leased(scope: JobsScope, id: string, owner: string): UpdateQueryBuilder<JobsDatabase, "jobs", "jobs", UpdateResult> {
  return scope.db.updateTable("jobs").where("queue", "=", scope.queue).where("id", "=", id).where("state", "=", "active").where("lease_owner", "=", owner);
}
