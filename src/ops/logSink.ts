/** Log destinations pino can write to and shutdown can flush: a size-rotated gzip file, and stdout. */
import { pino } from "pino";
import { createStream, type RotatingFileStream } from "rotating-file-stream";

/** A pino destination (`write` one serialised line) that can be flushed and closed. */
export interface LogSink {
  write(line: string): void;
  /** Resolves once every line written so far has reached the file or descriptor. */
  flush(): Promise<void>;
  /** Flushes, then releases the file; later writes are dropped. */
  close(): Promise<void>;
}

export interface RotatingSinkOptions {
  /** Absolute or relative path of the live file, e.g. logs/calendar-api.log. */
  path: string;
  /** Rotate once the live file reaches this many bytes (checked after each line; a line is never split). */
  maxBytes: number;
  /** Rotated files kept: path.1.gz (newest) … path.N.gz; older ones are deleted. At least 1. */
  maxFiles: number;
  /** Told about stream errors and warnings; default writes one line to stderr (a logger cannot log its own failure). */
  onError?: (error: Error) => void;
}

/** A rotating sink plus its underlying stream (tests and callers may listen for "rotated"). */
export interface RotatingSink extends LogSink {
  readonly stream: RotatingFileStream;
}

const reportToStderr = (error: Error): void => {
  process.stderr.write(`calendar-api: log file error: ${error.message}\n`);
};

/**
 * A sink over rotating-file-stream with classical logrotate naming (`rotate: maxFiles`): the live file keeps its name,
 * rotated ones are gzip-compressed as `name.1.gz`, `name.2.gz`…, so retention needs no history file. Rotation and
 * compression run asynchronously inside the stream; writes issued meanwhile are queued by it, never lost.
 */
export function createRotatingSink(options: RotatingSinkOptions): RotatingSink {
  const onError = options.onError ?? reportToStderr;
  const stream = createStream(options.path, {
    size: `${Math.max(1, Math.round(options.maxBytes))}B`,
    compress: "gzip",
    rotate: Math.max(1, Math.floor(options.maxFiles)),
  });
  stream.on("error", onError);
  stream.on("warning", onError);

  // Lines handed to the stream whose write callback has not fired yet; flush() waits for the count to reach 0.
  let pending = 0;
  let waiters: Array<() => void> = [];
  let closed: Promise<void> | null = null;
  const settle = () => {
    if (pending > 0) return;
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve();
  };

  const sink: RotatingSink = {
    stream,
    write(line) {
      if (closed || stream.destroyed) return;
      pending++;
      // Errors reach onError through the "error" event; the callback only does the accounting.
      stream.write(line, () => {
        pending--;
        settle();
      });
    },
    flush() {
      if (pending === 0 || stream.destroyed) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    close() {
      closed ??= sink.flush().then(
        () =>
          new Promise<void>((resolve) => {
            if (stream.destroyed || stream.writableFinished) return resolve();
            stream.once("finish", () => resolve());
            stream.once("error", () => resolve());
            stream.end();
          }),
      );
      return closed;
    },
  };
  return sink;
}

/** Standard output as a sink (synchronous writes, pino's default for stdout, so flush has nothing to wait for). */
export function createStdoutSink(): LogSink {
  const dest = pino.destination({ dest: 1, sync: true });
  return {
    write: (line) => void dest.write(line),
    // Synchronous: nothing is ever buffered. Never close fd 1: other code (the CLI, test runners) may still print.
    flush: async () => {},
    close: async () => {},
  };
}
