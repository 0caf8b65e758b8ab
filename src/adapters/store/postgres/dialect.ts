/** Opens a pg connection pool wrapped in Kysely. */
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { StoreDatabase } from "../schema.js";

/** Most pooled connections per process; 10. */
export const POSTGRES_POOL_MAX = 10;
/** How long acquiring a connection may take before the query fails; 5 s. */
export const POSTGRES_CONNECT_TIMEOUT_MS = 5_000;

/**
 * A pool for `url` (postgres:// or postgresql://; `?options=-c search_path=…` selects a schema). Connections
 * open lazily, so an unreachable server surfaces on the first query (ping, migrate), not here.
 */
export function createPostgresKysely(url: string): Kysely<StoreDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: POSTGRES_POOL_MAX, connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS });
  // An idle client dropped by the server emits "error" on the pool; unhandled it would crash the process.
  // The pool discards that client and the next query reports any lasting problem.
  pool.on("error", () => undefined);
  // A connection that drops while a query runs emits "error" on its client, which the pool only listens
  // to while the client is idle (node-postgres #3083); the query itself still fails and is translated.
  pool.on("connect", (client) => void client.on("error", () => undefined));
  return new Kysely<StoreDatabase>({ dialect: new PostgresDialect({ pool }) });
}
