// `calendar-api config`: the redacted effective configuration with each value's source; problems on stderr with exit code 2.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIELDS } from "../../src/config/schema.js";
import { configCommand } from "../../src/main/commands/configCommand.js";
import type { CliIo } from "../../src/main/io.js";
import { ADMIN_KEY, CWD, PRODUCTION_ENV } from "./helpers.js";

function harness(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readStdin: async function* () {},
    now: () => 0,
    readFile: async (path) => {
      const rel = Object.keys(files).find((f) => join(CWD, f) === path);
      if (rel === undefined) throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: "ENOENT" });
      return files[rel];
    },
  };
  return { io, out: () => out.join(""), err: () => err.join("") };
}

describe("calendar-api config", () => {
  it("prints every key with its value and source", async () => {
    const h = harness({ "config/local.yaml": "logging:\n  level: debug\n" });
    const code = await configCommand(h.io, { PORT: "9000", CALENDAR_API__CACHE__MAX_SIZE_MB: "128" }, CWD);
    expect(code).toBe(0);
    expect(h.err()).toBe("");
    const report = JSON.parse(h.out());
    expect(report.environment).toBe("local");
    expect(Object.keys(report.values)).toEqual(FIELDS.map((f) => f.path));
    expect(report.values["server.port"]).toEqual({ value: 9000, source: "env:PORT" });
    expect(report.values["server.host"]).toEqual({ value: "0.0.0.0", source: "default" });
    expect(report.values["logging.level"]).toEqual({ value: "debug", source: "file:config/local.yaml" });
    expect(report.values["cache.maxSizeMb"]).toEqual({ value: 128, source: "env:CALENDAR_API__CACHE__MAX_SIZE_MB" });
    expect(report.values["logging.dir"]).toEqual({ value: null, source: "default" });
  });

  it("masks secrets", async () => {
    const h = harness();
    const code = await configCommand(h.io, { ...PRODUCTION_ENV, OPENAI_API_KEY: "sk-abcdefghijklmnopqrstu" }, CWD);
    expect(code).toBe(0);
    const report = JSON.parse(h.out());
    expect(report.values["security.apiKeys"]).toEqual({ value: [{ name: "ops", key: "adm1…", scopes: ["read", "write", "admin"] }], source: "env:API_KEYS" });
    expect(report.values["store.databaseUrl"].value).toBe("postgres://calendar:****@db:5432/calendar");
    expect(report.values["llm.openaiApiKey"].value).toBe("sk-a…");
    expect(h.out()).not.toContain(ADMIN_KEY);
    expect(h.out()).not.toContain("s3cret-pass");
  });

  it("prints each problem on its own line and exits with 2", async () => {
    const h = harness({ "config/production.yaml": "server:\n  port: high\n" });
    const code = await configCommand(h.io, { ENVIRONMENT: "production", LOG_LEVEL: "chatty", API_KEYS: "ops:tooshort:admin" }, CWD);
    expect(code).toBe(2);
    expect(h.out()).toBe("");
    expect(h.err().trimEnd().split("\n")).toEqual([
      'calendar-api: config: config/production.yaml: server.port: expected an integer 1–65535, got "high"',
      'calendar-api: config: LOG_LEVEL: expected one of trace, debug, info, warn, error, fatal, got "chatty"',
      'calendar-api: config: API_KEYS: entry 1 ("ops"): expected a key of at least 16 characters in production, got 8 ("****")',
      "calendar-api: config: DATABASE_URL: production requires PostgreSQL; expected a postgres:// URL, got nothing (the SQLite file is for local, docker and staging)",
    ]);
    expect(h.err()).not.toContain("tooshort");
  });

  it("names a malformed file", async () => {
    const h = harness({ "config/local.yaml": "server: [\n" });
    expect(await configCommand(h.io, {}, CWD)).toBe(2);
    expect(h.err()).toMatch(/^calendar-api: config: config\/local\.yaml: not valid YAML/);
  });

  it("reports an unreadable file as a problem", async () => {
    const h = harness();
    h.io.readFile = async () => {
      throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
    };
    expect(await configCommand(h.io, {}, CWD)).toBe(2);
    expect(h.err()).toBe("calendar-api: config: config/local.yaml: cannot be read (EACCES: permission denied)\n");
  });
});
