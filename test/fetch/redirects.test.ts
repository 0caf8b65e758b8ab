// Redirects: followed by hand (relative or across origins), counted against maxRedirects, each hop asked of
// robots.txt, and only to http: and https: URLs.
import { describe, expect, it } from "vitest";
import { send, testFetcher, useServers } from "./testServer.js";

const serve = useServers();

describe("fetcher redirects", () => {
  it("follows a chain and reports the final URL", async () => {
    const s = await serve((req, res) => {
      if (req.url === "/old") send(res, 301, "", { location: "/moved" });
      else if (req.url === "/moved") send(res, 302, "", { location: "new?x=1" });
      else if (req.url === "/new?x=1") send(res, 200, "here", { etag: '"e"' });
      else send(res, 404);
    });
    const result = await testFetcher().fetch({ url: `${s.origin}/old` });
    expect(result).toMatchObject({ status: "ok", url: `${s.origin}/new?x=1`, httpStatus: 200, etag: '"e"' });
    expect(s.seen.map((r) => r.path)).toEqual(["/robots.txt", "/old", "/moved", "/new?x=1"]);
  });

  it("follows a redirect to another origin", async () => {
    const target = await serve((req, res) => (req.url === "/feed" ? send(res, 200, "feed") : send(res, 404)));
    const s = await serve((req, res) => (req.url === "/go" ? send(res, 307, "", { location: `${target.origin}/feed` }) : send(res, 404)));
    expect(await testFetcher().fetch({ url: `${s.origin}/go` })).toMatchObject({ status: "ok", url: `${target.origin}/feed` });
    expect(target.seen.map((r) => r.path)).toEqual(["/robots.txt", "/feed"]);
  });

  it("refuses a hop that the target's robots.txt disallows, without requesting it", async () => {
    const target = await serve((req, res) => (req.url === "/robots.txt" ? send(res, 200, "User-agent: *\nDisallow: /") : send(res, 200, "x")));
    const s = await serve((req, res) => (req.url === "/go" ? send(res, 302, "", { location: `${target.origin}/page` }) : send(res, 404)));
    await expect(testFetcher().fetch({ url: `${s.origin}/go` })).rejects.toMatchObject({ reason: "robots", retryable: false });
    expect(target.hits("/page")).toHaveLength(0);
  });

  it("stops after maxRedirects: invalid-url, not retryable, maxRedirects + 1 requests", async () => {
    const s = await serve((req, res) => {
      const n = Number(/^\/r\/(\d+)$/.exec(req.url ?? "")?.[1] ?? Number.NaN);
      if (Number.isNaN(n)) send(res, 404);
      else send(res, 302, "", { location: `/r/${n + 1}` });
    });
    await expect(testFetcher({ maxRedirects: 3 }).fetch({ url: `${s.origin}/r/0` })).rejects.toMatchObject({ reason: "invalid-url", retryable: false, httpStatus: 302 });
    expect(s.seen.filter((r) => r.path.startsWith("/r/")).map((r) => r.path)).toEqual(["/r/0", "/r/1", "/r/2", "/r/3"]);
  });

  it("follows exactly maxRedirects", async () => {
    const s = await serve((req, res) => {
      if (req.url === "/r/2") send(res, 200, "end");
      else if (req.url === "/r/0" || req.url === "/r/1") send(res, 302, "", { location: `/r/${Number(req.url.slice(3)) + 1}` });
      else send(res, 404);
    });
    expect(await testFetcher({ maxRedirects: 2 }).fetch({ url: `${s.origin}/r/0` })).toMatchObject({ status: "ok", url: `${s.origin}/r/2` });
  });

  it("refuses a redirect to a non-http URL", async () => {
    const s = await serve((req, res) => (req.url === "/go" ? send(res, 302, "", { location: "ftp://example.test/file" }) : send(res, 404)));
    await expect(testFetcher().fetch({ url: `${s.origin}/go` })).rejects.toMatchObject({ reason: "invalid-url", retryable: false });
  });

  it("refuses a redirect without a Location", async () => {
    const s = await serve((req, res) => (req.url === "/go" ? send(res, 302) : send(res, 404)));
    await expect(testFetcher().fetch({ url: `${s.origin}/go` })).rejects.toMatchObject({ reason: "invalid-url", httpStatus: 302 });
  });

  it("reports a 304 at the end of a redirect as not-modified at that URL", async () => {
    const s = await serve((req, res) => {
      if (req.url === "/go") send(res, 301, "", { location: "/feed" });
      else if (req.url === "/feed") send(res, req.headers["if-none-match"] === '"v1"' ? 304 : 200, "feed");
      else send(res, 404);
    });
    expect(await testFetcher().fetch({ url: `${s.origin}/go`, etag: '"v1"' })).toEqual({ status: "not-modified", url: `${s.origin}/feed`, httpStatus: 304 });
  });

  it("follows a redirected robots.txt", async () => {
    const s = await serve((req, res) => {
      if (req.url === "/robots.txt") send(res, 301, "", { location: "/real-robots.txt" });
      else if (req.url === "/real-robots.txt") send(res, 200, "User-agent: *\nDisallow: /no");
      else send(res, 200, "x");
    });
    await expect(testFetcher().fetch({ url: `${s.origin}/no` })).rejects.toMatchObject({ reason: "robots" });
  });
});
