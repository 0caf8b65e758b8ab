/**
 * Rate-limit counts in Redis, against the real Redis when REDIS_URL is set: two limiters stand for two API
 * replicas sharing one count per key. Keys are written under a prefix of this run's own and deleted at the end.
 * The fallback cases (Redis unreachable) need no Redis and always run.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createRedisRateLimiter } from "../../src/adapters/redis/redisRateLimiter.js";
import { redisConnectionOptions } from "../../src/adapters/redis/connection.js";
import { createMemoryRateLimiter } from "../../src/http/plugins/rateLimiter.js";

const redisUrl = process.env.REDIS_URL;
const NOW = Date.parse("2026-12-04T10:00:00Z");
const prefix = `calendar-test-${process.pid}-${randomBytes(4).toString("hex")}`;

describe.skipIf(!redisUrl)(`Redis rate limiter${redisUrl ? "" : " (skipped: REDIS_URL is not set; set REDIS_URL=redis://… to run)"}`, () => {
  const opened: Array<{ close(): Promise<void> }> = [];
  const limiter = (perMinute: number, perHour: number, windowsMs?: { minute: number; hour: number }) => {
    const created = createRedisRateLimiter({ redisUrl: redisUrl!, prefix, perMinute, perHour, fallback: createMemoryRateLimiter(perMinute, perHour), onFallback: (reason) => fallbacks.push(reason), windowsMs });
    opened.push(created);
    return created;
  };
  const fallbacks: string[] = [];

  afterAll(async () => {
    for (const l of opened) await l.close();
    const redis = new Redis(redisConnectionOptions(redisUrl!, false));
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it("shares one count per key between replicas, with the minute window's limit, remaining and reset", async () => {
    const [a, b] = [limiter(3, 100), limiter(3, 100)];
    expect(await a.hit("ip:10.0.0.1", NOW)).toEqual({ allowed: true, limit: 3, remaining: 2, resetSeconds: 60 });
    expect(await b.hit("ip:10.0.0.1", NOW)).toMatchObject({ allowed: true, remaining: 1 });
    expect(await a.hit("ip:10.0.0.1", NOW)).toMatchObject({ allowed: true, remaining: 0 });
    const refused = await b.hit("ip:10.0.0.1", NOW);
    expect(refused).toMatchObject({ allowed: false, limit: 3, remaining: 0 });
    expect(refused.resetSeconds).toBeGreaterThan(55);
    expect(refused.resetSeconds).toBeLessThanOrEqual(60);
    // Another key counts on its own.
    expect(await b.hit("key:app", NOW)).toMatchObject({ allowed: true, remaining: 2 });
    expect(fallbacks).toEqual([]);
  });

  it("answers concurrent hits with one decision each: exactly the limit gets through", async () => {
    const replicas = [limiter(5, 100), limiter(5, 100), limiter(5, 100)];
    const decisions = await Promise.all(Array.from({ length: 12 }, (_, i) => replicas[i % 3].hit("ip:10.0.0.2", NOW)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    expect(decisions.map((d) => d.remaining).sort((x, y) => x - y)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4]);
  });

  it("refuses on the hour window once it runs out, and opens a window again after its length", async () => {
    const l = limiter(100, 2, { minute: 60_000, hour: 300 });
    expect(await l.hit("ip:10.0.0.3", NOW)).toMatchObject({ allowed: true, limit: 2, remaining: 1 });
    await l.hit("ip:10.0.0.3", NOW);
    const refused = await l.hit("ip:10.0.0.3", NOW);
    expect(refused).toMatchObject({ allowed: false, limit: 2, remaining: 0, resetSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await l.hit("ip:10.0.0.3", NOW)).toMatchObject({ allowed: true, limit: 2, remaining: 1 });
  });
});

describe("Redis rate limiter without Redis", () => {
  it("decides with its in-memory fallback at the same limits and says why, when nothing listens", async () => {
    // A port that was free a moment ago: connections are refused.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const address = server.address() as { port: number };
        server.close(() => resolve(address.port));
      });
    });
    const reasons: string[] = [];
    const l = createRedisRateLimiter({ redisUrl: `redis://127.0.0.1:${port}`, prefix, perMinute: 2, perHour: 100, fallback: createMemoryRateLimiter(2, 100), onFallback: (r) => void reasons.push(r), commandTimeoutMs: 100 });
    expect(await l.hit("ip:1", NOW)).toMatchObject({ allowed: true, remaining: 1 });
    expect(await l.hit("ip:1", NOW)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await l.hit("ip:1", NOW)).toMatchObject({ allowed: false });
    expect(reasons).toHaveLength(3);
    for (const reason of reasons) expect(reason).toMatch(/^Redis did not answer: /);
    await l.close();
    expect(await l.hit("ip:2", NOW)).toMatchObject({ allowed: true });
    expect(reasons.at(-1)).toBe("the Redis rate limiter was closed");
  });
});
