/** Rules across keys and per environment, checked once every key has its typed value. */
import { API_KEYS_FORMAT } from "./apiKeys.js";
import { show } from "./coerce.js";
import { FIELDS } from "./schema.js";
import type { AppConfig, ConfigSource } from "./types.js";

/** API keys shorter than this are refused in staging and production. */
export const MIN_API_KEY_LENGTH = 16;

/** What a rule may ask about the keys. */
export interface RuleContext {
  config: AppConfig;
  /** Where a key was set; undefined when it holds its default. */
  sourceOf: (path: string) => ConfigSource | undefined;
  /** The name to put in a message about a key: where it was set, or the variable that would set it. */
  label: (path: string) => string;
  /** Keys whose own value was bad: rules about them stay quiet rather than repeat the problem. */
  failed: ReadonlySet<string>;
}

/** Derives the keys whose default depends on others, unless they were set. */
export function deriveDefaults(ctx: RuleContext): void {
  const { config } = ctx;
  // Setting REDIS_URL alone moves the queue onto Redis (DESIGN.md); QUEUE_BACKEND=local keeps it in-process.
  if (ctx.sourceOf("queue.backend") === undefined && config.queue.redisUrl !== null) config.queue.backend = "redis";
  // Likewise the rate-limit counts: replicas sharing a Redis share them; RATE_LIMIT_STORE=memory counts per process.
  if (ctx.sourceOf("security.rateLimitStore") === undefined && config.queue.redisUrl !== null) config.security.rateLimitStore = "redis";
  if (ctx.sourceOf("security.requireApiKeys") === undefined) {
    config.security.requireApiKeys = config.security.apiKeys.length > 0 || config.environment === "production";
  }
}

/** Every problem found across keys; [] when the configuration holds together. */
export function checkRules(ctx: RuleContext): string[] {
  const { config, label, failed } = ctx;
  const problems: string[] = [];
  const env = failed.has("environment") ? undefined : config.environment;
  const strict = env === "staging" || env === "production";
  const keys = config.security.apiKeys;
  const keysKnown = !failed.has("security.apiKeys");

  if (config.queue.backend === "redis" && config.queue.redisUrl === null && !failed.has("queue.redisUrl")) {
    problems.push(`${label("queue.backend")}: "redis" needs a Redis URL; set REDIS_URL (redis://host:6379/0)`);
  }
  if (config.security.rateLimitStore === "redis" && config.queue.redisUrl === null && !failed.has("queue.redisUrl")) {
    problems.push(`${label("security.rateLimitStore")}: "redis" needs a Redis URL; set REDIS_URL (redis://host:6379/0)`);
  }
  if (ctx.sourceOf("security.requireApiKeys") !== undefined && keysKnown) {
    if (!config.security.requireApiKeys && (keys.length > 0 || env === "production")) {
      problems.push(`${label("security.requireApiKeys")}: expected true when API keys are configured or in production, got false`);
    }
    if (config.security.requireApiKeys && keys.length === 0 && !strict) {
      problems.push(`${label("security.requireApiKeys")}: true needs at least one API key; set API_KEYS as ${API_KEYS_FORMAT}`);
    }
  }
  if (strict && keysKnown) {
    if (keys.length === 0) problems.push(`${label("security.apiKeys")}: ${env} requires at least one API key; expected ${API_KEYS_FORMAT}`);
    else if (env === "production" && !keys.some((k) => k.scopes.includes("admin"))) {
      problems.push(`${label("security.apiKeys")}: production requires at least one key with the admin scope, e.g. "ops:<key>:read+write+admin"`);
    }
    for (const [i, k] of keys.entries()) {
      if (k.key.length < MIN_API_KEY_LENGTH) {
        problems.push(`${label("security.apiKeys")}: entry ${i + 1} ("${k.name}"): expected a key of at least ${MIN_API_KEY_LENGTH} characters in ${env}, got ${k.key.length} ("****")`);
      }
    }
  }
  if (env === "production" && config.security.corsOrigins.includes("*")) {
    problems.push(`${label("security.corsOrigins")}: production forbids the wildcard "*"; expected the allowed origins, e.g. "https://app.example.com"`);
  }
  if (env === "production" && config.store.databaseUrl === null && !failed.has("store.databaseUrl")) {
    problems.push(`${label("store.databaseUrl")}: production requires PostgreSQL; expected a postgres:// URL, got nothing (the SQLite file is for local, docker and staging)`);
  }
  if (strict) problems.push(...secretsInFiles(ctx, env));
  return problems;
}

/** Staging and production files are committed and shared: their secrets must come from the environment. */
function secretsInFiles(ctx: RuleContext, env: string): string[] {
  const problems: string[] = [];
  for (const field of FIELDS) {
    const source = ctx.sourceOf(field.path);
    if (!source?.startsWith("file:") || ctx.failed.has(field.path)) continue;
    const value: unknown = field.path.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], ctx.config);
    const hasPassword = typeof value === "string" && URL.canParse(value) && new URL(value).password !== "";
    const isSet = Array.isArray(value) ? value.length > 0 : value !== null;
    if ((field.secret && isSet) || hasPassword) {
      const name = field.plain ?? field.path;
      problems.push(`${ctx.label(field.path)}: secrets must not be written in the ${env} file; expected them from the environment (${name}), got ${field.secret ? '"****"' : show(value)}`);
    }
  }
  return problems;
}
