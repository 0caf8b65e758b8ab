/** `calendar-api config`: prints the effective configuration, redacted, with where each value came from. */
import { join } from "node:path";
import { ConfigError } from "../../config/errors.js";
import { type ConfigFileReader, configFilePath, type Env, loadConfig } from "../../config/load.js";
import { redactConfig } from "../../config/redact.js";
import { FIELDS } from "../../config/schema.js";
import type { ConfigSource } from "../../config/types.js";
import { type CliIo, EXIT_USAGE } from "../io.js";

/** What `calendar-api config` prints: `{ environment, values: { "server.port": { value, source } … } }`. */
export interface ConfigReport {
  environment: string;
  values: Record<string, { value: unknown; source: ConfigSource }>;
}

/**
 * Loads the configuration from `env` and config/<environment>.yaml under `cwd` (read through `io.readFile`),
 * prints the report as JSON and returns 0; on a ConfigError prints each problem on its own line on stderr
 * (`calendar-api: config: <problem>`) and returns 2. Secrets are masked in both.
 */
export async function configCommand(io: CliIo, env: Env, cwd = "."): Promise<number> {
  try {
    const file = configFilePath(env);
    const readFile = file === null ? undefined : await preRead(io, join(cwd, file));
    const { config, sources } = loadConfig({ env, cwd, readFile });
    const redacted = redactConfig(config);
    const report: ConfigReport = { environment: config.environment, values: {} };
    for (const field of FIELDS) {
      const value = field.path.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], redacted);
      report.values[field.path] = { value, source: sources[field.path] };
    }
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) io.stderr(`calendar-api: config: ${problem}\n`);
    return EXIT_USAGE;
  }
}

/** Reads the file through the CLI's IO ahead of the synchronous loader: missing → undefined, unreadable → thrown there. */
async function preRead(io: CliIo, path: string): Promise<ConfigFileReader> {
  try {
    const text = await io.readFile(path);
    return () => text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return () => undefined;
    return () => {
      throw error;
    };
  }
}
