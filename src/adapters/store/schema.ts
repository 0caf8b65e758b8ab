/** Kysely's view of the events table, wide enough for both backends' native value types. */
import type { ColumnType } from "kysely";

/**
 * One row of `events`. Column types differ per backend, so reads are unions that `rows.ts` normalises:
 * SQLite keeps booleans as 0/1, JSON and timestamps as text; PostgreSQL returns booleans, parsed `json`,
 * `timestamptz` as Date and `bigint` as a decimal string. Writes are always the plain form.
 */
export interface EventsTable {
  id: string;
  uid: string;
  title: string;
  description: string | null;
  location: string | null;
  start: string;
  end: string | null;
  all_day: ColumnType<boolean | number, boolean | number, boolean | number>;
  timezone: string;
  recurrence: string | null;
  /** JSON array of ISO values; written as JSON text. */
  exdates: ColumnType<unknown, string, string>;
  confidence: number;
  /** JSON object of ComponentDetail by name; written as JSON text. */
  components: ColumnType<unknown, string, string>;
  /** Epoch ms of the first start. */
  start_epoch: ColumnType<number | string, number, number>;
  /** Epoch ms of the last occurrence's end; OPEN_END_EPOCH for rules without an end. */
  end_epoch: ColumnType<number | string, number, number>;
  created_at: ColumnType<string | Date, string, string>;
  updated_at: ColumnType<string | Date, string, string>;
}

/** A registered source (0003). Timestamps are text on SQLite, timestamptz (Date) on PostgreSQL. */
export interface SourcesTable {
  id: string;
  url: string;
  name: string | null;
  kind: string | null;
  timezone: string;
  refresh_minutes: number;
  enabled: ColumnType<boolean | number, boolean | number, boolean | number>;
  render: ColumnType<boolean | number, boolean | number, boolean | number>;
  etag: string | null;
  last_modified: string | null;
  content_hash: string | null;
  next_run_epoch: ColumnType<number | string, number, number>;
  last_run_at: ColumnType<string | Date | null, string | null, string | null>;
  last_success_at: ColumnType<string | Date | null, string | null, string | null>;
  last_error: string | null;
  events_found: number;
  runs: number;
  created_at: ColumnType<string | Date, string, string>;
  updated_at: ColumnType<string | Date, string, string>;
}

/** An uploaded file's record (0003); the bytes live in file storage under `key`. */
export interface FilesTable {
  key: string;
  size: ColumnType<number | string, number, number>;
  content_type: string | null;
  kind: string;
  filename: string | null;
  created_at: ColumnType<string | Date, string, string>;
}

/** One sighting of an event in an origin (0003). */
export interface EventSourcesTable {
  event_id: string;
  origin: string;
  origin_id: string;
  item_key: string;
  via: string;
  url: string | null;
  match: string;
  score: number;
  first_seen_at: ColumnType<string | Date, string, string>;
  last_seen_at: ColumnType<string | Date, string, string>;
}

export interface StoreDatabase {
  events: EventsTable;
  sources: SourcesTable;
  files: FilesTable;
  event_sources: EventSourcesTable;
}

/** The columns a read selects (never SQLite's `seq` or PostgreSQL's `search`). */
export const EVENT_COLUMNS = [
  "id",
  "uid",
  "title",
  "description",
  "location",
  "start",
  "end",
  "all_day",
  "timezone",
  "recurrence",
  "exdates",
  "confidence",
  "components",
  "start_epoch",
  "end_epoch",
  "created_at",
  "updated_at",
] as const;
