/** The process's loggers: one pino root plus the parsing-decisions and performance channels, JSON to stdout and rotated files. */
import { join } from "node:path";
import { pino, type Bindings, type ChildLoggerOptions, type Level, type Logger, type LoggerOptions, type StreamEntry } from "pino";
import { maskSecrets, maskUrlCredentials } from "./maskSecrets.js";
import { createRotatingSink, createStdoutSink, type LogSink } from "./logSink.js";

/** The files under `dir`, named as the deployment guide (and its Promtail globs) promise. */
export const LOG_FILES = {
  /** Every line at or above the configured level, from every logger. */
  app: "calendar-api.log",
  /** Error and fatal lines only. */
  errors: "calendar-api-errors.log",
  /** One line per parse: { textHash, route, confidence_breakdown, durationMs }. */
  parsingDecisions: "parsing-decisions.log",
  /** duration_ms per request and per component. */
  performance: "performance-metrics.log",
} as const;

export interface LoggerConfig {
  level: Level;
  /** Directory of the log files (created when missing); null logs to stdout only. */
  dir: string | null;
  /** Size at which a file rotates; fractions allowed (1/1024 is 1 KiB). */
  maxFileSizeMb: number;
  /** Rotated, gzip-compressed files kept per log file (name.1.gz … name.N.gz). */
  maxFiles: number;
  /** Also write every line to standard output (the container's log). */
  stdout: boolean;
  /** Told when a log file cannot be written; default one line to stderr. */
  onFileError?: (error: Error) => void;
}

export interface Loggers {
  /** The root: the HTTP layer derives `root.child({ requestId })`, jobs `root.child({ jobId })`. */
  root: Logger;
  /** One info line per parse, also in the app log; bound to { channel: "parsing_decisions", component: "parsing_router" }. */
  parsingDecisions: Logger;
  /** Timings ({ component, duration_ms }), also in the app log; bound to { channel: "performance" }. */
  performance: Logger;
  /** Resolves once every line written so far is on disk / stdout. Used by shutdown. */
  flush(): Promise<void>;
  /** Flushes and closes the files; lines logged afterwards are dropped. Idempotent. */
  close(): Promise<void>;
}

/**
 * Builds the loggers. Redaction happens before serialisation: values under secret keys are masked at any depth in the
 * logged object and in child bindings, and URL credentials are masked in the final line (message included).
 * The two channels log at `info` even when the configured level is higher, so their files always get one line per
 * event; the shared sinks (stdout, app file) still filter at the configured level.
 */
export function createLogger(config: LoggerConfig): Loggers {
  const shared: Array<{ level: Level; sink: LogSink }> = [];
  const all: LogSink[] = [];
  const add = (sink: LogSink) => (all.push(sink), sink);

  if (config.stdout) shared.push({ level: config.level, sink: add(createStdoutSink()) });

  const fileSink = (name: string) =>
    add(
      createRotatingSink({
        path: join(config.dir ?? ".", name),
        maxBytes: config.maxFileSizeMb * 1024 * 1024,
        maxFiles: config.maxFiles,
        onError: config.onFileError,
      }),
    );
  let parsingFile: LogSink | null = null;
  let performanceFile: LogSink | null = null;
  if (config.dir !== null) {
    shared.push({ level: config.level, sink: fileSink(LOG_FILES.app) });
    // "error" is both a floor (nothing below) and the whole point of the file.
    shared.push({ level: moreSevere(config.level, "error"), sink: fileSink(LOG_FILES.errors) });
    parsingFile = fileSink(LOG_FILES.parsingDecisions);
    performanceFile = fileSink(LOG_FILES.performance);
  }

  const root = masked(pino(baseOptions(config.level), destination(shared)));
  // A channel writes where the root does, plus its own file.
  const channel = (file: LogSink | null, bindings: Record<string, string>) =>
    masked(
      pino(
        baseOptions(lessSevere(config.level, "info")),
        destination(file ? [...shared, { level: "info", sink: file }] : shared),
      ),
    ).child(bindings);
  const parsingDecisions = channel(parsingFile, { channel: "parsing_decisions", component: "parsing_router" });
  const performance = channel(performanceFile, { channel: "performance" });

  let closing: Promise<void> | null = null;
  return {
    root,
    parsingDecisions,
    performance,
    flush: async () => {
      await Promise.all(all.map((s) => s.flush()));
    },
    close: () => {
      closing ??= Promise.all(all.map((s) => s.close())).then(() => undefined);
      return closing;
    },
  };
}

function baseOptions(level: Level): LoggerOptions {
  return {
    level,
    // ISO time reads well in files and in `jq`; Loki parses it as well as epoch milliseconds.
    timestamp: isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => maskSecrets(object),
    },
    // The message and whatever serializers produced (an Error's stack, a request URL) are only visible as the final
    // line, so URL credentials are masked once more there.
    hooks: { streamWrite: maskUrlCredentials },
  };
}

let lastMillisecond = Number.NaN;
let lastTime = "";

/**
 * pino's `stdTimeFunctions.isoTime`, built once per millisecond: formatting the date is the dearest part of a line
 * (more than serialising its fields), and a busy process writes several lines in the same millisecond.
 */
function isoTime(): string {
  const now = Date.now();
  if (now !== lastMillisecond) {
    lastMillisecond = now;
    lastTime = `,"time":"${new Date(now).toISOString()}"`;
  }
  return lastTime;
}

/**
 * Masks child bindings too. pino applies `formatters.bindings` to the root's base bindings only (children get an
 * identity formatter), so `child` is wrapped instead; children are created with Object.create(parent), so every
 * descendant (Fastify's request loggers included) inherits the wrapper.
 */
function masked(logger: Logger): Logger {
  // Unbound on purpose: `this` is whichever descendant child() is called on.
  const child = logger.child as unknown as (this: Logger, bindings: Bindings, options?: ChildLoggerOptions) => Logger;
  function wrapped(this: Logger, bindings: Bindings, options?: ChildLoggerOptions): Logger {
    return child.call(this, maskSecrets(bindings), options);
  }
  Object.defineProperty(logger, "child", { value: wrapped, writable: true, configurable: true });
  return logger;
}

// A logger with no sink (stdout off, no dir) is legal: tests and `--quiet` runs log nowhere.
function destination(entries: Array<{ level: Level; sink: LogSink }>) {
  const streams: StreamEntry<Level>[] = entries.map(({ level, sink }) => ({ level, stream: sink }));
  return pino.multistream(streams);
}

function moreSevere(a: Level, b: Level): Level {
  return pino.levels.values[a] >= pino.levels.values[b] ? a : b;
}

function lessSevere(a: Level, b: Level): Level {
  return pino.levels.values[a] <= pino.levels.values[b] ? a : b;
}
