/** Masking of secrets for printing and logging: the configuration's own secrets, and a generic walk for log objects. */
import { FIELDS } from "./schema.js";
import type { AppConfig } from "./types.js";

/** What a hidden value is replaced with. */
export const MASK = "****";

/** Secrets of 16 characters or more keep their first 4 ("sk-a…") so operators can tell keys apart; shorter ones become "****". */
export function maskSecretValue(secret: string): string {
  return secret.length >= 16 ? `${secret.slice(0, 4)}…` : MASK;
}

// scheme://user:password@host — the password runs to the last "@" before the path, so an unescaped "@" in it is still hidden.
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s:/?#@]*):([^\s/?#]*)@/gi;
// ?password=…, &token=…, &api_key=… in query strings.
const QUERY_SECRET = /([?&](?:password|passwd|pwd|token|access_token|secret|api_?key|apikey|sslpassword)=)[^&#\s]+/gi;

/** Masks passwords inside every URL in `text`: `postgres://user:****@host/db`, `redis://:****@host`, `?token=****`. */
export function maskUrlPasswords(text: string): string {
  return text.replace(URL_PASSWORD, `$1$2:${MASK}@`).replace(QUERY_SECRET, `$1${MASK}`);
}

/**
 * A copy of `config` fit to print: API keys as "abcd…", every other key marked secret in the schema (the OpenAI key,
 * the alert webhook URLs and routing key) masked whole, passwords in URLs masked.
 */
export function redactConfig(config: Readonly<AppConfig>): AppConfig {
  const copy = mapStrings(structuredClone(config) as AppConfig, maskUrlPasswords);
  copy.security.apiKeys = copy.security.apiKeys.map((k) => ({ ...k, key: maskSecretValue(k.key) }));
  for (const field of FIELDS) {
    if (!field.secret) continue;
    const [section, key] = field.path.split(".");
    const node = (copy as unknown as Record<string, Record<string, unknown>>)[section];
    // String secrets only: the API keys above are a list, already masked entry by entry.
    if (typeof node?.[key] === "string") node[key] = maskSecretValue(node[key]);
  }
  return copy;
}

const SECRET_WORDS = new Set(["password", "passwd", "pwd", "secret", "secrets", "token", "tokens", "authorization", "auth", "apikey", "apikeys", "credential", "credentials", "cookie", "passphrase"]);
const SECRET_LAST_WORDS = new Set(["key", "keys"]);

/**
 * Whether a property name holds a secret: any word of it is password/secret/token/authorization/apikey…, or its
 * last word is key(s) (`api_key`, `apiKey`, `x-api-key`, `privateKey`, but not `keyName`). Words split at
 * camelCase humps, "_", "-" and ".".
 */
export function isSecretKeyName(name: string): boolean {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== "");
  return words.some((w) => SECRET_WORDS.has(w)) || SECRET_LAST_WORDS.has(words[words.length - 1] ?? "");
}

/**
 * A copy of `value` for logging: every string under a secret-named property (at any depth, inside arrays too)
 * becomes "****", and passwords inside URLs in any other string are masked. Walks arrays and plain objects;
 * other objects (Date, Error, Buffer…) are returned as they are; cycles become "[Circular]".
 */
export function maskSecrets<T>(value: T): T {
  return walk(value, false, new WeakSet()) as T;
}

function walk(value: unknown, secret: boolean, seen: WeakSet<object>): unknown {
  if (typeof value === "string") return secret ? MASK : maskUrlPasswords(value);
  if (value === null || typeof value !== "object") return value;
  if (!Array.isArray(value) && !isPlainObject(value)) return value;
  if (seen.has(value)) return "[Circular]";
  seen.add(value);
  const result = Array.isArray(value)
    ? value.map((item) => walk(item, secret, seen))
    : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, secret || isSecretKeyName(k), seen)]));
  seen.delete(value); // the same object twice (not a cycle) is walked twice
  return result;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === "string") return f(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f)) as T;
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)])) as T;
  return value;
}
