/** Composition root of the command line: reads arguments, picks the command, maps failures to exit codes. */
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ConfigError } from "../config/errors.js";
import { loadConfig, processEnv } from "../config/load.js";
import type { AppConfig } from "../config/types.js";
import { backupCommand } from "./commands/backupCommand.js";
import { checkCommand } from "./commands/checkCommand.js";
import { configCommand } from "./commands/configCommand.js";
import { DEFAULT_GOLDEN, evalCommand } from "./commands/evalCommand.js";
import { FEEDBACK_GOLDEN, goldenUpdateCommand } from "./commands/goldenUpdateCommand.js";
import { logsPruneCommand } from "./commands/logsPruneCommand.js";
import { migrateCommand } from "./commands/migrateCommand.js";
import { serveCommand } from "./commands/serveCommand.js";
import { workerCommand } from "./commands/workerCommand.js";
import { parseCommand, stdinLines } from "./commands/parseCommand.js";
import { reportCommand } from "./commands/reportCommand.js";
import { restoreCommand } from "./commands/restoreCommand.js";
import { CliError, type CliIo, EXIT_USAGE } from "./io.js";

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

const USAGE = `usage: calendar-api <command> [options]

commands:
  parse "text" [--reference ISO] [--timezone IANA] [--locale en|de]   parse a text into events (JSON)
  parse --batch                          JSON lines {"text","reference","timezone"} on stdin, one {"events":[…]} line out each
  eval [--golden FILE]… [--duckling FILE] [--json]   score the parser on labelled sets
  serve [--workers N]                    run the HTTP API (migrates the database first)
  worker                                 consume the ingestion job queue in this process (WORKER_THREADS at once; probes on WORKER_PORT)
  migrate                                apply pending database migrations
  config                                 print the effective configuration (redacted) and where each value came from

operator commands (docs/operations.md):
  check [--url URL] [--logs DIR] [--json]            morning health check: /health, /health/ready, /status, /alerts, last 24 h of logs; exit 1 unless healthy
  backup [--out FILE]                    consistent copy of the store (SQLite online backup, or pg_dump --format=custom)
  restore FILE --yes                     replace the store with a backup (SQLite: refused while the database is open)
  logs prune [--dir DIR] [--keep-days N] [--dry-run]  gzip rotated logs left uncompressed, delete rotations older than N days (30)
  report [--period day|week] [--logs DIR] [--url URL] [--json]   requests, errors, latency per route, parses, confidence, accuracy, SLOs
  golden update --feedback FILE [--golden FILE] [--dry-run]      add reviewed parse feedback to the golden set
`;

/** Loads and validates the configuration from the environment; a bad one is a usage error naming every problem. */
function loadOrExplain(): AppConfig {
  try {
    return loadConfig({ env: processEnv(), cwd: process.cwd() }).config;
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(`invalid configuration:\n  ${error.problems.join("\n  ")}`);
    throw error;
  }
}

/** Process-backed IO for the real command. */
export function processIo(): CliIo {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    readStdin: stdinLines,
    now: () => Date.now(),
    readFile: (p) => readFile(p, "utf8"),
  };
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "parse": {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { reference: { type: "string" }, timezone: { type: "string" }, locale: { type: "string" }, batch: { type: "boolean", default: false } },
        });
        return await parseCommand({ text: positionals.join(" ") || undefined, reference: values.reference, timezone: values.timezone, locale: values.locale, batch: values.batch ?? false }, io);
      }
      case "eval": {
        const { values } = parseArgs({ args: rest, options: { golden: { type: "string", multiple: true }, duckling: { type: "string" }, json: { type: "boolean", default: false } } });
        const golden = values.golden ?? (values.duckling ? [] : DEFAULT_GOLDEN.map((p) => resolve(PACKAGE_ROOT, p)));
        return await evalCommand({ golden, duckling: values.duckling, json: values.json ?? false }, io);
      }
      case "serve": {
        const { values } = parseArgs({ args: rest, options: { workers: { type: "string" } } });
        const workers = values.workers === undefined ? undefined : Number(values.workers);
        if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 64)) throw new CliError("--workers: expected an integer from 1 to 64");
        return await serveCommand(loadOrExplain(), io, workers);
      }
      case "worker":
        parseArgs({ args: rest, options: {} });
        return await workerCommand(loadOrExplain(), io);
      case "migrate":
        return await migrateCommand(io, loadOrExplain());
      case "config":
        return await configCommand(io, processEnv(), process.cwd());
      case "check": {
        const { values } = parseArgs({ args: rest, options: { url: { type: "string" }, logs: { type: "string" }, json: { type: "boolean", default: false } } });
        return await checkCommand({ url: values.url, logs: values.logs, json: values.json ?? false }, io, loadOrExplain(), process.cwd());
      }
      case "backup": {
        const { values } = parseArgs({ args: rest, options: { out: { type: "string" } } });
        return await backupCommand({ out: values.out }, io, loadOrExplain(), processEnv(), process.cwd());
      }
      case "restore": {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { yes: { type: "boolean", default: false } } });
        if (positionals.length > 1) throw new CliError("restore takes one backup FILE");
        return await restoreCommand({ file: positionals[0], yes: values.yes ?? false }, io, loadOrExplain(), processEnv(), process.cwd());
      }
      case "logs": {
        const [sub, ...args] = rest;
        if (sub !== "prune") throw new CliError(`unknown logs command ${sub === undefined ? "(none)" : `"${sub}"`} (try: calendar-api logs prune)`);
        const { values } = parseArgs({ args, options: { dir: { type: "string" }, "keep-days": { type: "string" }, "dry-run": { type: "boolean", default: false } } });
        const keepDays = values["keep-days"] === undefined ? undefined : Number(values["keep-days"]);
        if (keepDays !== undefined && (!Number.isInteger(keepDays) || keepDays < 0 || keepDays > 3650)) throw new CliError("--keep-days: expected an integer from 0 to 3650");
        return await logsPruneCommand({ dir: values.dir, keepDays, dryRun: values["dry-run"] ?? false }, io, loadOrExplain(), process.cwd());
      }
      case "report": {
        const { values } = parseArgs({ args: rest, options: { period: { type: "string", default: "week" }, logs: { type: "string" }, url: { type: "string" }, json: { type: "boolean", default: false } } });
        const period = values.period;
        if (period !== "day" && period !== "week") throw new CliError(`--period: expected day or week, got "${period}"`);
        return await reportCommand({ period, logs: values.logs, url: values.url, json: values.json ?? false }, io, loadOrExplain(), process.cwd());
      }
      case "golden": {
        const [sub, ...args] = rest;
        if (sub !== "update") throw new CliError(`unknown golden command ${sub === undefined ? "(none)" : `"${sub}"`} (try: calendar-api golden update --feedback FILE)`);
        const { values } = parseArgs({ args, options: { feedback: { type: "string" }, golden: { type: "string" }, "dry-run": { type: "boolean", default: false } } });
        const golden = values.golden === undefined ? resolve(PACKAGE_ROOT, FEEDBACK_GOLDEN) : resolve(values.golden);
        return await goldenUpdateCommand({ feedback: values.feedback, golden, others: DEFAULT_GOLDEN.map((p) => resolve(PACKAGE_ROOT, p)), dryRun: values["dry-run"] ?? false }, io);
      }
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.stdout(USAGE);
        return command === undefined ? EXIT_USAGE : 0;
      default:
        throw new CliError(`unknown command "${command}" (try: calendar-api help)`);
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`calendar-api: ${error.message}\n`);
      return error.code;
    }
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`calendar-api: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
