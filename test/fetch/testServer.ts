// A real HTTP server on 127.0.0.1 for the fetcher tests: records every request it sees, with its arrival time.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";
import type { Sleep } from "../../src/adapters/fetch/abort.js";
import { createHttpFetcher } from "../../src/adapters/fetch/httpFetcher.js";
import type { HttpFetcherOptions } from "../../src/adapters/fetch/options.js";
import type { Fetcher } from "../../src/ports/fetcher.js";

export interface SeenRequest {
  path: string;
  headers: IncomingHttpHeaders;
  /** When the request arrived: performance.now(), or the injected `now`. */
  at: number;
}

export interface TestServer {
  origin: string;
  seen: SeenRequest[];
  /** The requests for `path` only. */
  hits(path: string): SeenRequest[];
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export async function startServer(handler: Handler, now: () => number = () => performance.now()): Promise<TestServer> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    seen.push({ path: req.url ?? "", headers: req.headers, at: now() });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    hits: (path) => seen.filter((r) => r.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Starts servers for the tests of one file and closes them after each test. */
export function useServers(): (handler: Handler, now?: () => number) => Promise<TestServer> {
  const started: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.close()));
  });
  return async (handler, now) => {
    const server = await startServer(handler, now);
    started.push(server);
    return server;
  };
}

export function send(res: ServerResponse, status: number, body: string | Buffer = "", headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
  res.end(body);
}

/**
 * Injected time for the fetcher and the server alike: `sleep` returns at once and moves `now` to when it would
 * have ended, so gaps are exact whatever the machine's load. Only meaningful for requests made one after another.
 */
export function fakeTime(start = 1_000_000): { now: () => number; sleep: Sleep } {
  let t = start;
  return {
    now: () => t,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      const end = t + ms;
      await Promise.resolve();
      t = Math.max(t, end);
    },
  };
}

/** A fetcher with test-sized waits: no host gap, 1 ms backoff, 2 s timeout, a recognisable User-Agent. */
export function testFetcher(options: HttpFetcherOptions = {}): Fetcher {
  return createHttpFetcher({
    userAgent: "calendar-api-test/1.0 (+https://example.test)",
    perHostDelayMs: 0,
    retryBaseDelayMs: 1,
    timeoutMs: 2_000,
    ...options,
  });
}
