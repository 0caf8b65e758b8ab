/**
 * The service's log files on disk: which files belong to each log (the live file and its rotations), and their
 * JSON lines within a time window, read as a stream (rotated `.gz` files decompressed on the fly).
 */
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { LOG_FILES } from "../../ops/logger.js";

/** The four live file names (calendar-api.log …), as src/ops/logger.ts writes them. */
export const LIVE_LOG_NAMES: readonly string[] = Object.values(LOG_FILES);

/** One file of a log: the live file, or a rotation of it (`name.1.gz`, or an uncompressed `name.1`). */
export interface LogFile {
  path: string;
  /** The live name it belongs to ("calendar-api.log"). */
  log: string;
  live: boolean;
  compressed: boolean;
  mtimeMs: number;
  size: number;
}

/**
 * The files of the logs in `dir`, oldest first within each log, live file last. A rotation is any
 * `<live name>.<suffix>` (our rotating sink, src/ops/logSink.ts, writes `name.N.gz`; logrotate or a crash may leave `name.N` or `name.rotated-<pid>-<n>`).
 * A missing directory lists nothing.
 */
export async function listLogFiles(dir: string, logs: readonly string[] = LIVE_LOG_NAMES): Promise<LogFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const files: LogFile[] = [];
  for (const name of names) {
    const log = logs.find((live) => name === live || name.startsWith(`${live}.`));
    if (log === undefined) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (info === null || !info.isFile()) continue;
    files.push({ path, log, live: name === log, compressed: name.endsWith(".gz"), mtimeMs: info.mtimeMs, size: info.size });
  }
  return files.sort((a, b) => a.log.localeCompare(b.log) || Number(a.live) - Number(b.live) || a.mtimeMs - b.mtimeMs);
}

/** A parsed JSON log line. */
export type LogRecord = Record<string, unknown>;

/** The instant of a record: pino's ISO `time` (our loggers) or epoch milliseconds (pino's default); null when absent. */
export function recordTime(record: LogRecord): number | null {
  const time = record.time;
  if (typeof time === "number") return time;
  if (typeof time === "string") {
    const ms = Date.parse(time);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}

export interface ReadWindow {
  /** Epoch ms; records before it are skipped (and rotated files last written before it are not opened). */
  since: number;
  /** Epoch ms; records at or after it are skipped. */
  until: number;
  /** Told about a file that could not be read to the end (e.g. a `.gz` still being written); the rest is kept. */
  onProblem?: (problem: string) => void;
}

/**
 * Every JSON record of log `name` in `dir` whose time lies in [since, until), file by file, oldest file first.
 * Lines that are not JSON objects, or carry no time, are skipped.
 */
export async function* readLogRecords(dir: string, name: string, window: ReadWindow): AsyncGenerator<LogRecord> {
  for (const file of await listLogFiles(dir, [name])) {
    // A rotation holds nothing newer than its last write.
    if (!file.live && file.mtimeMs < window.since) continue;
    yield* readFileRecords(file, window);
  }
}

async function* readFileRecords(file: LogFile, window: ReadWindow): AsyncGenerator<LogRecord> {
  const source = createReadStream(file.path);
  const input = file.compressed ? source.pipe(createGunzip()) : source;
  if (input !== source) source.on("error", (error) => input.destroy(error));
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (!line.startsWith("{")) continue;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        continue;
      }
      if (record === null || typeof record !== "object" || Array.isArray(record)) continue;
      const time = recordTime(record as LogRecord);
      if (time === null || time < window.since || time >= window.until) continue;
      yield record as LogRecord;
    }
  } catch (error) {
    window.onProblem?.(`${file.path}: ${(error as Error).message}`);
  } finally {
    lines.close();
    source.destroy();
  }
}
