/**
 * `calendar-api backup [--out FILE]`: a consistent copy of the event store while the service runs. SQLite: the
 * online backup API, read-only on the live file. PostgreSQL: `pg_dump --format=custom` (the URL's search_path
 * schema only, when it names one). Default file: <dataDir>/backups/calendar-<UTC stamp>.db (or .dump).
 */
import { join, resolve } from "node:path";
import { resolveStoreTarget } from "../../adapters/store/open.js";
import type { Env } from "../../config/load.js";
import type { AppConfig } from "../../config/types.js";
import { CliError, type CliIo } from "../io.js";
import { backupPostgres } from "../ops/postgresBackup.js";
import { backupSqlite } from "../ops/sqliteBackup.js";

export interface BackupFlags {
  /** Where to write; relative to the working directory. */
  out?: string;
}

/** `20261123T090000Z`: a UTC instant for file names (sorts by time, no colons). */
export function fileStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

/** Where a backup goes when no --out is given. */
export function defaultBackupPath(dataDir: string, kind: "sqlite" | "postgres", now: number): string {
  return join(dataDir, "backups", `calendar-${fileStamp(now)}.${kind === "sqlite" ? "db" : "dump"}`);
}

/** Writes the backup and prints one line saying where and what; exit 0. Failures are CliErrors (1, or 2 for usage). */
export async function backupCommand(flags: BackupFlags, io: CliIo, config: Pick<AppConfig, "store">, env: Env, cwd = "."): Promise<number> {
  const dataDir = resolve(cwd, config.store.dataDir);
  const target = storeTarget(config, dataDir);
  const out = flags.out === undefined ? defaultBackupPath(dataDir, target.kind, io.now()) : resolve(cwd, flags.out);
  if (target.kind === "sqlite") {
    const info = await backupSqlite(target.path, out);
    io.stdout(`backup written: ${info.path} (SQLite, ${info.events} events, ${info.bytes} bytes)\n`);
  } else {
    const info = await backupPostgres(target.url, out, env);
    io.stdout(`backup written: ${info.path} (pg_dump custom format, ${info.schema === null ? "whole database" : `schema ${info.schema}`})\n`);
  }
  return 0;
}

/** The configured store, refusing the in-memory database (there is nothing on disk to copy or replace). */
export function storeTarget(config: Pick<AppConfig, "store">, dataDir: string): ReturnType<typeof resolveStoreTarget> {
  let target: ReturnType<typeof resolveStoreTarget>;
  try {
    target = resolveStoreTarget(config.store.databaseUrl, dataDir);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  if (target.kind === "sqlite" && target.path === ":memory:") throw new CliError("the store is an in-memory SQLite database: nothing to back up or restore");
  return target;
}
