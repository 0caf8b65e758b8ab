// The fetcher and robots.txt: disallowed pages are never requested, 4xx allows, 5xx refuses for now
// (retryably), the file is cached per origin for its TTL, and Crawl-delay widens the gap between requests.
import { describe, expect, it } from "vitest";
import { fakeTime, send, testFetcher, useServers } from "./testServer.js";

const serve = useServers();

function site(robots: { status: number; body?: string }) {
  return serve((req, res) => (req.url === "/robots.txt" ? send(res, robots.status, robots.body ?? "") : send(res, 200, "page")));
}

describe("fetcher and robots.txt", () => {
  it("refuses a disallowed page with a non-retryable robots error and never requests it", async () => {
    const s = await site({ status: 200, body: "User-agent: *\nDisallow: /private" });
    await expect(testFetcher().fetch({ url: `${s.origin}/private/list` })).rejects.toMatchObject({ reason: "robots", retryable: false });
    expect(s.seen.map((r) => r.path)).toEqual(["/robots.txt"]);
  });

  it("fetches an allowed page on the same site", async () => {
    const s = await site({ status: 200, body: "User-agent: *\nDisallow: /private" });
    expect(await testFetcher().fetch({ url: `${s.origin}/events` })).toMatchObject({ status: "ok" });
  });

  it("obeys the group for its own User-Agent token", async () => {
    const s = await site({ status: 200, body: "User-agent: *\nAllow: /\n\nUser-agent: calendar-api-test\nDisallow: /" });
    await expect(testFetcher().fetch({ url: `${s.origin}/events` })).rejects.toMatchObject({ reason: "robots" });
  });

  it("allows everything when robots.txt is a 404", async () => {
    const s = await site({ status: 404 });
    expect(await testFetcher().fetch({ url: `${s.origin}/events` })).toMatchObject({ status: "ok" });
  });

  it("refuses for now, retryably, when robots.txt answers 5xx, and never requests the page", async () => {
    const s = await site({ status: 503 });
    await expect(testFetcher({ retries: 1 }).fetch({ url: `${s.origin}/events` })).rejects.toMatchObject({ reason: "robots", retryable: true, httpStatus: 503 });
    expect(s.hits("/events")).toHaveLength(0);
    expect(s.hits("/robots.txt")).toHaveLength(2);
  });

  it("does not cache a robots.txt failure", async () => {
    let robotsStatus = 500;
    const s = await serve((req, res) => (req.url === "/robots.txt" ? send(res, robotsStatus) : send(res, 200, "page")));
    const fetcher = testFetcher({ retries: 0 });
    await expect(fetcher.fetch({ url: `${s.origin}/a` })).rejects.toMatchObject({ reason: "robots", retryable: true });
    robotsStatus = 404;
    expect(await fetcher.fetch({ url: `${s.origin}/a` })).toMatchObject({ status: "ok" });
  });

  it("fetches robots.txt once per origin for concurrent and later fetches, until the TTL passes", async () => {
    let now = 1_000_000;
    const s = await site({ status: 200, body: "User-agent: *\nDisallow: /private" });
    const fetcher = testFetcher({ now: () => now, robotsTtlMs: 60_000 });
    await Promise.all(["/a", "/b", "/c"].map((p) => fetcher.fetch({ url: `${s.origin}${p}` })));
    await fetcher.fetch({ url: `${s.origin}/d` });
    expect(s.hits("/robots.txt")).toHaveLength(1);
    now += 60_001;
    await fetcher.fetch({ url: `${s.origin}/e` });
    expect(s.hits("/robots.txt")).toHaveLength(2);
  });

  it("does not read robots.txt when told not to", async () => {
    const s = await site({ status: 200, body: "User-agent: *\nDisallow: /" });
    expect(await testFetcher({ respectRobots: false }).fetch({ url: `${s.origin}/events` })).toMatchObject({ status: "ok" });
    expect(s.hits("/robots.txt")).toHaveLength(0);
  });

  it("spaces request starts by a Crawl-delay larger than perHostDelayMs", async () => {
    const time = fakeTime();
    const s = await serve((req, res) => send(res, 200, req.url === "/robots.txt" ? "User-agent: *\nCrawl-delay: 2.5" : "page"), time.now);
    const fetcher = testFetcher({ perHostDelayMs: 10, ...time });
    for (const p of ["/a", "/b", "/c"]) await fetcher.fetch({ url: `${s.origin}${p}` });
    const starts = ["/a", "/b", "/c"].map((p) => s.hits(p)[0].at);
    expect([starts[1] - starts[0], starts[2] - starts[1]]).toEqual([2_500, 2_500]);
  });

  it("caps a huge Crawl-delay at maxCrawlDelayMs", async () => {
    const time = fakeTime();
    const s = await serve((req, res) => send(res, 200, req.url === "/robots.txt" ? "User-agent: *\nCrawl-delay: 86400" : "page"), time.now);
    const fetcher = testFetcher({ maxCrawlDelayMs: 5_000, ...time });
    for (const p of ["/a", "/b"]) await fetcher.fetch({ url: `${s.origin}${p}` });
    expect(s.hits("/b")[0].at - s.hits("/a")[0].at).toBe(5_000);
  });
});
