/**
 * Backup and restore of the PostgreSQL store with the client programs: `pg_dump --format=custom` and
 * `pg_restore --clean --if-exists --single-transaction`. The password travels in PGPASSWORD, never on the
 * command line; a URL whose search_path names a schema (`?options=-c search_path=…`, as the store uses it) is
 * dumped as that schema only.
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { Env } from "../../config/load.js";
import { maskUrlCredentials } from "../../ops/maskSecrets.js";
import { CliError } from "../io.js";

/** A DATABASE_URL split for the client programs. */
export interface PgTarget {
  /** The URL without its password (libpq reads the rest: host, port, user, database, sslmode, options). */
  url: string;
  password: string | null;
  /** The first schema of the URL's search_path; null for the default (the whole database is dumped). */
  schema: string | null;
}

/** Splits `databaseUrl` (postgres:// or postgresql://); throws CliError on anything else. */
export function pgTarget(databaseUrl: string): PgTarget {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new CliError("DATABASE_URL is not a valid URL");
  }
  if (!/^postgres(ql)?:$/i.test(url.protocol)) throw new CliError("DATABASE_URL is not a postgres:// URL");
  const password = url.password === "" ? null : decodeURIComponent(url.password);
  url.password = "";
  url.search = libpqQuery(url.searchParams);
  return { url: url.toString(), password, schema: searchPathSchema(url.searchParams.get("options")) };
}

/**
 * The query as libpq reads it. node-postgres decodes `+` as a space and knows `ssl=true` and `sslmode=no-verify`;
 * libpq only percent-decodes and knows neither, so spaces become %20 and the two become `sslmode=require`.
 */
function libpqQuery(params: URLSearchParams): string {
  const entries = [...params].filter(([key]) => key !== "ssl");
  const ssl = params.get("ssl");
  if ((ssl === "true" || ssl === "1") && !params.has("sslmode")) entries.push(["sslmode", "require"]);
  const query = entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(k === "sslmode" && v === "no-verify" ? "require" : v)}`).join("&");
  return query === "" ? "" : `?${query}`;
}

/** The first schema `-c search_path=a,b` (or `--search_path=`) names in libpq `options`; `$user` is skipped. */
export function searchPathSchema(options: string | null): string | null {
  const match = options === null ? null : /(?:-c\s*|--)search_path=(\S+)/.exec(options);
  if (!match) return null;
  const first = match[1]!
    .split(",")
    .map((s) => s.trim().replace(/^"(.*)"$/, "$1"))
    .find((s) => s !== "" && s !== "$user");
  return first ?? null;
}

/** The archive's magic bytes (pg_dump's custom format). */
const ARCHIVE_MAGIC = "PGDMP";

/** Runs `pg_dump --format=custom` into `target` (which must not exist), through a partial file renamed at the end. */
export async function backupPostgres(databaseUrl: string, target: string, env: Env): Promise<{ path: string; schema: string | null }> {
  const pg = pgTarget(databaseUrl);
  if (existsSync(target)) throw new CliError(`${target} already exists; choose another --out`);
  await mkdir(dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  const args = ["--format=custom", "--no-password", `--file=${partial}`, ...(pg.schema ? [`--schema=${pg.schema}`] : []), `--dbname=${pg.url}`];
  try {
    await runPgTool("pg_dump", args, pg, env);
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return { path: target, schema: pg.schema };
}

/**
 * Checks that `path` is a pg_dump custom archive holding an `events` table (`pg_restore --list`), then restores
 * it into DATABASE_URL in one transaction: objects of the archive are dropped (if they exist) and recreated with
 * their data; on any error nothing changes. Objects are owned by the restoring user (`--no-owner`).
 */
export async function restorePostgres(databaseUrl: string, path: string, env: Env): Promise<{ schemas: string[] }> {
  const pg = pgTarget(databaseUrl);
  if (!existsSync(path)) throw new CliError(`${path}: no such file`);
  if (readMagic(path) !== ARCHIVE_MAGIC) throw new CliError(`${path} is not a pg_dump custom-format archive (make one with calendar-api backup)`);
  const listing = await runPgTool("pg_restore", ["--list", path], pg, env);
  const tables = [...listing.matchAll(/^\d+;\s+\d+\s+\d+\s+TABLE\s+(\S+)\s+events\s/gm)].map((m) => m[1]!);
  if (tables.length === 0) throw new CliError(`${path} holds no events table: not a Calendar API backup`);
  await runPgTool("pg_restore", ["--clean", "--if-exists", "--single-transaction", "--no-owner", "--no-password", `--dbname=${pg.url}`, path], pg, env);
  return { schemas: tables };
}

/**
 * Runs a PostgreSQL client program with PGPASSWORD set from the URL; resolves to its standard output, rejects
 * with a CliError (exit 1) quoting the end of its standard error.
 */
export function runPgTool(program: string, args: string[], pg: PgTarget, env: Env): Promise<string> {
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) childEnv[k] = v;
  if (pg.password !== null) childEnv.PGPASSWORD = pg.password;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(program, args, { env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => void (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => void (stderr += chunk));
    child.once("error", (error: NodeJS.ErrnoException) => {
      reject(new CliError(error.code === "ENOENT" ? `${program} not found on PATH (install the PostgreSQL client, e.g. Debian's postgresql-client)` : `${program}: ${error.message}`, 1));
    });
    child.once("close", (code) => {
      if (code === 0) return resolvePromise(stdout);
      const tail = stderr.trim().split("\n").slice(-3).join(" / ");
      reject(new CliError(`${program} failed (exit ${code}): ${maskUrlCredentials(tail) || "no message"}`, 1));
    });
  });
}

function readMagic(path: string): string {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(ARCHIVE_MAGIC.length);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString("latin1");
  } finally {
    closeSync(fd);
  }
}
