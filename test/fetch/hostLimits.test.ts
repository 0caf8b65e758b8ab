// Politeness per host: no more than perHostConcurrency requests in flight, and a minimum gap between starts.
import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { fakeTime, send, testFetcher, useServers } from "./testServer.js";

const serve = useServers();

/**
 * A server that holds each page until `pairUp` pages are in flight (or a fallback passes, for a last one alone),
 * so it sees the most concurrency the client allows, and records the most it ever saw.
 */
async function holdingServer(pairUp: number) {
  let inFlight = 0;
  let maxInFlight = 0;
  const held: ServerResponse[] = [];
  const flush = (): void => {
    for (const res of held.splice(0)) send(res, 200, "page");
  };
  const s = await serve((req, res) => {
    if (req.url === "/robots.txt") return send(res, 404);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on("finish", () => inFlight--);
    held.push(res);
    if (held.length >= pairUp) flush();
    else setTimeout(() => held.includes(res) && flush(), 300);
  });
  return { server: s, maxInFlight: () => maxInFlight };
}

describe("per-host limits", () => {
  it("never has more than perHostConcurrency requests in flight at one host", async () => {
    const { server, maxInFlight } = await holdingServer(2);
    const fetcher = testFetcher({ perHostConcurrency: 2 });
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => fetcher.fetch({ url: `${server.origin}/page/${n}` })));
    expect(results.every((r) => r.status === "ok")).toBe(true);
    expect(maxInFlight()).toBe(2);
  });

  it("limits each host on its own", async () => {
    // Each server holds its pages until the other one also has a page in flight: only parallel hosts get through.
    const held: ServerResponse[][] = [[], []];
    let metInFlight = 0;
    const hold = (mine: number) => (req: IncomingMessage, res: ServerResponse) => {
      if (req.url === "/robots.txt") return send(res, 404);
      held[mine].push(res);
      if (held[1 - mine].length > 0) {
        metInFlight++;
        for (const r of held.flatMap((h) => h.splice(0))) send(r, 200, "page");
      }
    };
    const a = await serve(hold(0));
    const b = await serve(hold(1));
    const fetcher = testFetcher({ perHostConcurrency: 1, timeoutMs: 1_000, retries: 0 });
    await Promise.all([a, b, a, b].map((s, n) => fetcher.fetch({ url: `${s.origin}/page/${n}` })));
    expect(metInFlight).toBe(2);
  });

  it("spaces request starts by perHostDelayMs (server timestamps on the injected clock)", async () => {
    const time = fakeTime();
    const s = await serve((req, res) => send(res, req.url === "/robots.txt" ? 404 : 200, "page"), time.now);
    const fetcher = testFetcher({ perHostDelayMs: 1_000, ...time });
    for (const n of [1, 2, 3, 4]) await fetcher.fetch({ url: `${s.origin}/page/${n}` });
    const starts = s.seen.map((r) => r.at);
    const gaps = starts.slice(1).map((at, i) => at - starts[i]);
    expect(gaps).toEqual([1_000, 1_000, 1_000, 1_000]); // robots.txt, then the four pages
  });

  it("spaces parallel requests on real timers too", async () => {
    const s = await serve((req, res) => send(res, req.url === "/robots.txt" ? 404 : 200, "page"));
    const fetcher = testFetcher({ perHostDelayMs: 100, perHostConcurrency: 3 });
    await fetcher.fetch({ url: `${s.origin}/warm-up` });
    await Promise.all([1, 2, 3].map((n) => fetcher.fetch({ url: `${s.origin}/page/${n}` })));
    const starts = [1, 2, 3].map((n) => s.hits(`/page/${n}`)[0].at).sort((x, y) => x - y);
    // Unlimited, the three would arrive within a few ms. Two gaps of 100 ms make 200; asking for half of that
    // leaves room for a loaded machine delaying one request on its way without hiding a missing gap.
    expect(starts[2] - starts[0]).toBeGreaterThanOrEqual(100);
  });

  it("stops waiting for a host slot when the caller aborts", async () => {
    const { server } = await holdingServer(99);
    const fetcher = testFetcher({ perHostConcurrency: 1 });
    const first = fetcher.fetch({ url: `${server.origin}/page/1` });
    const controller = new AbortController();
    const second = fetcher.fetch({ url: `${server.origin}/page/2`, signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await expect(second).rejects.toMatchObject({ name: "AbortError" });
    expect(server.hits("/page/2")).toHaveLength(0);
    await expect(first).resolves.toMatchObject({ status: "ok" });
  });
});
