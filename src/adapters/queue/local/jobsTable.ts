/** Kysely's view of the `jobs` table (migration 0002) and the one place that turns its rows into JobRecords. */
import type { ColumnType, Kysely, Selectable } from "kysely";
import type { JobRecord, JobState, JsonValue } from "../../../ports/jobQueue.js";

/** An epoch-ms column: SQLite returns a number, PostgreSQL's driver a decimal string for bigint. */
type EpochColumn = ColumnType<number | string, number, number>;
type NullableEpochColumn = ColumnType<number | string | null, number | null, number | null>;
/** A JSON column: JSON text on both backends (PostgreSQL's is `text`, not `json`, so the driver never parses it). */
type JsonColumn = ColumnType<string, string, string>;

export interface JobsTable {
  queue: string;
  id: string;
  name: string;
  payload: JsonColumn;
  state: ColumnType<JobState, JobState, JobState>;
  /** Attempts claimed so far (a claim counts even when its worker dies). */
  attempts: number;
  max_attempts: number;
  backoff_ms: EpochColumn;
  /** Not claimable before this instant. */
  run_at: EpochColumn;
  /** While active: the lease's end; another worker may claim the row after it. */
  lease_until: NullableEpochColumn;
  /** While active: the claim token of the worker that holds the lease. */
  lease_owner: string | null;
  result: string | null;
  error: string | null;
  created_at: EpochColumn;
  updated_at: EpochColumn;
  finished_at: NullableEpochColumn;
}

export interface JobsDatabase {
  jobs: JobsTable;
}

export type JobRow = Selectable<JobsTable>;

/** Where the queue's statements run: the shared connection and the queue's name (every statement filters on it). */
export interface JobsScope {
  db: Kysely<JobsDatabase>;
  queue: string;
}

/** The port's record of a row. */
export function toJobRecord(row: JobRow): JobRecord {
  return {
    id: row.id,
    queue: row.queue,
    name: row.name,
    payload: JSON.parse(row.payload) as JsonValue,
    state: row.state,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    result: row.result === null ? null : (JSON.parse(row.result) as JsonValue),
    error: row.error,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    finishedAt: row.finished_at === null ? null : iso(row.finished_at),
  };
}

/** A JSON value as the column stores it (`undefined` is not JSON: it is stored as null). */
export function toJsonText(value: JsonValue | undefined): string {
  return JSON.stringify(value ?? null);
}

function iso(epochMs: number | string): string {
  return new Date(Number(epochMs)).toISOString();
}
