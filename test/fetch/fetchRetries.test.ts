// Which HTTP failures the fetcher retries inside one fetch, how often, and what it throws at the end.
import { describe, expect, it } from "vitest";
import { send, testFetcher, useServers } from "./testServer.js";

const serve = useServers();

/** A server whose /page answers the given statuses in turn (the last one repeats). */
function sequence(statuses: Array<[status: number, headers?: Record<string, string>]>) {
  let n = 0;
  return serve((req, res) => {
    if (req.url !== "/page") return send(res, 404);
    const [status, headers] = statuses[Math.min(n++, statuses.length - 1)];
    send(res, status, status === 200 ? "fine" : "", headers);
  });
}

describe("fetch retries", () => {
  it("does not retry a 404: http-4xx, not retryable, exactly one request", async () => {
    const s = await sequence([[404]]);
    await expect(testFetcher().fetch({ url: `${s.origin}/page` })).rejects.toMatchObject({ reason: "http-4xx", retryable: false, httpStatus: 404 });
    expect(s.hits("/page")).toHaveLength(1);
  });

  it("succeeds after a 500 by retrying", async () => {
    const s = await sequence([[500], [200]]);
    expect(await testFetcher().fetch({ url: `${s.origin}/page` })).toMatchObject({ status: "ok", httpStatus: 200 });
    expect(s.hits("/page")).toHaveLength(2);
  });

  it("throws a retryable http-5xx after retries + 1 requests on a persistent 503", async () => {
    const s = await sequence([[503]]);
    await expect(testFetcher({ retries: 2 }).fetch({ url: `${s.origin}/page` })).rejects.toMatchObject({ reason: "http-5xx", retryable: true, httpStatus: 503 });
    expect(s.hits("/page")).toHaveLength(3);
  });

  it("makes one attempt when retries is 0", async () => {
    const s = await sequence([[502]]);
    await expect(testFetcher({ retries: 0 }).fetch({ url: `${s.origin}/page` })).rejects.toMatchObject({ reason: "http-5xx" });
    expect(s.hits("/page")).toHaveLength(1);
  });

  it("retries a 429 after a short Retry-After", async () => {
    const s = await sequence([[429, { "retry-after": "0" }], [200]]);
    expect(await testFetcher().fetch({ url: `${s.origin}/page` })).toMatchObject({ status: "ok" });
    expect(s.hits("/page")).toHaveLength(2);
  });

  it("gives a long Retry-After back to the job queue at once: retryable http-429, one request", async () => {
    const s = await sequence([[429, { "retry-after": "3600" }], [200]]);
    await expect(testFetcher().fetch({ url: `${s.origin}/page` })).rejects.toMatchObject({ reason: "http-429", retryable: true, httpStatus: 429 });
    expect(s.hits("/page")).toHaveLength(1);
  });

  it("retries network errors and then throws a retryable network error", async () => {
    const s = await serve((req, res) => (req.url === "/page" ? req.socket.destroy() : send(res, 404)));
    await expect(testFetcher({ retries: 1 }).fetch({ url: `${s.origin}/page` })).rejects.toMatchObject({ reason: "network", retryable: true });
    expect(s.hits("/page")).toHaveLength(2);
  });

  it("reports a refused connection as a retryable network error", async () => {
    const s = await serve((_req, res) => send(res, 200));
    const origin = s.origin;
    await s.close();
    await expect(testFetcher({ retries: 0, respectRobots: false }).fetch({ url: `${origin}/page` })).rejects.toMatchObject({ reason: "network", retryable: true });
  });

  it("stops backing off when the caller aborts", async () => {
    const s = await sequence([[503]]);
    const controller = new AbortController();
    const fetching = testFetcher({ retryBaseDelayMs: 60_000 }).fetch({ url: `${s.origin}/page`, signal: controller.signal });
    while (s.hits("/page").length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await expect(fetching).rejects.toMatchObject({ name: "AbortError" });
    expect(s.hits("/page")).toHaveLength(1);
  });
});
