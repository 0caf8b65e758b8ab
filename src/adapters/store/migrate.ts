/** Runs a backend's versioned migrations with Kysely's Migrator and an in-code provider. */
import { type Kysely, type Migration, Migrator } from "kysely";

/**
 * Applies every pending migration in name order and returns the names applied now ([] when up to date).
 * Throws the first failure; PostgreSQL rolls the whole run back, SQLite keeps migrations applied before it.
 * Concurrent runs are serialised by Kysely's lock (an advisory lock on PostgreSQL).
 */
export async function runMigrations(db: Kysely<unknown>, migrations: Readonly<Record<string, Migration>>, migrationTableSchema?: string): Promise<string[]> {
  const migrator = new Migrator({ db, migrationTableSchema, provider: { getMigrations: async () => ({ ...migrations }) } });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((r) => r.status === "Error")?.migrationName;
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(failed ? `migration ${failed} failed: ${cause}` : `migrations failed: ${cause}`, { cause: error });
  }
  return results.filter((r) => r.status === "Success").map((r) => r.migrationName);
}
