// Redaction: the configuration's secrets masked for printing, and maskSecrets for log objects at any depth and inside URLs.
import { describe, expect, it } from "vitest";
import { isSecretKeyName, maskSecrets, maskSecretValue, maskUrlPasswords, redactConfig } from "../../src/config/redact.js";
import { ADMIN_KEY, PRODUCTION_ENV, load } from "./helpers.js";

describe("redactConfig", () => {
  it("masks API keys, the OpenAI key and passwords in URLs, leaving the rest", () => {
    const { config } = load({ ...PRODUCTION_ENV, ENVIRONMENT: "local", API_KEYS: `ops:${ADMIN_KEY}:admin,short:tinykey`, REDIS_URL: "redis://:redispw@redis:6379/0", OPENAI_API_KEY: "sk-proj-abcdefghijklmnop", OLLAMA_BASE_URL: "http://ollama:11434" }, {});
    const redacted = redactConfig(config);
    expect(redacted.security.apiKeys).toEqual([
      { name: "ops", key: "adm1…", scopes: ["admin"] },
      { name: "short", key: "****", scopes: ["read", "write"] },
    ]);
    expect(redacted.llm.openaiApiKey).toBe("sk-p…");
    expect(redacted.store.databaseUrl).toBe("postgres://calendar:****@db:5432/calendar");
    expect(redacted.queue.redisUrl).toBe("redis://:****@redis:6379/0");
    expect(redacted.llm.ollamaBaseUrl).toBe("http://ollama:11434");
    expect(redacted.server).toEqual(config.server);
    expect(JSON.stringify(redacted)).not.toMatch(/0123456789abcdef|tinykey|s3cret-pass|redispw|ghijklmnop/);
  });

  it("returns a copy and leaves the frozen configuration as it was", () => {
    const { config } = load({ API_KEYS: `ops:${ADMIN_KEY}` });
    const redacted = redactConfig(config);
    expect(config.security.apiKeys[0].key).toBe(ADMIN_KEY);
    expect(Object.isFrozen(redacted)).toBe(false);
  });
});

describe("maskSecretValue", () => {
  it("keeps 4 characters of long secrets and none of short ones", () => {
    expect(maskSecretValue("abcdefghijklmnop")).toBe("abcd…");
    expect(maskSecretValue("abcdefghijklmno")).toBe("****");
  });
});

describe("maskUrlPasswords", () => {
  it.each([
    ["postgres://user:pa55@db:5432/calendar", "postgres://user:****@db:5432/calendar"],
    ["redis://:pa55@redis:6379/0", "redis://:****@redis:6379/0"],
    ["connect to postgresql://u:p@ss@db/x now", "connect to postgresql://u:****@db/x now"],
    ["https://api.example.com/v1?api_key=abc123&page=2", "https://api.example.com/v1?api_key=****&page=2"],
    ["https://host/path?a=1&token=t0k", "https://host/path?a=1&token=****"],
    ["http://localhost:11434 and user@example.com", "http://localhost:11434 and user@example.com"],
  ])("%s", (input, output) => {
    expect(maskUrlPasswords(input)).toBe(output);
  });
});

describe("isSecretKeyName", () => {
  it.each(["key", "apiKey", "api_key", "x-api-key", "API_KEYS", "apikey", "token", "accessToken", "secret", "clientSecret", "password", "DB_PASSWORD", "authorization", "Authorization", "cookie"])("%s is secret", (name) => {
    expect(isSecretKeyName(name)).toBe(true);
  });
  it.each(["name", "keyName", "monkey", "tokenizer", "host", "url", "passage"])("%s is not", (name) => {
    expect(isSecretKeyName(name)).toBe(false);
  });
});

describe("maskSecrets", () => {
  it("masks secret-named properties at any depth, in arrays too, and URL passwords in any string", () => {
    const input = {
      msg: "connecting to postgres://app:hunter2@db/cal",
      req: { headers: { authorization: "Bearer abc.def", "x-api-key": "k-123", accept: "application/json" } },
      jobs: [{ id: 1, config: { redisUrl: "redis://:pw@r:6379", apiKeys: [{ name: "ops", key: "longlonglonglongkey" }] } }],
      tokens: ["t1", "t2"],
      tokenCount: 3,
      nested: { deeper: { evenDeeper: { password: "p", list: ["mysql://root:toor@h/db"] } } },
    };
    expect(maskSecrets(input)).toEqual({
      msg: "connecting to postgres://app:****@db/cal",
      req: { headers: { authorization: "****", "x-api-key": "****", accept: "application/json" } },
      jobs: [{ id: 1, config: { redisUrl: "redis://:****@r:6379", apiKeys: [{ name: "****", key: "****" }] } }],
      tokens: ["****", "****"],
      tokenCount: 3,
      nested: { deeper: { evenDeeper: { password: "****", list: ["mysql://root:****@h/db"] } } },
    });
    expect(input.req.headers.authorization).toBe("Bearer abc.def");
  });

  it("survives cycles and leaves non-plain objects alone", () => {
    const when = new Date(0);
    const node: Record<string, unknown> = { secret: "s", when };
    node.self = node;
    const shared = { token: "x" };
    const masked = maskSecrets({ node, a: shared, b: shared }) as Record<string, Record<string, unknown>>;
    expect(masked.node).toEqual({ secret: "****", when, self: "[Circular]" });
    expect(masked.node.when).toBe(when);
    expect(masked.a).toEqual({ token: "****" });
    expect(masked.b).toEqual({ token: "****" });
  });

  it("passes primitives through, masking URL passwords in a string", () => {
    expect(maskSecrets(42)).toBe(42);
    expect(maskSecrets(null)).toBeNull();
    expect(maskSecrets("redis://:pw@r")).toBe("redis://:****@r");
  });
});
