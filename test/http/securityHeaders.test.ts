// The security headers plugin: helmet's default headers (without CSP) from a constant table, on every answer.
import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { SECURITY_HEADERS, securityHeadersPlugin } from "../../src/http/plugins/securityHeaders.js";

// helmet is installed with @fastify/helmet; once that is gone, the table stands on its own.
const helmet = await import("helmet").then((m) => m.default).catch(() => null);

let app: FastifyInstance;
afterEach(async () => {
  await app?.close();
});

async function build(): Promise<FastifyInstance> {
  app = Fastify();
  await app.register(securityHeadersPlugin);
  app.get("/ok", async () => ({ ok: true }));
  app.get("/refused", async () => {
    throw Object.assign(new Error("no"), { statusCode: 401 });
  });
  return app;
}

describe("security headers", () => {
  it("sets every header of the table on answers, errors and unknown routes", async () => {
    await build();
    for (const url of ["/ok", "/refused", "/missing"]) {
      const res = await app.inject({ method: "GET", url });
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers[name], `${url} ${name}`).toBe(value);
      expect(res.headers["x-powered-by"]).toBeUndefined();
      expect(res.headers["content-security-policy"]).toBeUndefined();
    }
  });

  it.skipIf(helmet === null)("says what helmet says by default with contentSecurityPolicy off (skipped: helmet not installed)", () => {
    const set: Record<string, string> = {};
    const response = { setHeader: (name: string, value: string) => (set[name.toLowerCase()] = value), removeHeader: () => undefined };
    helmet!({ contentSecurityPolicy: false })({} as never, response as never, () => undefined);
    expect(SECURITY_HEADERS).toEqual(set);
  });
});
