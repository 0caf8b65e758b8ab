/** Turns one raw value (an environment string or a YAML value) into the typed value its key expects, or says why not. */
import { parseApiKeys } from "./apiKeys.js";
import { maskSecretValue, maskUrlPasswords } from "./redact.js";
import type { FieldKind, FieldSpec } from "./schema.js";

/** A typed value, or the problems (without the key's name, which the caller prefixes). */
export type Coerced = { ok: true; value: unknown } | { ok: false; problems: string[] };

const ok = (value: unknown): Coerced => ({ ok: true, value });
const fail = (expected: string, got: unknown, field: FieldSpec): Coerced => ({ ok: false, problems: [`expected ${expected}, got ${show(got, field)}`] });

/** Coerces `raw` for `field`. Strings are trimmed; an empty string means "none" for the keys that can be null or empty. */
export function coerce(field: FieldSpec, raw: unknown): Coerced {
  const value = typeof raw === "string" ? raw.trim() : raw;
  const kind = field.kind;
  switch (kind.type) {
    case "int":
    case "number":
      return coerceNumber(kind, value, field);
    case "boolean":
      if (typeof value === "boolean") return ok(value);
      if (typeof value === "string" && /^(true|1)$/i.test(value)) return ok(true);
      if (typeof value === "string" && /^(false|0)$/i.test(value)) return ok(false);
      if (value === 1 || value === 0) return ok(value === 1);
      return fail("true, false, 1 or 0", raw, field);
    case "string":
    case "path":
      return typeof value === "string" && value !== "" ? ok(value) : fail(kind.type === "path" ? "a directory path" : "a non-empty string", raw, field);
    case "nullablePath":
    case "secret":
      if (value === null || value === "") return ok(null);
      return typeof value === "string" ? ok(value) : fail(kind.type === "secret" ? "a string" : "a directory path (empty for none)", raw, field);
    case "enum": {
      const word = typeof value === "string" ? value.toLowerCase() : undefined;
      const chosen = word === undefined ? undefined : (kind.aliases?.[word] ?? word);
      return chosen !== undefined && kind.values.includes(chosen) ? ok(chosen) : fail(`one of ${kind.values.join(", ")}`, raw, field);
    }
    case "url":
      return coerceUrl(kind.protocols, value, raw, field);
    case "zone":
      return coerceZone(value, raw, field);
    case "origins":
      return coerceOrigins(value, raw, field);
    case "apiKeys": {
      const { keys, problems } = parseApiKeys(value);
      return problems.length === 0 ? ok(keys) : { ok: false, problems };
    }
  }
}

/** `value` as it appears in a message: JSON, secrets masked, passwords in URLs masked, long values cut. */
export function show(value: unknown, field?: FieldSpec): string {
  if (field?.secret && typeof value === "string") return JSON.stringify(maskSecretValue(value));
  const text = value === undefined ? "nothing" : (JSON.stringify(value) ?? String(value));
  const masked = maskUrlPasswords(text);
  return masked.length > 80 ? `${masked.slice(0, 77)}...` : masked;
}

/** Splits a comma-separated string into trimmed, non-empty items; passes arrays through; null otherwise. */
export function toList(value: unknown): unknown[] | null {
  if (typeof value === "string") return value.split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (Array.isArray(value)) return value;
  if (value === null) return [];
  return null;
}

function coerceNumber(kind: Extract<FieldKind, { type: "int" | "number" }>, value: unknown, field: FieldSpec): Coerced {
  const integer = kind.type === "int";
  const range = kind.type === "number" && kind.minExclusive ? `a number > ${kind.min} and ≤ ${kind.max}` : `${integer ? "an integer" : "a number"} ${kind.min}–${kind.max}`;
  let n: number | undefined;
  if (typeof value === "number") n = value;
  else if (typeof value === "string" && (integer ? /^[+-]?\d+$/ : /^[+-]?(\d+\.?\d*|\.\d+)$/).test(value)) n = Number(value);
  const inRange = n !== undefined && Number.isFinite(n) && (!integer || Number.isInteger(n)) && n <= kind.max && (kind.type === "number" && kind.minExclusive ? n > kind.min : n >= kind.min);
  return inRange ? ok(n) : fail(range, value, field);
}

function coerceUrl(protocols: readonly string[], value: unknown, raw: unknown, field: FieldSpec): Coerced {
  if (value === null || value === "") return ok(null);
  const schemes = protocols.map((p) => `${p}//`).join(" or ");
  if (typeof value !== "string" || !URL.canParse(value)) return fail(`a ${schemes} URL`, raw, field);
  const url = new URL(value);
  if (!protocols.includes(url.protocol)) {
    const hint = field.path === "store.databaseUrl" ? " (leave DATABASE_URL unset for SQLite under DATA_DIR)" : "";
    return fail(`a ${schemes} URL${hint}`, raw, field);
  }
  return ok(value);
}

function coerceZone(value: unknown, raw: unknown, field: FieldSpec): Coerced {
  if (typeof value === "string" && value !== "") {
    try {
      // Intl knows the IANA database; resolvedOptions gives the canonical spelling ("america/new_york" → "America/New_York").
      return ok(new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone);
    } catch {
      // fall through to the problem
    }
  }
  return fail('an IANA time zone such as "UTC" or "America/New_York"', raw, field);
}

function coerceOrigins(value: unknown, raw: unknown, field: FieldSpec): Coerced {
  const items = toList(value);
  if (items === null) return fail('a comma-separated list of origins such as "https://app.example.com"', raw, field);
  const problems: string[] = [];
  const origins: string[] = [];
  for (const item of items) {
    const origin = typeof item === "string" ? item.trim() : item;
    // An origin is exactly scheme://host[:port]: new URL(o).origin must give it back unchanged.
    if (origin === "*" || (typeof origin === "string" && URL.canParse(origin) && /^https?:$/.test(new URL(origin).protocol) && new URL(origin).origin === origin)) {
      if (!origins.includes(origin)) origins.push(origin);
    } else {
      problems.push(`expected each origin as scheme://host[:port] with no path or trailing slash (or "*"), got ${show(item)}`);
    }
  }
  return problems.length === 0 ? ok(origins) : { ok: false, problems };
}
