/** The one configuration loader: defaults → config/<environment>.yaml → environment variables, validated and frozen. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { show } from "./coerce.js";
import { FIELDS, ENV_PREFIX, prefixedName, suggest } from "./schema.js";
import type { AppConfig, ConfigSource, Environment } from "./types.js";
import { type RawValue, validateConfig } from "./validate.js";

/** The environment variables, as `process.env` holds them. */
export type Env = Readonly<Record<string, string | undefined>>;

/** Reads a file as UTF-8; returns undefined when it does not exist and throws when it cannot be read. */
export type ConfigFileReader = (path: string) => string | undefined;

export interface LoadOptions {
  /** The variables to read; tests pass their own object, the composition root passes processEnv(). */
  env: Env;
  /** The directory holding config/ (the service's working directory). */
  cwd: string;
  /** Default: the file system. */
  readFile?: ConfigFileReader;
}

export interface LoadedConfig {
  config: Readonly<AppConfig>;
  /** For every key path ("server.port"): "default", "file:config/local.yaml" or "env:PORT". */
  sources: Readonly<Record<string, ConfigSource>>;
}

const ENVIRONMENTS: readonly Environment[] = ["local", "staging", "production", "docker"];

/** The process's environment; the one place that reads `process.env` (STYLE.md §8). */
export function processEnv(): Env {
  return process.env;
}

/**
 * Loads and validates the configuration; throws ConfigError naming every problem.
 *
 * Precedence, lowest first: the defaults in code; `config/<ENVIRONMENT>.yaml` under `cwd` (a missing file is
 * fine, a malformed one is a problem naming it); the plain variables the seeds use (PORT, LOG_LEVEL, API_KEYS…);
 * then `CALENDAR_API__SECTION__KEY` variables, which win over the plain names so that a deployment can pin a key
 * whatever else is set. A `CALENDAR_API__` variable that names no key is a problem, not ignored.
 */
export function loadConfig(options: LoadOptions): LoadedConfig {
  const { env, cwd } = options;
  const values = new Map<string, RawValue>();
  const problems: string[] = [];

  const file = configFilePath(env);
  if (file !== null) readFileLayer(file, join(cwd, file), options.readFile ?? readIfExists, values, problems);
  for (const field of FIELDS) {
    const value = field.plain === undefined ? undefined : env[field.plain];
    if (value !== undefined && field.plain !== undefined) values.set(field.path, { value, source: `env:${field.plain}`, label: field.plain });
  }
  readPrefixedLayer(env, values, problems);

  const config = validateConfig({ values, problems });
  const sources: Record<string, ConfigSource> = {};
  for (const field of FIELDS) sources[field.path] = values.get(field.path)?.source ?? "default";
  return { config, sources: Object.freeze(sources) };
}

/** "config/<environment>.yaml" for the environment `env` selects (local when unset); null when it names none. */
export function configFilePath(env: Env): string | null {
  const prefixed = Object.keys(env).find((name) => name.toUpperCase() === prefixedName("environment") && name.startsWith(ENV_PREFIX));
  const raw = (prefixed === undefined ? undefined : env[prefixed]) ?? env.ENVIRONMENT ?? "local";
  const environment = raw.trim().toLowerCase();
  return ENVIRONMENTS.includes(environment as Environment) ? `config/${environment}.yaml` : null;
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function readFileLayer(file: string, path: string, read: ConfigFileReader, values: Map<string, RawValue>, problems: string[]): void {
  let text: string | undefined;
  try {
    text = read(path);
  } catch (error) {
    problems.push(`${file}: cannot be read (${(error as Error).message})`);
    return;
  }
  if (text === undefined) return;
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    problems.push(`${file}: not valid YAML: ${doc.errors[0].message.split("\n")[0]}`);
    return;
  }
  const root: unknown = doc.toJS();
  if (root === null || root === undefined) return; // an empty file sets nothing
  if (!isMapping(root)) {
    problems.push(`${file}: expected a mapping of sections (server:, parser:, …), got ${show(root)}`);
    return;
  }
  const source: ConfigSource = `file:${file}`;
  const sections = [...new Set(FIELDS.filter((f) => f.path.includes(".")).map((f) => f.path.split(".")[0]))];
  for (const [section, body] of Object.entries(root)) {
    if (section === "environment") {
      problems.push(`${file}: environment cannot be set in a file (the file is chosen by ENVIRONMENT)`);
      continue;
    }
    if (!sections.includes(section)) {
      problems.push(`${file}: unknown section "${section}"${hint(suggest(section, sections))}`);
      continue;
    }
    if (!isMapping(body)) {
      if (body !== null) problems.push(`${file}: ${section}: expected a mapping of keys, got ${show(body)}`);
      continue;
    }
    for (const [key, value] of Object.entries(body)) {
      const path = `${section}.${key}`;
      if (FIELDS.some((f) => f.path === path)) values.set(path, { value, source, label: `${file}: ${path}` });
      else problems.push(`${file}: unknown key ${path}${hint(suggest(path, FIELDS.map((f) => f.path)))}`);
    }
  }
}

function readPrefixedLayer(env: Env, values: Map<string, RawValue>, problems: string[]): void {
  const byName = new Map(FIELDS.map((f) => [prefixedName(f.path), f]));
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith(ENV_PREFIX) || value === undefined) continue;
    const field = byName.get(name.toUpperCase());
    if (field) values.set(field.path, { value, source: `env:${name}`, label: name });
    else problems.push(`${name}: unknown key${hint(suggest(name.toUpperCase(), [...byName.keys()]))}; expected ${ENV_PREFIX}SECTION__KEY such as ${prefixedName("server.port")}`);
  }
}

function hint(suggestion: string | undefined): string {
  return suggestion === undefined ? "" : ` (did you mean ${suggestion}?)`;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
