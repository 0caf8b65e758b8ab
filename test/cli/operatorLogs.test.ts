// `calendar-api logs prune`: real files in a temporary directory with set modification times: rotated files left
// uncompressed are gzipped (keeping their time), rotations past the retention are deleted, live files and files of
// other programs are never touched; --dry-run changes nothing.
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { main } from "../../src/main/cli.js";
import { DEFAULT_KEEP_DAYS, logsPruneCommand } from "../../src/main/commands/logsPruneCommand.js";
import { captureIo, DAY, tempDir } from "./operatorHelpers.js";

const NOW = Date.now();

function file(dir: string, name: string, content: string | Buffer, ageDays: number): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  const when = new Date(NOW - ageDays * DAY);
  utimesSync(path, when, when);
  return path;
}

describe("calendar-api logs prune", () => {
  let tmp: ReturnType<typeof tempDir>;
  const config = loadConfig({ env: {}, cwd: "/nonexistent" }).config;

  beforeEach(() => {
    tmp = tempDir("prune");
    file(tmp.dir, "calendar-api.log", '{"msg":"live"}\n', 0);
    file(tmp.dir, "calendar-api-errors.log", "", 40);
    file(tmp.dir, "calendar-api.log.1", '{"msg":"rotated, never compressed"}\n'.repeat(50), 2);
    file(tmp.dir, "calendar-api.log.2.gz", gzipSync("old"), 40);
    file(tmp.dir, "parsing-decisions.log.1.gz", gzipSync("recent"), 3);
    file(tmp.dir, "performance-metrics.log.3", "old and uncompressed", 31);
    file(tmp.dir, "postgres.log.1.gz", gzipSync("not ours"), 400);
  });
  afterEach(() => tmp.remove());

  it(`compresses, expires after ${DEFAULT_KEEP_DAYS} days by default, and leaves live and foreign files alone`, async () => {
    const h = captureIo(NOW);
    expect(await logsPruneCommand({ dir: tmp.dir, dryRun: false }, h.io, config)).toBe(0);
    expect(readdirSync(tmp.dir).sort()).toEqual(["calendar-api-errors.log", "calendar-api.log", "calendar-api.log.1.gz", "parsing-decisions.log.1.gz", "postgres.log.1.gz"]);
    const gz = join(tmp.dir, "calendar-api.log.1.gz");
    expect(gunzipSync(readFileSync(gz)).toString()).toBe('{"msg":"rotated, never compressed"}\n'.repeat(50));
    // Its age is the content's, so that it expires on time.
    expect(Math.abs(statSync(gz).mtimeMs - (NOW - 2 * DAY))).toBeLessThan(1000);
    expect(readFileSync(join(tmp.dir, "calendar-api.log"), "utf8")).toBe('{"msg":"live"}\n');
    const out = h.out();
    expect(out).toMatch(/^compressed calendar-api\.log\.1 -> calendar-api\.log\.1\.gz \(1800 -> \d+ bytes\)$/m);
    expect(out).toMatch(/^delete calendar-api\.log\.2\.gz \(last written .*\)$/m);
    expect(out).toMatch(/^delete performance-metrics\.log\.3 /m);
    expect(out).toMatch(/: 1 compressed, 2 deleted, 1 kept \(rotations newer than 30 days\), \d+ bytes freed; live files untouched: calendar-api-errors\.log, calendar-api\.log$/m);
  });

  it("--dry-run says what it would do and changes nothing", async () => {
    const before = readdirSync(tmp.dir).sort();
    const h = captureIo(NOW);
    expect(await logsPruneCommand({ dir: tmp.dir, dryRun: true }, h.io, config)).toBe(0);
    expect(readdirSync(tmp.dir).sort()).toEqual(before);
    expect(h.out()).toMatch(/^would compress calendar-api\.log\.1 -> calendar-api\.log\.1\.gz$/m);
    expect(h.out()).toMatch(/^would delete calendar-api\.log\.2\.gz/m);
    expect(h.out()).toMatch(/ \(dry run\): 1 to compress, 2 to delete, 1 kept/);
  });

  it("--keep-days 0 deletes every rotation; a name already taken by a .gz gets a time-stamped one", async () => {
    file(tmp.dir, "calendar-api.log.1.gz", gzipSync("an older rotation 1"), 1);
    const h = captureIo(NOW);
    expect(await logsPruneCommand({ dir: tmp.dir, keepDays: 0, dryRun: false }, h.io, config)).toBe(0);
    expect(readdirSync(tmp.dir).sort()).toEqual(["calendar-api-errors.log", "calendar-api.log", "postgres.log.1.gz"]);

    file(tmp.dir, "calendar-api.log.1", "again", 1);
    file(tmp.dir, "calendar-api.log.1.gz", gzipSync("taken"), 1);
    expect(await logsPruneCommand({ dir: tmp.dir, dryRun: false }, captureIo(NOW).io, config)).toBe(0);
    const stamped = readdirSync(tmp.dir).filter((n) => /^calendar-api\.log\.1\.\d{8}T\d{6}Z\.gz$/.test(n));
    expect(stamped).toHaveLength(1);
    expect(gunzipSync(readFileSync(join(tmp.dir, stamped[0]!))).toString()).toBe("again");
    expect(gunzipSync(readFileSync(join(tmp.dir, "calendar-api.log.1.gz"))).toString()).toBe("taken");
  });

  it("the directory defaults to LOG_DIR; without one, or with a missing one, it is a usage error", async () => {
    const fromEnv = loadConfig({ env: { LOG_DIR: tmp.dir }, cwd: "/nonexistent" }).config;
    const h = captureIo(NOW);
    expect(await logsPruneCommand({ dryRun: true }, h.io, fromEnv)).toBe(0);
    expect(h.out()).toContain(`${tmp.dir} (dry run): 1 to compress`);
    await expect(logsPruneCommand({ dryRun: false }, captureIo(NOW).io, config)).rejects.toThrow(/no log directory: pass --dir DIR or set LOG_DIR/);
    await expect(logsPruneCommand({ dir: join(tmp.dir, "nope"), dryRun: false }, captureIo(NOW).io, config)).rejects.toThrow(/no such directory/);
    expect(existsSync(join(tmp.dir, "calendar-api.log.1"))).toBe(true);
  });

  it("through the CLI: bad usage is one line and exit 2", async () => {
    for (const [argv, message] of [
      [["logs"], /unknown logs command \(none\)/],
      [["logs", "rotate"], /unknown logs command "rotate"/],
      [["logs", "prune", "--keep-days=-3"], /--keep-days: expected an integer/],
      [["logs", "prune", "--keep-days", "two"], /--keep-days: expected an integer/],
    ] as Array<[string[], RegExp]>) {
      const h = captureIo(NOW);
      expect(await main(argv, h.io), argv.join(" ")).toBe(2);
      expect(h.err()).toMatch(message);
      expect(h.err().trim().split("\n")).toHaveLength(1);
    }
  });
});
