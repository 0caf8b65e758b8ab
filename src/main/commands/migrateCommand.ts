/** `calendar-api migrate`: brings the configured database's schema up to date and lists what it applied. */
import { openEventStore } from "../../adapters/store/open.js";
import type { AppConfig } from "../../config/types.js";
import { type CliIo, EXIT_USAGE } from "../io.js";

/**
 * Opens the store from `config.store`, applies pending migrations and prints each applied name on its own
 * line (or "no pending migrations"). Exit 0; any failure (unreachable database, bad URL, failed migration)
 * prints one line on stderr and exits 2.
 */
export async function migrateCommand(io: CliIo, config: Pick<AppConfig, "store">): Promise<number> {
  let store: Awaited<ReturnType<typeof openEventStore>> | undefined;
  try {
    store = await openEventStore({ databaseUrl: config.store.databaseUrl, dataDir: config.store.dataDir });
    const applied = await store.migrate();
    io.stdout(applied.length > 0 ? applied.map((name) => `${name}\n`).join("") : "no pending migrations\n");
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`calendar-api: migrate failed: ${message.replace(/\s+/g, " ").trim()}\n`);
    return EXIT_USAGE;
  } finally {
    await store?.close().catch(() => undefined);
  }
}
