/** What differs between the SQL backends, declared once per backend instead of `if (isPostgres)` branches. */
import type { Expression, Kysely, Migration, SqlBool } from "kysely";
import type { StoreCapabilities } from "../../ports/eventStore.js";

export interface StoreBackend {
  /** Short name for messages ("sqlite", "postgres"); never branched on. */
  readonly name: string;
  readonly capabilities: StoreCapabilities;
  /** Versioned migrations by ordered name (`0001_events`, …). */
  readonly migrations: Readonly<Record<string, Migration>>;
  /**
   * The schema Kysely's migration tables live in, undefined where schemas do not exist. Kysely looks those
   * tables up across every schema, so without it a `kysely_migration` in another schema would be taken for ours.
   */
  migrationSchema(db: Kysely<unknown>): Promise<string | undefined>;
  /** Whether `SELECT … FOR UPDATE` exists (it serialises concurrent updates of one event). */
  readonly rowLocks: boolean;
  /** A boolean as the driver binds it (SQLite has no boolean type and stores 0/1). */
  bool(value: boolean): boolean | number;
  /** A condition on `events` true when every word matches title, location or description (last word as a prefix). */
  matchesWords(words: readonly string[]): Expression<SqlBool>;
  /** A condition on `events` true when `location` contains `needle`, ignoring case. */
  locationContains(needle: string): Expression<SqlBool>;
}
