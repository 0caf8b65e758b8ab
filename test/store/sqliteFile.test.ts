/** The SQLite file backend: data survives reopening, WAL lets a second connection read while one writes. */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openEventStore } from "../../src/adapters/store/open.js";
import { openSqliteDatabase, SQLITE_BUSY_TIMEOUT_MS } from "../../src/adapters/store/sqlite/dialect.js";

const root = mkdtempSync(join(tmpdir(), "calendar-sqlite-file-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const salsa = {
  title: "Salsa social",
  start: "2026-11-27T21:00:00-05:00",
  end: "2026-11-28T01:00:00-05:00",
  allDay: false,
  timezone: "America/New_York",
  recurrence: "FREQ=WEEKLY;BYDAY=FR",
  location: "Havana Club",
};

describe("SQLite file store", () => {
  it("keeps events, the search index and applied migrations across a reopen", async () => {
    const dataDir = join(root, "reopen", "nested", "data");
    const first = await openEventStore({ databaseUrl: null, dataDir });
    expect(await first.migrate()).toEqual(["0001_events", "0002_jobs", "0003_ingest"]);
    const [created] = await first.create([salsa]);
    await first.close();
    expect(existsSync(join(dataDir, "calendar.db"))).toBe(true);

    const second = await openEventStore({ databaseUrl: null, dataDir });
    try {
      expect(await second.migrate()).toEqual([]);
      expect(await second.get(created.id)).toEqual(created);
      expect((await second.list({ q: "havana", limit: 10 })).map((e) => e.id)).toEqual([created.id]);
      expect(await second.count()).toBe(1);
    } finally {
      await second.close();
    }
  });

  it("the file is in WAL mode, and a second connection reads committed rows while the first is open", async () => {
    const path = join(root, "wal", "calendar.db");
    const writer = await openEventStore({ databaseUrl: `sqlite:${path}`, dataDir: root });
    await writer.migrate();
    const [created] = await writer.create([salsa]);
    const reader = await openEventStore({ databaseUrl: `sqlite://${path}`, dataDir: root });
    try {
      expect(await reader.get(created.id)).toEqual(created);
      expect(existsSync(`${path}-wal`)).toBe(true);
      const raw = new Database(path, { readonly: true });
      expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
      raw.close();
    } finally {
      await reader.close();
      await writer.close();
    }
  });

  it("every connection gets foreign keys, a busy timeout and WAL", () => {
    const db = openSqliteDatabase(join(root, "pragmas", "calendar.db"));
    try {
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
      expect(db.pragma("busy_timeout", { simple: true })).toBe(SQLITE_BUSY_TIMEOUT_MS);
      expect(db.prepare("select casefold('ÉCOLE') as v").get()).toEqual({ v: "école" });
    } finally {
      db.close();
    }
  });

  it("opening fails at once when the data directory cannot be created", async () => {
    const blocker = join(root, "blocker");
    new Database(blocker).close(); // a file where the directory should be
    await expect(openEventStore({ databaseUrl: null, dataDir: join(blocker, "data") })).rejects.toThrow();
  });
});
