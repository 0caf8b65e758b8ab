// The HTTP fetcher's exchange: a successful fetch and what it returns, conditional requests, the User-Agent,
// URL checks, the size cap, the timeout and cancellation. Against a real server on 127.0.0.1.
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { send, testFetcher, useServers } from "./testServer.js";

const serve = useServers();

describe("http fetcher", () => {
  it("returns the body, final URL, status, content type and validators", async () => {
    const s = await serve((req, res) => {
      if (req.url === "/events") send(res, 200, "<h1>Jazz night</h1>", { "content-type": "text/html", etag: '"v1"', "last-modified": "Sun, 01 Jun 2025 10:00:00 GMT" });
      else send(res, 404);
    });
    const result = await testFetcher().fetch({ url: `${s.origin}/events#today` });
    expect(result).toEqual({
      status: "ok",
      url: `${s.origin}/events`,
      httpStatus: 200,
      contentType: "text/html",
      body: Buffer.from("<h1>Jazz night</h1>"),
      etag: '"v1"',
      lastModified: "Sun, 01 Jun 2025 10:00:00 GMT",
    });
  });

  it("returns null validators when the server sends none", async () => {
    const s = await serve((req, res) => (req.url === "/plain" ? send(res, 200, "x") : send(res, 404)));
    expect(await testFetcher().fetch({ url: `${s.origin}/plain` })).toMatchObject({ status: "ok", etag: null, lastModified: null });
  });

  it("sends the validators and reports 304 as not-modified", async () => {
    const s = await serve((req, res) => (req.url === "/feed.ics" ? send(res, 304) : send(res, 404)));
    const result = await testFetcher().fetch({ url: `${s.origin}/feed.ics`, etag: '"v1"', lastModified: "Sun, 01 Jun 2025 10:00:00 GMT" });
    expect(result).toEqual({ status: "not-modified", url: `${s.origin}/feed.ics`, httpStatus: 304 });
    const [seen] = s.hits("/feed.ics");
    expect(seen.headers["if-none-match"]).toBe('"v1"');
    expect(seen.headers["if-modified-since"]).toBe("Sun, 01 Jun 2025 10:00:00 GMT");
  });

  it("sends no validators when it has none", async () => {
    const s = await serve((_req, res) => send(res, 200, "x"));
    await testFetcher().fetch({ url: `${s.origin}/a`, etag: null, lastModified: null });
    expect(s.hits("/a")[0].headers).not.toHaveProperty("if-none-match");
    expect(s.hits("/a")[0].headers).not.toHaveProperty("if-modified-since");
  });

  it("sends its User-Agent on the page and on robots.txt", async () => {
    const s = await serve((_req, res) => send(res, 200, "x"));
    await testFetcher({ userAgent: "calendar-api/9.9 (+https://example.test; event scraper)" }).fetch({ url: `${s.origin}/a` });
    expect(s.seen.map((r) => [r.path, r.headers["user-agent"]])).toEqual([
      ["/robots.txt", "calendar-api/9.9 (+https://example.test; event scraper)"],
      ["/a", "calendar-api/9.9 (+https://example.test; event scraper)"],
    ]);
  });

  it.each(["ftp://example.test/x", "file:///etc/passwd", "not a url", "javascript:alert(1)"])("refuses %s as invalid-url", async (url) => {
    await expect(testFetcher().fetch({ url })).rejects.toMatchObject({ name: "FetchError", reason: "invalid-url", retryable: false });
  });

  it("fails too-large, not retryable, when a streamed body passes the cap, and does not retry", async () => {
    const s = await serve((req, res) => {
      if (req.url !== "/huge") return send(res, 404);
      res.writeHead(200, { "content-type": "text/html" }); // no Content-Length: chunked
      const chunk = Buffer.alloc(16 * 1024, "a");
      const timer = setInterval(() => res.write(chunk), 1);
      res.on("close", () => clearInterval(timer));
    });
    const fetching = testFetcher({ maxBytes: 64 * 1024 }).fetch({ url: `${s.origin}/huge` });
    await expect(fetching).rejects.toMatchObject({ reason: "too-large", retryable: false });
    expect(s.hits("/huge")).toHaveLength(1);
  });

  it("refuses a declared Content-Length over the cap", async () => {
    const s = await serve((req, res) => (req.url === "/big" ? send(res, 200, "x".repeat(2_000)) : send(res, 404)));
    await expect(testFetcher({ maxBytes: 1_000 }).fetch({ url: `${s.origin}/big` })).rejects.toMatchObject({ reason: "too-large" });
  });

  it("decodes gzip and applies the cap to the decoded body", async () => {
    const page = Buffer.alloc(200 * 1024, "a"); // compresses to a few hundred bytes
    const s = await serve((_req, res) => send(res, 200, gzipSync(page), { "content-encoding": "gzip" }));
    const small = await testFetcher({ respectRobots: false }).fetch({ url: `${s.origin}/zipped` });
    expect(small.status === "ok" && small.body.equals(page)).toBe(true);
    await expect(testFetcher({ respectRobots: false, maxBytes: 64 * 1024 }).fetch({ url: `${s.origin}/zipped` })).rejects.toMatchObject({ reason: "too-large" });
  });

  it("accepts a body exactly at the cap", async () => {
    const s = await serve((_req, res) => send(res, 200, "x".repeat(1_000)));
    const result = await testFetcher({ maxBytes: 1_000, respectRobots: false }).fetch({ url: `${s.origin}/edge` });
    expect(result.status === "ok" && result.body.length).toBe(1_000);
  });

  it("times out, retryably, on a server that never answers", async () => {
    const s = await serve((req, res) => {
      if (req.url !== "/hang") send(res, 404);
    });
    await expect(testFetcher({ timeoutMs: 150, retries: 0 }).fetch({ url: `${s.origin}/hang` })).rejects.toMatchObject({ reason: "timeout", retryable: true });
  });

  it("times out on a body that stops halfway", async () => {
    const s = await serve((req, res) => {
      if (req.url !== "/stall") return send(res, 404);
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<html>");
    });
    await expect(testFetcher({ timeoutMs: 150, retries: 0 }).fetch({ url: `${s.origin}/stall` })).rejects.toMatchObject({ reason: "timeout" });
  });

  it("stops when the caller aborts, with the signal's reason", async () => {
    const s = await serve((req, res) => {
      if (req.url !== "/hang") send(res, 404);
    });
    const controller = new AbortController();
    const fetching = testFetcher().fetch({ url: `${s.origin}/hang`, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(fetching).rejects.toMatchObject({ name: "AbortError" });
  });

  it("rejects at once when the signal has already aborted, without a request", async () => {
    const s = await serve((_req, res) => send(res, 200, "x"));
    await expect(testFetcher().fetch({ url: `${s.origin}/a`, signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
    expect(s.seen).toHaveLength(0);
  });
});
