/**
 * `calendar-api logs prune [--dir DIR] [--keep-days N] [--dry-run]`: compresses rotated log files left
 * uncompressed (`calendar-api.log.1` → `.1.gz`, keeping its modification time) and deletes rotations last written
 * more than N days ago. The four live files are never touched; files of other programs are ignored.
 */
import { createReadStream, createWriteStream, existsSync, statSync } from "node:fs";
import { rename, rm, unlink, utimes } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import type { AppConfig } from "../../config/types.js";
import { CliError, type CliIo } from "../io.js";
import { type LogFile, listLogFiles } from "../ops/logFiles.js";
import { fileStamp } from "./backupCommand.js";

/** Days a rotated file is kept by default: 30, as in the weekly maintenance of the operational procedures. */
export const DEFAULT_KEEP_DAYS = 30;

export interface LogsPruneFlags {
  /** Default `logging.dir`. */
  dir?: string;
  /** Default DEFAULT_KEEP_DAYS; 0 deletes every rotation. */
  keepDays?: number;
  dryRun: boolean;
}

/** Our own temporary file while compressing; never taken for a rotation. */
const PARTIAL = /\.partial-\d+$/;

export async function logsPruneCommand(flags: LogsPruneFlags, io: CliIo, config: Pick<AppConfig, "logging">, cwd = "."): Promise<number> {
  const configured = flags.dir ?? config.logging.dir;
  if (configured === null || configured === undefined) throw new CliError("no log directory: pass --dir DIR or set LOG_DIR");
  const dir = resolve(cwd, configured);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(`${dir}: no such directory`);
  const keepDays = flags.keepDays ?? DEFAULT_KEEP_DAYS;
  const cutoff = io.now() - keepDays * 86_400_000;
  const would = flags.dryRun ? "would " : "";

  let compressed = 0;
  let deleted = 0;
  let kept = 0;
  let freed = 0;
  const rotations = (await listLogFiles(dir)).filter((f) => !f.live && !PARTIAL.test(f.path));
  for (const file of rotations) {
    if (file.mtimeMs < cutoff) {
      if (!flags.dryRun) await unlink(file.path);
      io.stdout(`${would}delete ${basename(file.path)} (last written ${new Date(file.mtimeMs).toISOString()}, ${file.size} bytes)\n`);
      deleted++;
      freed += file.size;
    } else if (!file.compressed) {
      const target = gzName(file);
      if (flags.dryRun) io.stdout(`would compress ${basename(file.path)} -> ${basename(target)}\n`);
      else {
        const size = await gzip(file, target);
        io.stdout(`compressed ${basename(file.path)} -> ${basename(target)} (${file.size} -> ${size} bytes)\n`);
        freed += file.size - size;
      }
      compressed++;
    } else kept++;
  }
  const live = (await listLogFiles(dir)).filter((f) => f.live).map((f) => basename(f.path));
  const done = flags.dryRun
    ? `${dir} (dry run): ${compressed} to compress, ${deleted} to delete, ${kept} kept (rotations newer than ${keepDays} days), ${freed} bytes to free by deleting`
    : `${dir}: ${compressed} compressed, ${deleted} deleted, ${kept} kept (rotations newer than ${keepDays} days), ${freed} bytes freed`;
  io.stdout(`${done}; live files untouched: ${live.join(", ") || "none"}\n`);
  return 0;
}

/** `name.1` → `name.1.gz`; when that exists already, `name.1.<stamp>.gz` (the age-based expiry still applies). */
function gzName(file: LogFile): string {
  const plain = `${file.path}.gz`;
  return existsSync(plain) ? `${file.path}.${fileStamp(file.mtimeMs)}.gz` : plain;
}

/** Compresses through a partial file renamed into place, keeps the original's times, removes the original; returns the new size. */
async function gzip(file: LogFile, target: string): Promise<number> {
  const partial = `${target}.partial-${process.pid}`;
  try {
    await pipeline(createReadStream(file.path), createGzip(), createWriteStream(partial, { flags: "wx" }));
    const before = statSync(file.path);
    await utimes(partial, before.atime, before.mtime);
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw new CliError(`could not compress ${file.path}: ${(error as Error).message}`, 1);
  }
  await unlink(file.path);
  return statSync(target).size;
}
