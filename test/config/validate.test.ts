// Validation: every problem collected into one ConfigError naming key, value and expectation; per-environment rules; frozen result.
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config/errors.js";
import { validateConfig } from "../../src/config/validate.js";
import { ADMIN_KEY, PRODUCTION_ENV, READ_KEY, load, problemsOf } from "./helpers.js";

describe("problems with single keys", () => {
  it("name the variable, the bad value and what is expected", () => {
    expect(problemsOf({ PORT: "abc" })).toEqual(['PORT: expected an integer 1–65535, got "abc"']);
  });

  it("are all collected, in one error", () => {
    const problems = problemsOf(
      { PORT: "70000", LOG_LEVEL: "loud", CALENDAR_API__SERVER__TRUST_PROXY: "maybe", CACHE_TTL_HOURS: "0", CORS_ORIGINS: "https://ok.example,https://bad.example/path", CALENDAR_API__PARSER__DEFAULT_TIMEZONE: "Mars/Olympus", DATABASE_URL: "mysql://db/x", WORKER_THREADS: "2.5" },
      { "config/local.yaml": "server:\n  workers: zero\n" },
    );
    expect(problems).toEqual([
      'PORT: expected an integer 1–65535, got "70000"',
      'config/local.yaml: server.workers: expected an integer 1–256, got "zero"',
      'CALENDAR_API__SERVER__TRUST_PROXY: expected true, false, 1 or 0, got "maybe"',
      'CALENDAR_API__PARSER__DEFAULT_TIMEZONE: expected an IANA time zone such as "UTC" or "America/New_York", got "Mars/Olympus"',
      'DATABASE_URL: expected a postgres:// or postgresql:// URL (leave DATABASE_URL unset for SQLite under DATA_DIR), got "mysql://db/x"',
      'WORKER_THREADS: expected an integer 0–256, got "2.5"',
      'CACHE_TTL_HOURS: expected a number > 0 and ≤ 8760, got "0"',
      'CORS_ORIGINS: expected each origin as scheme://host[:port] with no path or trailing slash (or "*"), got "https://bad.example/path"',
      'LOG_LEVEL: expected one of trace, debug, info, warn, error, fatal, got "loud"',
    ]);
  });

  it("say so in the error's message too", () => {
    try {
      load({ PORT: "abc", WORKERS: "0" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toBe('invalid configuration (2 problems):\n  - PORT: expected an integer 1–65535, got "abc"\n  - WORKERS: expected an integer 1–256, got "0"');
    }
  });

  it("mask secrets and passwords in URLs", () => {
    const problems = problemsOf({ DATABASE_URL: "mysql://admin:hunter2@db/x", REDIS_URL: "http://:sesame@r", CALENDAR_API__LLM__OPENAI_API_KEY: "" });
    expect(problems.join("\n")).not.toMatch(/hunter2|sesame/);
    expect(problems[0]).toContain('"mysql://admin:****@db/x"');
  });

  it("reject an unknown ENVIRONMENT and still check the rest", () => {
    expect(problemsOf({ ENVIRONMENT: "prod", PORT: "x" })).toEqual([
      'ENVIRONMENT: expected one of local, staging, production, docker, got "prod"',
      'PORT: expected an integer 1–65535, got "x"',
    ]);
  });
});

describe("unknown CALENDAR_API__ keys", () => {
  it("are errors, with the nearest key suggested", () => {
    expect(problemsOf({ CALENDAR_API__SERVER__PROT: "1", CALENDAR_API__NOPE: "x" })).toEqual([
      "CALENDAR_API__SERVER__PROT: unknown key (did you mean CALENDAR_API__SERVER__PORT?); expected CALENDAR_API__SECTION__KEY such as CALENDAR_API__SERVER__PORT",
      "CALENDAR_API__NOPE: unknown key; expected CALENDAR_API__SECTION__KEY such as CALENDAR_API__SERVER__PORT",
    ]);
  });
});

describe("API_KEYS", () => {
  it("reads name:key:scopes, name:key and bare keys", () => {
    const { config } = load({ API_KEYS: `ops:${ADMIN_KEY}:admin+read, ci:${READ_KEY} ,bare-key-0000000000` });
    expect(config.security.apiKeys).toEqual([
      { name: "ops", key: ADMIN_KEY, scopes: ["read", "admin"] },
      { name: "ci", key: READ_KEY, scopes: ["read", "write"] },
      { name: "key3", key: "bare-key-0000000000", scopes: ["read", "write"] },
    ]);
  });

  it("names each bad entry and the format, never the key", () => {
    const problems = problemsOf({ API_KEYS: "a:secretsecret1:read+delete,b:secretsecret2:read:x,bad name:secretsecret3,c:secretsecret4:,d:secretsecret5:secretsecret6,f:secretsecret7,e:secretsecret7" });
    expect(problems).toHaveLength(6);
    expect(problems[0]).toBe('API_KEYS: entry 1 ("a"): unknown scope "delete"; expected read, write, admin joined by "+"');
    expect(problems[1]).toMatch(/^API_KEYS: entry 2: too many ":" fields; expected comma-separated entries "name:key:scope\+scope"/);
    expect(problems[2]).toMatch(/^API_KEYS: entry 3: the name must be/);
    expect(problems[3]).toMatch(/^API_KEYS: entry 4 \("c"\): no scopes/);
    expect(problems[4]).toBe('API_KEYS: entry 5 ("d"): unknown scope (not a scope name); expected read, write, admin joined by "+"');
    expect(problems[5]).toBe('API_KEYS: entry "e": the same key appears in two entries');
    expect(problems.join("\n")).not.toMatch(/secretsecret/);
  });

  it("reads a YAML list of objects", () => {
    const { config } = load({}, { "config/local.yaml": "security:\n  apiKeys:\n    - { name: dev, key: devkey, scopes: [read] }\n    - plain-key\n" });
    expect(config.security.apiKeys).toEqual([
      { name: "dev", key: "devkey", scopes: ["read"] },
      { name: "key2", key: "plain-key", scopes: ["read", "write"] },
    ]);
  });

  it("refuses keys shorter than 16 characters in staging and production, not locally", () => {
    expect(load({ API_KEYS: "dev:short" }).config.security.apiKeys).toHaveLength(1);
    expect(problemsOf({ ENVIRONMENT: "staging", API_KEYS: "dev:short" })).toEqual(['API_KEYS: entry 1 ("dev"): expected a key of at least 16 characters in staging, got 5 ("****")']);
  });
});

describe("per-environment rules", () => {
  it("production accepts keys with admin, PostgreSQL and listed origins", () => {
    const { config } = load({ ...PRODUCTION_ENV, CORS_ORIGINS: "https://app.example.com" });
    expect(config.environment).toBe("production");
    expect(config.security.requireApiKeys).toBe(true);
  });

  it("production without API keys, with wildcard CORS and on SQLite: every rule named", () => {
    expect(problemsOf({ ENVIRONMENT: "production", CORS_ORIGINS: "https://a.example,*" })).toEqual([
      'API_KEYS: production requires at least one API key; expected comma-separated entries "name:key:scope+scope" (scopes read, write, admin), "name:key" (read+write) or a bare "key" (named key1, key2… by position, read+write); names and keys cannot contain ",", ":" or spaces',
      'CORS_ORIGINS: production forbids the wildcard "*"; expected the allowed origins, e.g. "https://app.example.com"',
      "DATABASE_URL: production requires PostgreSQL; expected a postgres:// URL, got nothing (the SQLite file is for local, docker and staging)",
    ]);
  });

  it("production needs a key with the admin scope", () => {
    expect(problemsOf({ ...PRODUCTION_ENV, API_KEYS: `ci:${READ_KEY}:read` })).toEqual([
      'API_KEYS: production requires at least one key with the admin scope, e.g. "ops:<key>:read+write+admin"',
    ]);
  });

  it("a sqlite: URL in production is refused as not PostgreSQL", () => {
    expect(problemsOf({ ...PRODUCTION_ENV, DATABASE_URL: "sqlite:///app/data/calendar.db" })).toEqual([
      'DATABASE_URL: expected a postgres:// or postgresql:// URL (leave DATABASE_URL unset for SQLite under DATA_DIR), got "sqlite:///app/data/calendar.db"',
    ]);
  });

  it("names the file when the file set the offending value", () => {
    expect(problemsOf(PRODUCTION_ENV, { "config/production.yaml": "security:\n  corsOrigins: ['*']\n" })).toEqual([
      'config/production.yaml: security.corsOrigins: production forbids the wildcard "*"; expected the allowed origins, e.g. "https://app.example.com"',
    ]);
  });

  it("staging requires API keys but allows SQLite", () => {
    expect(problemsOf({ ENVIRONMENT: "staging" })).toEqual([expect.stringMatching(/^API_KEYS: staging requires at least one API key/)]);
    expect(load({ ENVIRONMENT: "staging", API_KEYS: READ_KEY }).config.store.databaseUrl).toBeNull();
  });

  it("staging and production files may not hold secrets", () => {
    const files = { "config/production.yaml": `security:\n  apiKeys: "ops:${ADMIN_KEY}:admin"\nstore:\n  databaseUrl: postgres://u:pw@db/c\n` };
    const problems = problemsOf({ ENVIRONMENT: "production" }, files);
    expect(problems).toEqual([
      'config/production.yaml: store.databaseUrl: secrets must not be written in the production file; expected them from the environment (DATABASE_URL), got "postgres://u:****@db/c"',
      'config/production.yaml: security.apiKeys: secrets must not be written in the production file; expected them from the environment (API_KEYS), got "****"',
    ]);
  });

  it("requireApiKeys cannot be switched off when keys exist or in production, nor on without keys", () => {
    expect(problemsOf({ API_KEYS: "dev:devkey", CALENDAR_API__SECURITY__REQUIRE_API_KEYS: "false" })).toEqual([
      "CALENDAR_API__SECURITY__REQUIRE_API_KEYS: expected true when API keys are configured or in production, got false",
    ]);
    expect(problemsOf({ ...PRODUCTION_ENV, CALENDAR_API__SECURITY__REQUIRE_API_KEYS: "0" })).toHaveLength(1);
    expect(problemsOf({ CALENDAR_API__SECURITY__REQUIRE_API_KEYS: "true" })[0]).toMatch(/REQUIRE_API_KEYS: true needs at least one API key/);
  });

  it("the Redis queue needs a Redis URL", () => {
    expect(problemsOf({ QUEUE_BACKEND: "redis" })).toEqual(['QUEUE_BACKEND: "redis" needs a Redis URL; set REDIS_URL (redis://host:6379/0)']);
  });

  it("rate-limit counts in Redis need a Redis URL; an unknown store is named", () => {
    expect(problemsOf({ RATE_LIMIT_STORE: "redis" })).toEqual(['RATE_LIMIT_STORE: "redis" needs a Redis URL; set REDIS_URL (redis://host:6379/0)']);
    expect(problemsOf({ RATE_LIMIT_STORE: "memcached" })[0]).toMatch(/^RATE_LIMIT_STORE: /);
  });
});

describe("the result", () => {
  it("is deeply frozen", () => {
    const { config, sources } = load({ API_KEYS: "dev:devkey", CORS_ORIGINS: "https://a.example" });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.server)).toBe(true);
    expect(Object.isFrozen(config.security.apiKeys)).toBe(true);
    expect(Object.isFrozen(config.security.apiKeys[0])).toBe(true);
    expect(Object.isFrozen(config.security.apiKeys[0].scopes)).toBe(true);
    expect(Object.isFrozen(sources)).toBe(true);
    expect(() => {
      (config.server as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it("does not share objects with the defaults or another load", () => {
    const a = load({ PORT: "9001" }).config;
    const b = load({}).config;
    expect(a.server.port).toBe(9001);
    expect(b.server.port).toBe(8000);
  });

  it("validateConfig can be called on layers directly", () => {
    const values = new Map([["server.port", { value: 8080, source: "env:PORT" as const, label: "PORT" }]]);
    expect(validateConfig({ values }).server.port).toBe(8080);
  });
});
