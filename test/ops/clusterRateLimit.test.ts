// Cluster-wide rate limits: workers ask the primary, which keeps one count per key; a worker that gets no
// answer decides alone with its own limiter.
import { describe, expect, it } from "vitest";
import { createMemoryRateLimiter } from "../../src/http/plugins/rateLimiter.js";
import type { WorkerChannel } from "../../src/ops/clusterChannel.js";
import { type ClusterRateLimitMessage, createClusterRateLimiter, setupClusterRateLimitPrimary } from "../../src/ops/clusterRateLimit.js";
import { fakeCluster } from "./fakeCluster.js";

type Message = ClusterRateLimitMessage;
const fakeNet = () => fakeCluster<Message>();

const NOW = Date.parse("2026-12-04T10:00:00Z");

describe("cluster rate limits", () => {
  it("counts a key's requests across workers: the limit holds for the cluster, not per worker", async () => {
    const net = fakeNet();
    const primary = setupClusterRateLimitPrimary(createMemoryRateLimiter(3, 0), { channel: net.primary });
    const fallbacks: string[] = [];
    const onFallback = (reason: string) => void fallbacks.push(reason);
    const a = createClusterRateLimiter({ fallback: createMemoryRateLimiter(3, 0), channel: net.worker(1), onFallback });
    const b = createClusterRateLimiter({ fallback: createMemoryRateLimiter(3, 0), channel: net.worker(2), onFallback });

    const first = await a.hit("ip:10.0.0.1", NOW);
    expect(first).toMatchObject({ allowed: true, limit: 3, remaining: 2 });
    expect(await b.hit("ip:10.0.0.1", NOW + 10)).toMatchObject({ allowed: true, remaining: 1 });
    expect(await a.hit("ip:10.0.0.1", NOW + 20)).toMatchObject({ allowed: true, remaining: 0 });
    const refused = await b.hit("ip:10.0.0.1", NOW + 30);
    expect(refused).toMatchObject({ allowed: false, limit: 3, remaining: 0 });
    expect(refused.resetSeconds).toBe(60);
    // Another key has its own count; the window opens again a minute after it began.
    expect(await b.hit("ip:10.0.0.2", NOW + 40)).toMatchObject({ allowed: true, remaining: 2 });
    expect(await a.hit("ip:10.0.0.1", NOW + 60_000)).toMatchObject({ allowed: true, remaining: 2 });
    expect(fallbacks).toEqual([]);
    primary.stop();
    a.stop();
    b.stop();
  });

  it("answers concurrent hits from several workers each with its own decision", async () => {
    const net = fakeNet();
    const primary = setupClusterRateLimitPrimary(createMemoryRateLimiter(5, 0), { channel: net.primary });
    const limiters = [1, 2, 3].map((id) => createClusterRateLimiter({ fallback: createMemoryRateLimiter(5, 0), channel: net.worker(id) }));
    const decisions = await Promise.all(Array.from({ length: 9 }, (_, i) => limiters[i % 3].hit("key:app", NOW)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    expect(decisions.map((d) => d.remaining).sort()).toEqual([0, 0, 0, 0, 0, 1, 2, 3, 4]);
    primary.stop();
    for (const l of limiters) l.stop();
  });

  it("decides alone, at the same limits, when the primary does not answer in time", async () => {
    const net = fakeNet();
    const reasons: string[] = [];
    const limiter = createClusterRateLimiter({ fallback: createMemoryRateLimiter(2, 0), channel: net.worker(1), timeoutMs: 20, onFallback: (r) => void reasons.push(r) });
    // No primary listens.
    expect(await limiter.hit("ip:1", NOW)).toMatchObject({ allowed: true, remaining: 1 });
    expect(await limiter.hit("ip:1", NOW)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await limiter.hit("ip:1", NOW)).toMatchObject({ allowed: false });
    expect(reasons).toEqual(Array(3).fill("the primary did not answer within 20 ms"));
    limiter.stop();
  });

  it("decides alone when the channel cannot send, and after it was stopped", async () => {
    const reasons: string[] = [];
    const broken: WorkerChannel<Message> = {
      send: () => {
        throw new Error("channel closed");
      },
      onMessage: () => () => undefined,
    };
    const limiter = createClusterRateLimiter({ fallback: createMemoryRateLimiter(1, 0), channel: broken, onFallback: (r) => void reasons.push(r) });
    expect(await limiter.hit("ip:1", NOW)).toMatchObject({ allowed: true });
    limiter.stop();
    expect(await limiter.hit("ip:1", NOW)).toMatchObject({ allowed: false });
    expect(reasons).toEqual(["cannot reach the primary: channel closed", "the rate limiter was stopped"]);
  });

  it("ignores messages that are not its own and hits without a time", async () => {
    const net = fakeNet();
    const primary = setupClusterRateLimitPrimary(createMemoryRateLimiter(1, 0), { channel: net.primary });
    const other = net.worker(1);
    const limiter = createClusterRateLimiter({ fallback: createMemoryRateLimiter(1, 0), channel: net.worker(2) });
    other.send({ type: "calendar-api:rate-limit:hit-req", id: 0, key: "ip:1" });
    other.send({ type: "something-else", id: 0 } as Message);
    // Had the malformed hit counted, this one would be the second of a limit of 1.
    expect(await limiter.hit("ip:1", NOW)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await limiter.hit("ip:1", NOW)).toMatchObject({ allowed: false });
    primary.stop();
    limiter.stop();
  });
});
