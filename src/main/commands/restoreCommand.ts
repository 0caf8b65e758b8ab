/**
 * `calendar-api restore FILE --yes`: replaces the event store with a backup made by `calendar-api backup`.
 * SQLite: the file is verified (SQLite header, integrity_check, an events table), the restore is refused while
 * any process has the database open (stop the service first), the current file is kept as
 * `<file>.pre-restore-<stamp>` and the backup renamed into place. PostgreSQL: the archive is checked with
 * `pg_restore --list` and restored with `pg_restore --clean --if-exists --single-transaction` (all or nothing).
 */
import { resolve } from "node:path";
import type { Env } from "../../config/load.js";
import type { AppConfig } from "../../config/types.js";
import { CliError, type CliIo } from "../io.js";
import { restorePostgres } from "../ops/postgresBackup.js";
import { restoreSqlite } from "../ops/sqliteBackup.js";
import { fileStamp, storeTarget } from "./backupCommand.js";

export interface RestoreFlags {
  file?: string;
  /** The operator confirms that the current data is replaced. */
  yes: boolean;
}

export async function restoreCommand(flags: RestoreFlags, io: CliIo, config: Pick<AppConfig, "store">, env: Env, cwd = "."): Promise<number> {
  if (flags.file === undefined) throw new CliError("restore needs the backup FILE (calendar-api restore FILE --yes)");
  const file = resolve(cwd, flags.file);
  const target = storeTarget(config, resolve(cwd, config.store.dataDir));
  const where = target.kind === "sqlite" ? target.path : "the PostgreSQL database of DATABASE_URL";
  if (!flags.yes) throw new CliError(`restore replaces ${where} with ${file}; run again with --yes to confirm`);

  if (target.kind === "sqlite") {
    const result = await restoreSqlite(file, target.path, fileStamp(io.now()));
    io.stdout(`restored ${result.events} events from ${file} into ${result.path}\n`);
    if (result.kept !== null) io.stdout(`the replaced database is kept at ${result.kept} (delete it once the service is verified)\n`);
  } else {
    const result = await restorePostgres(target.url, file, env);
    io.stdout(`restored ${file} into ${result.schemas.map((s) => `schema ${s}`).join(", ")} of DATABASE_URL\n`);
  }
  io.stdout("start the service (it applies pending migrations) and run: calendar-api check\n");
  return 0;
}
