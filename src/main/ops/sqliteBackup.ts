/**
 * Backup and restore of the SQLite store file. Backups use SQLite's online backup API (a consistent copy while the
 * server writes); a restore verifies the backup, refuses while another process has the database open, keeps the
 * replaced file beside it and swaps the new one in with a rename.
 */
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readSync, renameSync, rmSync, statSync } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { SQLITE_BUSY_TIMEOUT_MS } from "../../adapters/store/sqlite/dialect.js";
import { CliError } from "../io.js";

/** What a verified SQLite backup holds. */
export interface SqliteBackupInfo {
  path: string;
  bytes: number;
  events: number;
}

const SQLITE_HEADER = "SQLite format 3\u0000";

/**
 * Writes a consistent copy of the database at `source` to `target` (which must not exist), read-only on the
 * source, so the service may keep running. The copy is a single self-contained file (rollback journal mode,
 * no -wal beside it), checked with `quick_check` before it gets its final name.
 */
export async function backupSqlite(source: string, target: string): Promise<SqliteBackupInfo> {
  if (!existsSync(source)) throw new CliError(`no SQLite database at ${source}: nothing to back up`, 1);
  if (existsSync(target)) throw new CliError(`${target} already exists; choose another --out`);
  await mkdir(dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  try {
    const db = new Database(source, { readonly: true, fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
    try {
      await db.backup(partial);
    } finally {
      db.close();
    }
    const copy = new Database(partial);
    try {
      // The source is in WAL mode and the copy inherits it; a backup should be one file.
      copy.pragma("journal_mode = DELETE");
      const check = copy.pragma("quick_check", { simple: true });
      if (check !== "ok") throw new CliError(`the copy failed its check (${String(check)})`, 1);
    } finally {
      copy.close();
    }
    syncFile(partial);
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    rmSync(`${partial}-journal`, { force: true });
    throw error;
  }
  return inspectSqliteBackup(target);
}

/**
 * Checks that `path` is a SQLite database that passes `integrity_check` and has the store's `events` table;
 * returns its size and event count. Throws CliError (exit 2) naming what is wrong.
 */
export function inspectSqliteBackup(path: string): SqliteBackupInfo {
  if (!existsSync(path)) throw new CliError(`${path}: no such file`);
  if (readHeader(path, SQLITE_HEADER.length) !== SQLITE_HEADER) throw new CliError(`${path} is not a SQLite database`);
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const problems = db.pragma("integrity_check") as Array<{ integrity_check: string }>;
    if (problems.length !== 1 || problems[0]!.integrity_check !== "ok") {
      throw new CliError(`${path} failed SQLite's integrity check: ${problems.map((p) => p.integrity_check).slice(0, 3).join("; ")}`);
    }
    const table = db.prepare("select name from sqlite_master where type = 'table' and name = 'events'").get();
    if (table === undefined) throw new CliError(`${path} is a SQLite database but not a Calendar API one (no events table)`);
    const { n } = db.prepare("select count(*) as n from events").get() as { n: number };
    return { path, bytes: statSync(path).size, events: n };
  } finally {
    db.close();
  }
}

/**
 * True when another connection (the running service, another CLI) has the database open: an exclusive lock
 * cannot be taken at once. In WAL mode every open connection holds a shared lock, so an idle server counts.
 */
export function sqliteInUse(path: string): boolean {
  const db = new Database(path, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.exec("COMMIT");
    return false;
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return true;
    throw error;
  } finally {
    db.close();
  }
}

export interface SqliteRestoreResult extends SqliteBackupInfo {
  /** Where the replaced database was kept (`<live>.pre-restore-<stamp>`); null when there was none. */
  kept: string | null;
}

/**
 * Replaces the database at `live` with the verified backup at `backup`. Refuses (exit 1) while the database
 * is in use. The backup is copied next to `live` first (same file system), then the current file is hard-linked
 * to `<live>.pre-restore-<stamp>` (its -wal moved along, its -shm removed) and the copy renamed over `live`:
 * `live` always names a complete database, and the old one stays until the operator deletes it.
 */
export async function restoreSqlite(backup: string, live: string, stamp: string): Promise<SqliteRestoreResult> {
  const info = inspectSqliteBackup(backup);
  if (existsSync(live) && sqliteInUse(live)) {
    throw new CliError(`${live} is in use by another process (is the service running?); stop it, then restore`, 1);
  }
  await mkdir(dirname(live), { recursive: true });
  const incoming = `${live}.restore-${process.pid}.tmp`;
  let kept: string | null = null;
  try {
    const source = new Database(backup, { readonly: true, fileMustExist: true });
    try {
      await source.backup(incoming);
    } finally {
      source.close();
    }
    syncFile(incoming);
    if (existsSync(live)) {
      kept = `${live}.pre-restore-${stamp}`;
      if (existsSync(kept)) throw new CliError(`${kept} already exists`, 1);
      try {
        linkSync(live, kept);
      } catch {
        await copyFile(live, kept);
      }
      // A -wal left by a crash belongs to the old database: applied to the new one it would corrupt it.
      for (const suffix of ["-wal", "-journal"]) if (existsSync(`${live}${suffix}`)) renameSync(`${live}${suffix}`, `${kept}${suffix}`);
      rmSync(`${live}-shm`, { force: true });
    }
    renameSync(incoming, live);
    syncFile(dirname(live));
  } catch (error) {
    rmSync(incoming, { force: true });
    throw error;
  }
  return { ...info, path: live, kept };
}

function readHeader(path: string, length: number): string {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, read).toString("latin1");
  } finally {
    closeSync(fd);
  }
}

/** fsync a file or directory, so that a rename that follows is not reordered before the data on a crash. */
function syncFile(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a directory; the rename is still atomic.
  } finally {
    closeSync(fd);
  }
}
