/** Checks every raw value against its key, then the rules across keys; collects all problems into one ConfigError; freezes. */
import { coerce } from "./coerce.js";
import { cloneDefaults } from "./defaults.js";
import { ConfigError } from "./errors.js";
import { deepFreeze } from "./freeze.js";
import { checkRules, deriveDefaults } from "./rules.js";
import { FIELDS, fieldFor, preferredName } from "./schema.js";
import type { AppConfig, ConfigSource } from "./types.js";

/** One value set above the defaults, with where it came from. */
export interface RawValue {
  /** A string from the environment, or whatever the YAML file held. */
  value: unknown;
  source: ConfigSource;
  /** How messages name it: the variable (`PORT`) or the file and key (`config/local.yaml: server.port`). */
  label: string;
}

export interface ConfigInput {
  /** The winning raw value of each key that was set, by dotted path; keys not here keep their default. */
  values: ReadonlyMap<string, RawValue>;
  /** Problems the loader already found (unreadable or malformed file, unknown keys); reported first. */
  problems?: readonly string[];
}

/**
 * The typed, deep-frozen configuration for `input`, or a ConfigError listing every problem: each bad key
 * (named as it was set, value masked if secret, with what is expected), then the rules across keys.
 */
export function validateConfig(input: ConfigInput): Readonly<AppConfig> {
  const problems = [...(input.problems ?? [])];
  const config = cloneDefaults();
  const failed = new Set<string>();
  for (const field of FIELDS) {
    const raw = input.values.get(field.path);
    if (raw === undefined) continue;
    const result = coerce(field, raw.value);
    if (result.ok) setPath(config, field.path, result.value);
    else {
      failed.add(field.path);
      problems.push(...result.problems.map((p) => `${raw.label}: ${p}`));
    }
  }
  const ctx = {
    config,
    failed,
    sourceOf: (path: string) => input.values.get(path)?.source,
    label: (path: string) => input.values.get(path)?.label ?? preferredName(fieldFor(path)),
  };
  deriveDefaults(ctx);
  problems.push(...checkRules(ctx));
  if (problems.length > 0) throw new ConfigError(problems);
  return deepFreeze(config);
}

function setPath(target: AppConfig, path: string, value: unknown): void {
  const parts = path.split(".");
  const last = parts.pop() as string;
  let node = target as unknown as Record<string, unknown>;
  for (const part of parts) node = node[part] as Record<string, unknown>;
  node[last] = value;
}
