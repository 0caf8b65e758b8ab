/** Log destinations pino can write to and shutdown can flush: a size-rotated gzip file, and stdout. */
import { EventEmitter } from "node:events";
import { closeSync, createReadStream, createWriteStream, fstatSync, mkdirSync, openSync, renameSync, writeSync } from "node:fs";
import { rename, unlink } from "node:fs/promises";
import { dirname } from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { pino } from "pino";

/** A pino destination (`write` one serialised line) that can be flushed and closed. */
export interface LogSink {
  write(line: string): void;
  /** Resolves once every line written so far has reached the file or descriptor (and, for files, rotation is done). */
  flush(): Promise<void>;
  /** Flushes, then releases the file; later writes are dropped. Idempotent. */
  close(): Promise<void>;
}

export interface RotatingSinkOptions {
  /** Absolute or relative path of the live file, e.g. logs/calendar-api.log. Its directory is created when missing. */
  path: string;
  /**
   * Rotate once the live file reaches this many bytes. Checked after each write, and a write is a batch of whole
   * lines of at most min(64 KiB, maxBytes) characters (a longer single line goes alone), so a line is never split
   * and a file overshoots by less than one batch.
   */
  maxBytes: number;
  /** Rotated files kept: path.1.gz (newest) … path.N.gz; older ones are deleted. At least 1. */
  maxFiles: number;
  /** Told about write, rotation and compression errors; default one line to stderr (a logger cannot log its own failure). */
  onError?: (error: Error) => void;
}

/** A rotating sink; `events` emits "rotated" (the new `path.1.gz`) once a rotated file is compressed in place. */
export interface RotatingSink extends LogSink {
  readonly events: EventEmitter;
}

/** Largest batch written in one call. */
const MAX_BATCH_CHARS = 64 * 1024;
/** pino's numeric level of `error`: such lines are written at once instead of at the end of the turn. */
const ERROR_LEVEL = 50;
/** pino's multistream sets `lastLevel` (the line's numeric level) on a destination carrying this symbol. */
const PINO_METADATA = Symbol.for("pino.metadata");

const reportToStderr = (error: Error): void => {
  process.stderr.write(`calendar-api: log file error: ${error.message}\n`);
};

/** What pino's multistream sees of a sink: it sets `lastLevel` (the line's numeric level) before each `write`. */
type LevelAware<T> = T & { [PINO_METADATA]: true; lastLevel?: number };

interface LineBatch {
  /** Queues a line; `level` is pino's numeric level when known. */
  add(line: string, level: number | undefined): void;
  /** Hands every queued line to the target now. */
  writeNow(): void;
}

/**
 * Collects the lines of one event-loop turn and hands them to `target` together, so the lines of every request
 * finished in a turn cost one write instead of one each. The batch goes out on `setImmediate` (after the turn's
 * I/O callbacks), at once after a line at `error` or above, and whenever `writeNow` is called.
 */
function batchPerTurn(target: (lines: string[]) => void): LineBatch {
  let lines: string[] = [];
  let scheduled = false;
  const writeNow = () => {
    scheduled = false;
    if (lines.length === 0) return;
    const batch = lines;
    lines = [];
    target(batch);
  };
  return {
    add(line, level) {
      lines.push(line);
      // Errors go out at once: they are rare, and a crash right after one must not take it along.
      if ((level ?? 0) >= ERROR_LEVEL) writeNow();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(writeNow);
      }
    },
    writeNow,
  };
}

/** Joins lines into chunks of at most `limit` characters each (a longer single line is a chunk of its own). */
function chunks(lines: string[], limit: number): string[] {
  const out: string[] = [];
  let start = 0;
  let size = 0;
  for (let i = 0; i < lines.length; i++) {
    if (size > 0 && size + lines[i].length > limit) {
      out.push(lines.slice(start, i).join(""));
      start = i;
      size = 0;
    }
    size += lines[i].length;
  }
  if (start < lines.length) out.push(start === 0 ? lines.join("") : lines.slice(start).join(""));
  return out;
}

/**
 * A size-rotated log file with classical logrotate naming: the live file keeps its name, rotated ones are
 * gzip-compressed as `name.1.gz` (newest) … `name.N.gz`, so retention needs no history file.
 *
 * Writes are synchronous, one per batch of lines (see batchPerTurn), as pino's own file destination does by
 * default: appending to a local file costs a few microseconds, whereas an asynchronous write through the thread
 * pool costs ten times that per call, which is what one awaited write per line cost the service before.
 * Rotation renames the live file aside and reopens it at once (synchronous, so no line waits); the compression,
 * the shift of older files and the removal of the oldest run in the background, one rotation after another.
 * A file already over the limit when the sink opens is rotated first.
 */
export function createRotatingSink(options: RotatingSinkOptions): RotatingSink {
  const onError = options.onError ?? reportToStderr;
  const { path } = options;
  const maxBytes = Math.max(1, Math.round(options.maxBytes));
  const maxFiles = Math.max(1, Math.floor(options.maxFiles));
  // Batches no larger than a file, so that a tiny maxBytes still rotates between batches, not after one huge one.
  const batchLimit = Math.min(MAX_BATCH_CHARS, maxBytes);
  const events = new EventEmitter();
  let fd: number | null = null;
  let size = 0;
  let closed = false;
  let rotations = 0;
  // The background work of every rotation so far, in order; flush() and close() wait for it.
  let compressing: Promise<void> = Promise.resolve();

  const report = (error: unknown) => onError(error instanceof Error ? error : new Error(String(error)));
  const openLive = () => {
    try {
      mkdirSync(dirname(path), { recursive: true });
      fd = openSync(path, "a");
      size = fstatSync(fd).size;
    } catch (error) {
      fd = null;
      report(error);
    }
  };
  const compress = async (aside: string) => {
    // name.(N-1).gz → name.N.gz … name.1.gz → name.2.gz; a rename over name.N.gz deletes the oldest.
    for (let n = maxFiles; n > 1; n--) {
      await rename(`${path}.${n - 1}.gz`, `${path}.${n}.gz`).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
      });
    }
    const target = `${path}.1.gz`;
    await pipeline(createReadStream(aside), createGzip(), createWriteStream(target));
    await unlink(aside);
    events.emit("rotated", target);
  };
  const rotate = () => {
    if (fd === null) return;
    // A name no other rotation (nor a previous process) uses; `logs prune` compresses it if a crash leaves it behind.
    const aside = `${path}.rotated-${process.pid}-${++rotations}`;
    try {
      closeSync(fd);
      fd = null;
      renameSync(path, aside);
    } catch (error) {
      report(error);
      openLive();
      return;
    }
    openLive();
    compressing = compressing.then(() => compress(aside)).catch(report);
  };
  const append = (chunk: string) => {
    if (fd === null) return;
    const bytes = Buffer.from(chunk);
    try {
      for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
    } catch (error) {
      report(error);
    }
    size += bytes.length;
    if (size >= maxBytes) rotate();
  };

  openLive();
  if (size >= maxBytes) rotate();
  const batch = batchPerTurn((lines) => {
    for (const chunk of chunks(lines, batchLimit)) append(chunk);
  });
  let closing: Promise<void> | null = null;
  const sink: LevelAware<RotatingSink> = {
    [PINO_METADATA]: true,
    events,
    write(line) {
      if (!closed) batch.add(line, sink.lastLevel);
    },
    async flush() {
      batch.writeNow();
      await compressing;
    },
    close() {
      closing ??= sink.flush().then(() => {
        closed = true;
        if (fd !== null) closeSync(fd);
        fd = null;
      });
      return closing;
    },
  };
  return sink;
}

/**
 * Standard output as a sink. Writes stay synchronous (pino's default for stdout: a line is out once its batch is
 * written, and a full pipe slows the process down rather than growing its memory), one per event-loop turn instead
 * of one per line; `error` lines are written at once.
 */
export function createStdoutSink(): LogSink {
  const dest = pino.destination({ dest: 1, sync: true });
  const batch = batchPerTurn((lines) => void dest.write(lines.join("")));
  const sink: LevelAware<LogSink> = {
    [PINO_METADATA]: true,
    write: (line) => batch.add(line, sink.lastLevel),
    // Writing is synchronous, so handing the batch over is all a flush needs.
    flush: async () => batch.writeNow(),
    // Never close fd 1: other code (the CLI, test runners) may still print.
    close: async () => batch.writeNow(),
  };
  return sink;
}
