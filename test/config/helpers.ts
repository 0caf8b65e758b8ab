// Test helpers: an in-memory config/ folder and a loader call that never touches process.env or the disk.
import { join } from "node:path";
import { ConfigError } from "../../src/config/errors.js";
import { type Env, type LoadedConfig, loadConfig } from "../../src/config/load.js";

export const CWD = "/srv/calendar-api";

/** Files by path relative to CWD, e.g. { "config/local.yaml": "server:\n  port: 9000\n" }. */
export function load(env: Env, files: Record<string, string> = {}): LoadedConfig {
  const byPath = new Map(Object.entries(files).map(([rel, text]) => [join(CWD, rel), text]));
  return loadConfig({ env, cwd: CWD, readFile: (path) => byPath.get(path) });
}

/** The problems of the ConfigError that loading throws; fails the test when nothing is thrown. */
export function problemsOf(env: Env, files: Record<string, string> = {}): readonly string[] {
  try {
    load(env, files);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

/** Keys long enough for staging and production. */
export const ADMIN_KEY = "adm1n-0123456789abcdef";
export const READ_KEY = "read-0123456789abcdef";

/** The smallest environment production accepts. */
export const PRODUCTION_ENV: Env = {
  ENVIRONMENT: "production",
  API_KEYS: `ops:${ADMIN_KEY}:read+write+admin`,
  DATABASE_URL: "postgres://calendar:s3cret-pass@db:5432/calendar",
};
