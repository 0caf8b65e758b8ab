/**
 * A real HTTP server for ingestion tests (127.0.0.1, ephemeral port): serves documents by path with ETags
 * and conditional requests, counts requests per path, and can be told to fail a path.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface FixtureDocument {
  contentType: string;
  body: string | Buffer;
  /** Answer with this status instead (e.g. 404, 500). */
  status?: number;
}

export interface FixtureServer {
  url: string;
  /** Sets (or replaces) what `path` serves. */
  serve(path: string, doc: FixtureDocument): void;
  /** Requests seen per path, with their headers, in order. */
  requests(path: string): IncomingHttpHeaders[];
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const docs = new Map<string, FixtureDocument>();
  const seen = new Map<string, IncomingHttpHeaders[]>();
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    seen.set(path, [...(seen.get(path) ?? []), req.headers]);
    const doc = docs.get(path);
    if (path === "/robots.txt" && !doc) return void res.writeHead(404).end();
    if (!doc) return void res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    if (doc.status !== undefined) return void res.writeHead(doc.status, { "content-type": "text/plain" }).end(`status ${doc.status}`);
    const body = Buffer.isBuffer(doc.body) ? doc.body : Buffer.from(doc.body);
    const etag = `"${createHash("sha1").update(body).digest("hex")}"`;
    if (req.headers["if-none-match"] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { "content-type": doc.contentType, etag, "content-length": body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    serve: (path, doc) => void docs.set(path, doc),
    requests: (path) => seen.get(path) ?? [],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
