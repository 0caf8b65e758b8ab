/** SQLite's answers to the backend questions: FTS5 search, 0/1 booleans, no row locks. */
import { type SqlBool, sql } from "kysely";
import type { StoreBackend } from "../storeBackend.js";
import { sqliteMigrations } from "./migrations/index.js";

/** An FTS5 query where every word must match and the last one may be a prefix: `"salsa" "hava"*`. */
export function ftsQuery(words: readonly string[]): string {
  // Quoted strings are never FTS5 operators (AND, OR, NEAR, column filters).
  return words.map((w, i) => `"${w.replaceAll('"', '""')}"${i === words.length - 1 ? "*" : ""}`).join(" ");
}

export const sqliteBackend: StoreBackend = Object.freeze({
  name: "sqlite",
  capabilities: Object.freeze({ search: "fulltext", skipLocked: false }),
  migrations: sqliteMigrations,
  migrationSchema: async () => undefined,
  rowLocks: false,
  bool: (value: boolean) => (value ? 1 : 0),
  matchesWords: (words: readonly string[]) =>
    sql<SqlBool>`"events"."seq" in (select rowid from events_fts where events_fts match ${ftsQuery(words)})`,
  // instr, not LIKE: the needle's % and _ stay literal; casefold is registered by dialect.ts.
  locationContains: (needle: string) => sql<SqlBool>`instr(casefold("events"."location"), ${needle.toLowerCase()}) > 0`,
});
