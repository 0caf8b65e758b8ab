// Secret masking: values under secret-looking keys at any depth, and credentials inside URLs in any string.
import { describe, expect, it } from "vitest";
import { isSecretKey, MASK, maskSecrets, maskUrlCredentials, REDACTED } from "../../src/ops/maskSecrets.js";

describe("isSecretKey", () => {
  it.each(["key", "apiKey", "api_key", "API-KEY", "x-api-key", "token", "accessToken", "refresh_token", "secret", "clientSecret", "password", "dbPassword", "Authorization", "cookie", "Set-Cookie", "openaiApiKey"])(
    "%s is secret",
    (k) => expect(isSecretKey(k)).toBe(true),
  );
  it.each(["cacheKey", "primaryKey", "textHash", "tokens", "maxTokens", "tokenCount", "route", "keyboard", "requestId"])("%s is not", (k) =>
    expect(isSecretKey(k)).toBe(false),
  );
});

describe("maskUrlCredentials", () => {
  it("masks the password of a connection URL", () => {
    expect(maskUrlCredentials("postgres://u:pass@h")).toBe(`postgres://u:${MASK}@h`);
    expect(maskUrlCredentials("connecting to redis://:s3cr3t@cache:6379/0 now")).toBe(`connecting to redis://:${MASK}@cache:6379/0 now`);
    expect(maskUrlCredentials("a postgresql://app:p%40ss@db/x and mysql://root:toor@m")).toBe(
      `a postgresql://app:${MASK}@db/x and mysql://root:${MASK}@m`,
    );
  });

  it("leaves URLs without a password alone", () => {
    for (const s of ["https://example.com/a?b=1", "postgres://u@h/db", "http://h:8080/x", "see 10:30 @ cafe"]) {
      expect(maskUrlCredentials(s)).toBe(s);
    }
  });

  it("masks secret query parameters only", () => {
    expect(maskUrlCredentials("https://h/cb?code=1&api_key=abc&token=t#x")).toBe(`https://h/cb?code=1&api_key=${MASK}&token=${MASK}#x`);
  });

  it("does not reach across JSON strings in a serialised line", () => {
    const line = JSON.stringify({ a: "http://x", b: "user:pw@host" });
    expect(maskUrlCredentials(line)).toBe(line);
  });
});

describe("maskSecrets", () => {
  it("masks secret keys at any depth, in objects, arrays and Maps", () => {
    const input = {
      user: "ann",
      config: { llm: { openaiApiKey: "sk-1", nested: [{ password: "p", ok: 1 }] } },
      headers: { Authorization: "Bearer abc", "x-api-key": "k", cookie: "sid=1", accept: "json" },
      map: new Map<string, unknown>([["token", "t"], ["n", 2]]),
    };
    expect(maskSecrets(input)).toEqual({
      user: "ann",
      config: { llm: { openaiApiKey: REDACTED, nested: [{ password: REDACTED, ok: 1 }] } },
      headers: { Authorization: REDACTED, "x-api-key": REDACTED, cookie: REDACTED, accept: "json" },
      map: { token: REDACTED, n: 2 },
    });
    // The input is untouched.
    expect(input.config.llm.openaiApiKey).toBe("sk-1");
  });

  it("masks a whole object under a secret key", () => {
    expect(maskSecrets({ secret: { a: 1 } })).toEqual({ secret: REDACTED });
  });

  it("masks URL passwords in any string value", () => {
    expect(maskSecrets({ store: { databaseUrl: "postgres://u:pass@h/db" }, list: ["redis://:x@r"] })).toEqual({
      store: { databaseUrl: `postgres://u:${MASK}@h/db` },
      list: [`redis://:${MASK}@r`],
    });
  });

  it("keeps an Error's class, message and stack, masked, with its own fields", () => {
    const err = Object.assign(new TypeError("cannot reach postgres://u:pw@db"), { code: "ECONNREFUSED", password: "pw" });
    const out = maskSecrets({ err }) as unknown as { err: TypeError & Record<string, unknown> };
    expect(out.err).toBeInstanceOf(TypeError);
    expect(out.err).not.toBe(err);
    expect(out.err.message).toBe(`cannot reach postgres://u:${MASK}@db`);
    expect(String(out.err.stack)).not.toContain(":pw@");
    expect(out.err.code).toBe("ECONNREFUSED");
    expect(out.err.password).toBe(REDACTED);
    expect(err.message).toContain(":pw@");
  });

  it("masks an error's cause", () => {
    const err = new Error("outer", { cause: new Error("inner postgres://u:pw@db") });
    expect(((maskSecrets(err).cause as Error).message)).toBe(`inner postgres://u:${MASK}@db`);
  });

  it("masks values with toJSON as JSON would show them", () => {
    const d = new Date("2026-01-02T03:04:05Z");
    expect(maskSecrets({ d, u: new URL("https://a:b@h/") })).toEqual({ d: "2026-01-02T03:04:05.000Z", u: `https://a:${MASK}@h/` });
  });

  it("survives cycles and keeps shared (non-circular) objects", () => {
    const shared = { v: 1 };
    const o: Record<string, unknown> = { a: shared, b: shared };
    o.self = o;
    expect(maskSecrets(o)).toEqual({ a: { v: 1 }, b: { v: 1 }, self: "[Circular]" });
  });

  it("passes primitives and class instances through", () => {
    class Req {
      constructor(readonly token: string) {}
    }
    const r = new Req("t");
    expect(maskSecrets(3)).toBe(3);
    expect(maskSecrets(null)).toBe(null);
    expect(maskSecrets({ r }).r).toBe(r);
  });
});
