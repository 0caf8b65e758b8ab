/** `calendar-api migrate`: lists what it applied, exit 0; one stderr line and exit 2 on failure. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrateCommand } from "../../src/main/commands/migrateCommand.js";
import type { CliIo } from "../../src/main/io.js";

const root = mkdtempSync(join(tmpdir(), "calendar-migrate-cmd-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function fakeIo(): CliIo & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
    readStdin: async function* () {},
    now: () => 0,
    readFile: async () => "",
  };
  return io;
}

describe("migrateCommand", () => {
  it("applies the migrations to the SQLite file and prints their names, then reports nothing pending", async () => {
    const store = { databaseUrl: null, dataDir: join(root, "data") };
    const first = fakeIo();
    expect(await migrateCommand(first, { store })).toBe(0);
    expect(first.out).toBe("0001_events\n0002_jobs\n0003_ingest\n");
    expect(first.err).toBe("");
    const again = fakeIo();
    expect(await migrateCommand(again, { store })).toBe(0);
    expect(again.out).toBe("no pending migrations\n");
  });

  it("a store that cannot be opened is one line on stderr and exit 2", async () => {
    const file = join(root, "not-a-dir");
    writeFileSync(file, "");
    const io = fakeIo();
    expect(await migrateCommand(io, { store: { databaseUrl: null, dataDir: join(file, "data") } })).toBe(2);
    expect(io.out).toBe("");
    expect(io.err).toMatch(/^calendar-api: migrate failed: .+\n$/);
    expect(io.err.split("\n")).toHaveLength(2);
  });

  it("an unsupported URL is one line on stderr and exit 2", async () => {
    const io = fakeIo();
    expect(await migrateCommand(io, { store: { databaseUrl: "mysql://root:secret@db/x", dataDir: root } })).toBe(2);
    expect(io.err).toMatch(/^calendar-api: migrate failed: unsupported database URL/);
    expect(io.err).not.toMatch(/secret/);
  });

  it("an unreachable PostgreSQL server is one line on stderr and exit 2", async () => {
    const io = fakeIo();
    expect(await migrateCommand(io, { store: { databaseUrl: "postgres://nobody@127.0.0.1:1/none", dataDir: root } })).toBe(2);
    expect(io.err).toMatch(/^calendar-api: migrate failed: .+\n$/);
  });
});
