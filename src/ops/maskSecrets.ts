/** Masks secrets before they reach a log line: values under secret-looking keys at any depth, and credentials in URLs. */

/** What a value under a secret key becomes. */
export const REDACTED = "[REDACTED]";
/** What the password of a URL (`scheme://user:password@host`) or a secret query parameter becomes. */
export const MASK = "****";

// Keys are compared after lower-casing and dropping "-" and "_", so apiKey, api_key, API-KEY and x-api-key all match.
const SECRET_KEYS = new Set(["key", "apikey", "xapikey", "token", "secret", "password", "passwd", "pwd", "authorization", "proxyauthorization", "cookie", "setcookie"]);
// Compound names ending in a secret word (accessToken, client_secret, dbPassword, openaiApiKey). "key" alone is not a
// suffix: cacheKey or primaryKey name no secret.
const SECRET_SUFFIXES = ["apikey", "token", "secret", "password", "passwd"];

/** True when a property or query-parameter name says its value is a secret (case-, dash- and underscore-insensitive). */
export function isSecretKey(key: string): boolean {
  let secret = verdicts.get(key);
  if (secret === undefined) {
    const k = key.toLowerCase().replace(/[-_]/g, "");
    secret = SECRET_KEYS.has(k) || SECRET_SUFFIXES.some((s) => k.endsWith(s));
    // Log objects reuse a small set of names (every request logs the same ones): remember them, within a bound so
    // that keys made from data (a Map of user input) cannot grow the table without limit.
    if (verdicts.size >= MAX_REMEMBERED_KEYS) verdicts.clear();
    verdicts.set(key, secret);
  }
  return secret;
}

/** Names already judged by isSecretKey, and the verdict. */
const verdicts = new Map<string, boolean>();
const MAX_REMEMBERED_KEYS = 2048;

// scheme://[user]:password@ — user and password stop at characters that cannot be in them unencoded, and at `"` so the
// pattern never spans two JSON strings when it runs over a whole serialised line.
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^\s/:@"]*:)([^\s/@"]+)@/gi;
// ?name=value or &name=value; the replacer keeps the value unless the name is a secret one.
const QUERY_PARAM = /([?&])([^=&\s"#]+)=([^&\s"#]*)/g;

/** Masks URL passwords and secret query parameters in a string: `postgres://u:pass@h` → `postgres://u:****@h`. */
export function maskUrlCredentials(text: string): string {
  // Cheap pre-check: most strings contain neither "://" nor "=".
  let out = text;
  if (out.includes("://")) out = out.replace(URL_PASSWORD, `$1${MASK}@`);
  if (out.includes("=")) {
    out = out.replace(QUERY_PARAM, (whole, sep: string, name: string, value: string) =>
      value !== "" && isSecretKey(name) ? `${sep}${name}=${MASK}` : whole,
    );
  }
  return out;
}

/** Deepest nesting copied; anything below is replaced by a marker (log lines are not the place for deep graphs). */
const MAX_DEPTH = 12;

/**
 * A copy of `value` with every secret masked: values under secret keys (see isSecretKey) become "[REDACTED]" at any
 * depth, in plain objects, arrays, Maps and Errors (copied with their prototype); every string has its URL credentials masked. Values with a
 * `toJSON` (Date, URL, Buffer) are masked in the form JSON would give them. Other class instances (a request, a
 * socket) are returned as they are, for the logger's serializers to reduce. Cycles become "[Circular]". Never mutates.
 */
export function maskSecrets<T>(value: T): T {
  return mask(value, 0, new WeakSet<object>()) as T;
}

function mask(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === "string") return maskUrlCredentials(value);
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return "[Circular]";
  if (depth >= MAX_DEPTH) return "[Object]";
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((v) => mask(v, depth + 1, seen));
    if (value instanceof Error) return maskError(value, depth, seen);
    if (value instanceof Map) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of value) out[String(k)] = isSecretKey(String(k)) ? REDACTED : mask(v, depth + 1, seen);
      return out;
    }
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") return mask(toJSON.call(value), depth, seen);
    if (!isPlainObject(value)) return value;
    return maskEntries(value as Record<string, unknown>, {}, depth, seen);
  } finally {
    // Siblings may share a (non-circular) object; only ancestors count as a cycle.
    seen.delete(value);
  }
}

function maskEntries(source: Record<string, unknown>, target: Record<string, unknown>, depth: number, seen: WeakSet<object>) {
  for (const key of Object.keys(source)) {
    target[key] = isSecretKey(key) ? REDACTED : mask(source[key], depth + 1, seen);
  }
  return target;
}

// A copy sharing the error's prototype, so `instanceof` and constructor.name (pino's `type`) survive, with message and
// stack made own enumerable properties (masked) so they are kept when serialised without an error serializer.
function maskError(err: Error, depth: number, seen: WeakSet<object>): Error {
  const out = Object.create(Object.getPrototypeOf(err) as object) as Error & Record<string, unknown>;
  out.message = maskUrlCredentials(err.message);
  if (err.stack !== undefined) out.stack = maskUrlCredentials(err.stack);
  maskEntries(err as unknown as Record<string, unknown>, out, depth, seen);
  if (err.cause !== undefined && !Object.prototype.hasOwnProperty.call(out, "cause")) out.cause = mask(err.cause, depth + 1, seen);
  return out;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
