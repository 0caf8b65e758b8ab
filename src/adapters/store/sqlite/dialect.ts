/** Opens the SQLite file (better-sqlite3) with the pragmas the store relies on, wrapped in Kysely. */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { StoreDatabase } from "../schema.js";

/** How long a writer waits for another process's lock before SQLITE_BUSY; 5 s. */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/** The in-memory database path (one per connection, gone on close). */
export const SQLITE_MEMORY = ":memory:";

/**
 * Opens (creating the file and its directory) a database: WAL journal (readers never block the writer),
 * synchronous=NORMAL (durable at checkpoints, safe with WAL), foreign keys on, busy timeout. Registers
 * `casefold(text)`, JavaScript's toLowerCase, because SQLite's own lower()/LIKE fold ASCII only.
 */
export function openSqliteDatabase(path: string): Database.Database {
  if (path !== SQLITE_MEMORY) mkdirSync(dirname(path), { recursive: true });
  const database = new Database(path);
  try {
    database.pragma("journal_mode = WAL");
    database.pragma("synchronous = NORMAL");
    database.pragma("foreign_keys = ON");
    database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    database.function("casefold", { deterministic: true }, (value: unknown) => (typeof value === "string" ? value.toLowerCase() : null));
  } catch (error) {
    database.close();
    throw error;
  }
  return database;
}

/** Kysely over one better-sqlite3 connection (Kysely serialises queries and transactions on it). */
export function createSqliteKysely(path: string): Kysely<StoreDatabase> {
  return new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database: openSqliteDatabase(path) }) });
}
