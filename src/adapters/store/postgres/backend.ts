/** PostgreSQL's answers to the backend questions: tsvector search, real booleans, row locks. */
import { type Kysely, type SqlBool, sql } from "kysely";
import type { StoreBackend } from "../storeBackend.js";
import { postgresMigrations } from "./migrations/index.js";

/** A tsquery where every word must match and the last one may be a prefix: `'salsa' & 'hava':*`. */
export function tsQuery(words: readonly string[]): string {
  // Quoted lexemes are never tsquery operators (&, |, !, <->).
  return words.map((w, i) => `'${w.replaceAll("'", "''")}'${i === words.length - 1 ? ":*" : ""}`).join(" & ");
}

export const postgresBackend: StoreBackend = Object.freeze({
  name: "postgres",
  capabilities: Object.freeze({ search: "fulltext", skipLocked: true }),
  migrations: postgresMigrations,
  // The first schema of search_path (`?options=-c search_path=…`), public by default.
  migrationSchema: async (db: Kysely<unknown>) => {
    const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
    return rows[0]?.schema ?? undefined;
  },
  rowLocks: true,
  bool: (value: boolean) => value,
  matchesWords: (words: readonly string[]) => sql<SqlBool>`"events"."search" @@ to_tsquery('simple', ${tsQuery(words)})`,
  // strpos, not ILIKE: the needle's % and _ stay literal.
  locationContains: (needle: string) => sql<SqlBool>`strpos(lower("events"."location"), lower(${needle})) > 0`,
});
