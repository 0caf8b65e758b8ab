/** Composition root of the command line: reads arguments, picks the command, maps failures to exit codes. */
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ConfigError } from "../config/errors.js";
import { loadConfig, processEnv } from "../config/load.js";
import type { AppConfig } from "../config/types.js";
import { configCommand } from "./commands/configCommand.js";
import { DEFAULT_GOLDEN, evalCommand } from "./commands/evalCommand.js";
import { migrateCommand } from "./commands/migrateCommand.js";
import { serveCommand } from "./commands/serveCommand.js";
import { parseCommand, stdinLines } from "./commands/parseCommand.js";
import { CliError, type CliIo, EXIT_USAGE } from "./io.js";

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

const USAGE = `usage: calendar-api <command> [options]

commands:
  parse "text" [--reference ISO] [--timezone IANA] [--locale en|de]   parse a text into events (JSON)
  parse --batch                          JSON lines {"text","reference","timezone"} on stdin, one {"events":[…]} line out each
  eval [--golden FILE]… [--duckling FILE] [--json]   score the parser on labelled sets
  serve [--workers N]                    run the HTTP API (migrates the database first)
  migrate                                apply pending database migrations
  config                                 print the effective configuration (redacted) and where each value came from
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
      case "migrate":
        return await migrateCommand(io, loadOrExplain());
      case "config":
        return await configCommand(io, processEnv(), process.cwd());
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
