/** REDIS_URL → the connection options BullMQ's ioredis gets. */
import { describe, expect, it } from "vitest";
import { redisConnectionOptions } from "../../src/adapters/redis/connection.js";

describe("redisConnectionOptions", () => {
  it("reads host, port, credentials and database; defaults 6379 and db 0", () => {
    expect(redisConnectionOptions("redis://127.0.0.1:6379", false)).toEqual({ host: "127.0.0.1", port: 6379, username: undefined, password: undefined, db: 0 });
    expect(redisConnectionOptions("redis://default:p%40ss@cache.internal/3", false)).toEqual({
      host: "cache.internal",
      port: 6379,
      username: "default",
      password: "p@ss",
      db: 3,
    });
  });

  it("rediss:// turns TLS on; IPv6 hosts lose their brackets", () => {
    expect(redisConnectionOptions("rediss://[::1]:6380", false)).toMatchObject({ host: "::1", port: 6380, tls: {} });
  });

  it("blocking connections (workers) never give up on a request", () => {
    expect(redisConnectionOptions("redis://localhost", true)).toMatchObject({ maxRetriesPerRequest: null });
    expect(redisConnectionOptions("redis://localhost", false)).not.toHaveProperty("maxRetriesPerRequest");
  });

  it("rejects other schemes and a database that is not a number", () => {
    expect(() => redisConnectionOptions("http://localhost", false)).toThrow(/redis:\/\/ or rediss:\/\//);
    expect(() => redisConnectionOptions("redis://localhost/cache", false)).toThrow(/database must be a number/);
  });
});
