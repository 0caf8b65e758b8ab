/** Reads API keys from API_KEYS (or a YAML list) in the one documented format; never repeats a key in a message. */
import type { ApiKey, Scope } from "./types.js";

/**
 * The API_KEYS format, quoted in every message about it. Entries are separated by commas; within an entry the
 * fields are separated by colons, so names and keys may contain neither (nor whitespace), which keeps it unambiguous:
 *
 *   API_KEYS=ops:0123456789abcdef0123:read+write+admin,ci:fedcba9876543210fedc:read,0011223344556677aabb
 *
 * - `name:key:scope+scope` — scopes from read, write, admin, joined by "+";
 * - `name:key` — scopes read+write;
 * - `key` — named key1, key2… after its position in the list, scopes read+write.
 *
 * In a YAML file `security.apiKeys` is the same string, or a list of such entries, or a list of
 * `{ name, key, scopes: [read, write] }` objects.
 */
export const API_KEYS_FORMAT =
  'comma-separated entries "name:key:scope+scope" (scopes read, write, admin), "name:key" (read+write) or a bare "key" (named key1, key2… by position, read+write); names and keys cannot contain ",", ":" or spaces';

/** Scopes of an entry that names none. */
export const DEFAULT_SCOPES: readonly Scope[] = ["read", "write"];

const SCOPES: readonly Scope[] = ["read", "write", "admin"];
const NAME = /^[A-Za-z0-9_.-]+$/;
const KEY = /^[^\s,:]+$/;

/** Parses every entry; `keys` holds the good ones, `problems` one line per bad entry (keys never quoted). */
export function parseApiKeys(value: unknown): { keys: ApiKey[]; problems: string[] } {
  const entries = typeof value === "string" ? value.split(",").map((s) => s.trim()).filter((s) => s !== "") : value === null ? [] : value;
  if (!Array.isArray(entries)) return { keys: [], problems: [`expected ${API_KEYS_FORMAT}`] };
  const keys: ApiKey[] = [];
  const problems: string[] = [];
  entries.forEach((entry: unknown, i) => {
    const parsed = typeof entry === "string" ? parseEntry(entry.trim(), i + 1) : parseObject(entry, i + 1);
    if (typeof parsed === "string") problems.push(parsed);
    else keys.push(parsed);
  });
  keys.forEach((k, i) => {
    if (keys.findIndex((other) => other.name === k.name) !== i) problems.push(`entry "${k.name}": the name is used twice; names must be unique`);
    if (keys.findIndex((other) => other.key === k.key) !== i) problems.push(`entry "${k.name}": the same key appears in two entries`);
  });
  return { keys, problems };
}

function parseEntry(entry: string, position: number): ApiKey | string {
  const parts = entry.split(":");
  if (parts.length > 3) return `entry ${position}: too many ":" fields; expected ${API_KEYS_FORMAT}`;
  const [name, key, scopes] = parts.length === 1 ? [`key${position}`, parts[0], undefined] : [parts[0], parts[1], parts[2]];
  return build(name, key, scopes === undefined ? undefined : scopes.split("+"), position);
}

function parseObject(entry: unknown, position: number): ApiKey | string {
  if (entry === null || typeof entry !== "object" || Array.isArray(entry)) return `entry ${position}: expected a string entry or { name, key, scopes }; the string format is ${API_KEYS_FORMAT}`;
  const { name, key, scopes, ...rest } = entry as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0) return `entry ${position}: unknown field ${extra.map((k) => `"${k}"`).join(", ")} (expected name, key, scopes)`;
  if (name !== undefined && typeof name !== "string") return `entry ${position}: name must be a string`;
  if (typeof key !== "string") return `entry ${position}: key must be a string`;
  const list = typeof scopes === "string" ? scopes.split("+") : scopes;
  if (list !== undefined && !(Array.isArray(list) && list.every((s) => typeof s === "string"))) return `entry ${position}: scopes must be a list such as [read, write] or "read+write"`;
  return build(name ?? `key${position}`, key, list, position);
}

function build(name: string, key: string, scopes: string[] | undefined, position: number): ApiKey | string {
  const where = NAME.test(name) ? `entry ${position} ("${name}")` : `entry ${position}`;
  if (!NAME.test(name)) return `${where}: the name must be letters, digits, "_", "-" or "."; expected ${API_KEYS_FORMAT}`;
  if (key === "" || !KEY.test(key)) return `${where}: the key is empty or contains spaces; expected ${API_KEYS_FORMAT}`;
  if (scopes === undefined) return { name, key, scopes: [...DEFAULT_SCOPES] };
  const trimmed = scopes.map((s) => s.trim().toLowerCase()).filter((s) => s !== "");
  const unknown = trimmed.filter((s) => !SCOPES.includes(s as Scope));
  if (trimmed.length === 0) return `${where}: no scopes after the second ":"; expected scopes from read, write, admin joined by "+"`;
  // A scope-shaped word is echoed; anything else may be a key put in the wrong field, so it is not.
  if (unknown.length > 0) return `${where}: unknown scope ${unknown.map((s) => (/^[a-z]{1,12}$/.test(s) ? `"${s}"` : "(not a scope name)")).join(", ")}; expected read, write, admin joined by "+"`;
  return { name, key, scopes: SCOPES.filter((s) => trimmed.includes(s)) };
}
