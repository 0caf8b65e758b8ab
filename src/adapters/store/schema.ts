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

export interface StoreDatabase {
  events: EventsTable;
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
