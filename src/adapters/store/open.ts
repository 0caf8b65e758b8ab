/** Picks and opens the event store backend from the configured database URL. */
import { join, resolve } from "node:path";
import type { Kysely } from "kysely";
import { type Clock, systemClock } from "../../ports/clock.js";
import { KyselyEventStore, type MigratableEventStore } from "./kyselyEventStore.js";
import { postgresBackend } from "./postgres/backend.js";
import { createPostgresKysely } from "./postgres/dialect.js";
import { sqliteBackend } from "./sqlite/backend.js";
import { createSqliteKysely, SQLITE_MEMORY } from "./sqlite/dialect.js";
import type { StoreDatabase } from "./schema.js";
import type { StoreBackend } from "./storeBackend.js";

export type { MigratableEventStore } from "./kyselyEventStore.js";
import { translateStoreErrors } from "./translateErrors.js";

/** The SQLite file used when no database URL is configured, inside `dataDir`. */
export const SQLITE_FILE_NAME = "calendar.db";

export interface OpenEventStoreOptions {
  /** postgres:// or postgresql:// → PostgreSQL; `sqlite:<path>`, `sqlite::memory:` or `:memory:` → SQLite; null → `<dataDir>/calendar.db`. */
  databaseUrl: string | null;
  /** Directory of the default SQLite file (created when missing). */
  dataDir: string;
  /** Source of createdAt/updatedAt; the system clock by default. */
  clock?: Clock;
}

/** Where the store lives, as read from the options. */
export type StoreTarget = { kind: "postgres"; url: string } | { kind: "sqlite"; path: string };

/**
 * Reads the backend from the URL. SQLite paths: `sqlite:data/x.db` and `sqlite://data/x.db` are relative,
 * `sqlite:///abs/x.db` is absolute, `sqlite:` alone means the default file. Throws on any other scheme.
 */
export function resolveStoreTarget(databaseUrl: string | null, dataDir: string): StoreTarget {
  const url = databaseUrl?.trim() ?? "";
  if (url === "") return { kind: "sqlite", path: resolve(join(dataDir, SQLITE_FILE_NAME)) };
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: "postgres", url };
  if (url === SQLITE_MEMORY) return { kind: "sqlite", path: SQLITE_MEMORY };
  if (/^sqlite:/i.test(url)) {
    const rest = url.slice("sqlite:".length);
    const path = rest.startsWith("//") ? rest.slice(2) : rest;
    if (path === "" || path === "/") return { kind: "sqlite", path: resolve(join(dataDir, SQLITE_FILE_NAME)) };
    return { kind: "sqlite", path: path === SQLITE_MEMORY ? SQLITE_MEMORY : resolve(path) };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  throw new Error(`unsupported database URL${scheme ? ` scheme "${scheme}:"` : ""}: expected postgres://, postgresql:// or sqlite:`);
}

/**
 * Opens the event store the options name. The schema is not touched: call `migrate()` (the server does at
 * start-up, `calendar-api migrate` does on demand). SQLite opens its file now (errors surface here);
 * PostgreSQL connects on the first query.
 */
export async function openEventStore(options: OpenEventStoreOptions): Promise<MigratableEventStore> {
  return (await openStores(options)).events;
}

/** One database connection (pool) and the backend's answers; the tables beside `events` use it too. */
export interface StoreDatabaseHandle {
  target: StoreTarget;
  db: Kysely<StoreDatabase>;
  backend: StoreBackend;
}

/** Opens the database the options name, without touching its schema. */
export function openStoreDatabase(options: Pick<OpenEventStoreOptions, "databaseUrl" | "dataDir">): StoreDatabaseHandle {
  const target = resolveStoreTarget(options.databaseUrl, options.dataDir);
  if (target.kind === "postgres") return { target, db: createPostgresKysely(target.url), backend: postgresBackend };
  return { target, db: createSqliteKysely(target.path), backend: sqliteBackend };
}

/**
 * The event store and the database handle it runs on, for adapters that keep their own tables in the same
 * database (the local job queue, sources). The event store owns the connection: closing it closes the handle.
 */
export async function openStores(options: OpenEventStoreOptions): Promise<{ events: MigratableEventStore; database: StoreDatabaseHandle }> {
  const database = openStoreDatabase(options);
  const clock = options.clock ?? systemClock;
  // Driver errors leave the adapter in the port's terms (unreachable database, duplicate uid).
  return { events: translateStoreErrors(new KyselyEventStore(database.db, database.backend, clock)), database };
}
