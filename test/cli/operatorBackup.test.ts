// `calendar-api backup` / `restore`: events created through the real store are backed up (SQLite: while the store is
// open, as under a running server), changed, restored and read back. SQLite always; PostgreSQL when DATABASE_URL is
// a postgres:// URL, in a schema of its own (search_path) that is dropped afterwards.
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MigratableEventStore, openEventStore } from "../../src/adapters/store/open.js";
import { loadConfig } from "../../src/config/load.js";
import type { AppConfig } from "../../src/config/types.js";
import { backupCommand, fileStamp } from "../../src/main/commands/backupCommand.js";
import { restoreCommand } from "../../src/main/commands/restoreCommand.js";
import { CliError } from "../../src/main/io.js";
import { pgTarget, searchPathSchema } from "../../src/main/ops/postgresBackup.js";
import type { NewEvent } from "../../src/ports/eventStore.js";
import { postgresSkipReason } from "../e2e/helpers.js";
import { captureIo, tempDir } from "./operatorHelpers.js";

const NOW = Date.parse("2026-11-23T09:00:00Z");
const event = (title: string, start: string): NewEvent => ({ title, start, end: null, allDay: false, timezone: "UTC", recurrence: null, location: "Room 1" });

/** The stored events as comparable rows (id, title, start, location), in id order. */
async function rows(store: MigratableEventStore) {
  const all = await store.list({ limit: 100 });
  return all.map((e) => ({ id: e.id, title: e.title, start: e.start, location: e.location })).sort((a, b) => a.id.localeCompare(b.id));
}

/** Runs a command and turns a CliError into its exit code and message (what cli.ts prints). */
async function run(command: () => Promise<number>): Promise<{ code: number; message: string }> {
  try {
    return { code: await command(), message: "" };
  } catch (error) {
    if (error instanceof CliError) return { code: error.code, message: error.message };
    throw error;
  }
}

describe("backup and restore on SQLite", () => {
  const tmp = tempDir("backup");
  let config: AppConfig;
  let store: MigratableEventStore;

  beforeAll(async () => {
    config = loadConfig({ env: { DATA_DIR: join(tmp.dir, "data") }, cwd: tmp.dir }).config;
    store = await openEventStore({ databaseUrl: null, dataDir: config.store.dataDir });
    await store.migrate();
  });
  afterAll(async () => {
    await store.close().catch(() => undefined);
    tmp.remove();
  });

  it("round-trips: back up while the store is open, change everything, restore, the original events are back", async () => {
    await store.create([event("Standup", "2027-01-04T09:00:00Z"), event("Retro", "2027-01-08T15:00:00Z")]);
    const original = await rows(store);

    const h = captureIo(NOW);
    expect(await backupCommand({}, h.io, config, {})).toBe(0);
    const backup = join(config.store.dataDir, "backups", `calendar-${fileStamp(NOW)}.db`);
    expect(h.out()).toBe(`backup written: ${backup} (SQLite, 2 events, ${/(\d+) bytes/.exec(h.out())![1]} bytes)\n`);
    expect(fileStamp(NOW)).toBe("20261123T090000Z");
    // One self-contained file, no -wal beside it.
    expect(readdirSync(join(config.store.dataDir, "backups"))).toEqual([`calendar-${fileStamp(NOW)}.db`]);

    await store.delete(original[0]!.id);
    await store.update(original[1]!.id, { title: "Retro (moved)", start: "2027-01-09T15:00:00Z" });
    await store.create([event("Added after the backup", "2027-02-01T10:00:00Z")]);
    expect(await store.count()).toBe(2);

    // Refused while the database is open (as it is under the running service).
    const busy = await run(() => restoreCommand({ file: backup, yes: true }, captureIo(NOW).io, config, {}));
    expect(busy.code).toBe(1);
    expect(busy.message).toMatch(/is in use by another process \(is the service running\?\); stop it, then restore/);

    await store.close();
    const unconfirmed = await run(() => restoreCommand({ file: backup, yes: false }, captureIo(NOW).io, config, {}));
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.message).toMatch(/run again with --yes/);

    const r = captureIo(NOW + 60_000);
    expect(await restoreCommand({ file: backup, yes: true }, r.io, config, {})).toBe(0);
    const live = join(config.store.dataDir, "calendar.db");
    const kept = `${live}.pre-restore-20261123T090100Z`;
    expect(r.out()).toContain(`restored 2 events from ${backup} into ${live}\n`);
    expect(r.out()).toContain(`the replaced database is kept at ${kept}`);

    store = await openEventStore({ databaseUrl: null, dataDir: config.store.dataDir });
    expect(await store.migrate()).toEqual([]);
    expect(await rows(store)).toEqual(original);
    // The replaced database is intact beside it.
    const old = new Database(kept, { readonly: true });
    try {
      expect((old.prepare("select title from events order by title").all() as Array<{ title: string }>).map((x) => x.title)).toEqual(["Added after the backup", "Retro (moved)"]);
    } finally {
      old.close();
    }
  });

  it("--out names the file; an existing file is never overwritten", async () => {
    const out = join(tmp.dir, "manual.db");
    const h = captureIo(NOW);
    expect(await backupCommand({ out: "manual.db" }, h.io, config, {}, tmp.dir)).toBe(0);
    expect(h.out()).toMatch(new RegExp(`^backup written: ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(SQLite, 2 events`));
    const again = await run(() => backupCommand({ out }, captureIo(NOW).io, config, {}));
    expect(again).toEqual({ code: 2, message: `${out} already exists; choose another --out` });
  });

  it("restore refuses files that are not Calendar API SQLite databases, and changes nothing", async () => {
    const text = join(tmp.dir, "notes.txt");
    writeFileSync(text, "not a database at all, just some text");
    const other = join(tmp.dir, "other.db");
    const db = new Database(other);
    db.exec("create table things (x)");
    db.close();
    await store.close();
    const before = new Database(join(config.store.dataDir, "calendar.db"), { readonly: true });
    const count = (before.prepare("select count(*) as n from events").get() as { n: number }).n;
    before.close();
    const cases: Array<[string, RegExp]> = [
      [text, /is not a SQLite database/],
      [other, /not a Calendar API one \(no events table\)/],
      [join(tmp.dir, "missing.db"), /no such file/],
    ];
    for (const [file, message] of cases) {
      const result = await run(() => restoreCommand({ file, yes: true }, captureIo(NOW + 120_000).io, config, {}));
      expect(result.code, file).toBe(2);
      expect(result.message).toMatch(message);
    }
    const missing = await run(() => restoreCommand({ yes: true }, captureIo(NOW).io, config, {}));
    expect(missing.message).toMatch(/restore needs the backup FILE/);
    store = await openEventStore({ databaseUrl: null, dataDir: config.store.dataDir });
    expect(await store.count()).toBe(count);
  });

  it("backup without a database says so (exit 1)", async () => {
    const empty = loadConfig({ env: { DATA_DIR: join(tmp.dir, "empty") }, cwd: tmp.dir }).config;
    const result = await run(() => backupCommand({}, captureIo(NOW).io, empty, {}));
    expect(result.code).toBe(1);
    expect(result.message).toMatch(/no SQLite database at .*calendar\.db: nothing to back up/);
    expect(existsSync(join(tmp.dir, "empty", "backups"))).toBe(false);
  });
});

describe("PostgreSQL URLs for the client programs", () => {
  it("moves the password out of the URL and reads the schema of search_path", () => {
    const t = pgTarget(`postgres://app:s%40cret@db.internal:6543/calendar?sslmode=require&options=${encodeURIComponent("-c search_path=tenant_a,public")}`);
    expect(t.password).toBe("s@cret");
    expect(t.url).not.toContain("cret");
    expect(t.url).toMatch(/^postgres:\/\/app@db\.internal:6543\/calendar\?sslmode=require&options=/);
    expect(t.schema).toBe("tenant_a");
    expect(pgTarget("postgresql://localhost/calendar")).toMatchObject({ password: null, schema: null });
    // node-postgres spellings libpq does not read: `+` for a space, ssl=true, sslmode=no-verify.
    expect(pgTarget("postgres://u@h/d?options=-c+search_path%3Dx&ssl=true").url).toBe("postgres://u@h/d?options=-c%20search_path%3Dx&sslmode=require");
    expect(pgTarget("postgres://u@h/d?sslmode=no-verify").url).toBe("postgres://u@h/d?sslmode=require");
    expect(searchPathSchema('-c search_path="$user",app')).toBe("app");
    expect(searchPathSchema("--search_path=ops")).toBe("ops");
    expect(searchPathSchema("-c statement_timeout=5000")).toBeNull();
  });
});

const skip = postgresSkipReason();
describe.skipIf(skip !== null)(`backup and restore on PostgreSQL${skip ? ` (skipped: ${skip})` : ""}`, () => {
  const tmp = tempDir("backup-pg");
  const schema = `calendar_ops_${process.pid}_${randomBytes(4).toString("hex")}`;
  let admin: pg.Client;
  let config: AppConfig;
  let store: MigratableEventStore;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create schema "${schema}"`);
    const url = new URL(process.env.DATABASE_URL!);
    url.searchParams.set("options", `-c search_path=${schema}`);
    config = loadConfig({ env: { DATABASE_URL: url.toString(), DATA_DIR: join(tmp.dir, "data") }, cwd: tmp.dir }).config;
    store = await openEventStore({ databaseUrl: config.store.databaseUrl, dataDir: config.store.dataDir });
    await store.migrate();
  });
  afterAll(async () => {
    await store?.close().catch(() => undefined);
    await admin?.query(`drop schema if exists "${schema}" cascade`);
    await admin?.end();
    tmp.remove();
  });

  it("round-trips through pg_dump of the store's schema and pg_restore --clean in one transaction", async () => {
    await store.create([event("Standup", "2027-01-04T09:00:00Z"), event("Retro", "2027-01-08T15:00:00Z")]);
    const original = await rows(store);

    const h = captureIo(NOW);
    expect(await backupCommand({}, h.io, config, process.env)).toBe(0);
    const backup = join(config.store.dataDir, "backups", `calendar-${fileStamp(NOW)}.dump`);
    expect(h.out()).toBe(`backup written: ${backup} (pg_dump custom format, schema ${schema})\n`);

    await store.delete(original[0]!.id);
    await store.update(original[1]!.id, { title: "Retro (moved)" });
    await store.create([event("Added after the backup", "2027-02-01T10:00:00Z")]);

    // pg_restore waits for the store's connections only while they hold locks; close them as the runbook says.
    await store.close();
    const r = captureIo(NOW);
    expect(await restoreCommand({ file: backup, yes: true }, r.io, config, process.env)).toBe(0);
    expect(r.out()).toContain(`restored ${backup} into schema ${schema} of DATABASE_URL`);

    store = await openEventStore({ databaseUrl: config.store.databaseUrl, dataDir: config.store.dataDir });
    expect(await store.migrate()).toEqual([]);
    expect(await rows(store)).toEqual(original);
    // Nothing leaked into other schemas.
    const { rows: leaked } = await admin.query("select table_schema from information_schema.tables where table_name = 'events' and table_schema = 'public'");
    expect(leaked).toEqual([]);
  });

  it("restore refuses a file that is not a pg_dump archive", async () => {
    const file = join(tmp.dir, "x.dump");
    writeFileSync(file, "SQLite format 3\u0000 pretend");
    const result = await run(() => restoreCommand({ file, yes: true }, captureIo(NOW).io, config, process.env));
    expect(result).toMatchObject({ code: 2, message: expect.stringMatching(/not a pg_dump custom-format archive/) });
  });
});
