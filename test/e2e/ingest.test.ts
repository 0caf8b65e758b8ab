/**
 * Ingestion end to end over real sockets: the CLI's `serve` (embedded: SQLite, the local queue and its
 * in-process workers) takes an upload and reads it in the background; and the distributed shape — `serve`
 * with the Redis queue, which only enqueues, beside a `calendar-api worker` process that consumes — when
 * REDIS_URL is set. The worker drains and exits 0 on SIGTERM.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type CliServer, eventually, expectProblem, startCli } from "./helpers.js";

const FLYER = "Community Garden Cleanup on Saturday, April 10, 2027 from 9am to noon at Riverside Park";
const running: CliServer[] = [];

afterEach(async () => {
  for (const server of running.splice(0).reverse()) await server.cleanup();
});

async function upload(url: string, body: string | Buffer, contentType: string): Promise<Response> {
  return fetch(`${url}/api/v1/ingest?timezone=America/New_York`, { method: "POST", body: typeof body === "string" ? body : new Uint8Array(body), headers: { "content-type": contentType } });
}

async function jobWhenFinished(url: string, id: string): Promise<Record<string, any>> {
  const job = await eventually(async () => {
    const current = (await (await fetch(`${url}/api/v1/jobs/${id}`)).json()) as Record<string, any>;
    return current.state === "completed" || current.state === "dead" ? current : null;
  }, 30_000, 100);
  if (!job) throw new Error(`job ${id} did not finish within 30 s`);
  return job;
}

describe("ingestion, embedded (SQLite, local queue, in-process workers)", () => {
  it("acknowledges an upload with 202, reads it in the background, and dead-letters a corrupt PDF", async () => {
    const api = await startCli({ CALENDAR_API__QUEUE__BACKOFF_MS: "10" });
    running.push(api);
    const res = await upload(api.url, FLYER, "text/plain");
    expect(res.status).toBe(202);
    const { job } = (await res.json()) as { job: { id: string } };
    expect((await jobWhenFinished(api.url, job.id)).result).toMatchObject({ kind: "text", found: 1, created: 1 });
    const events = (await (await fetch(`${api.url}/events?from=2027-04-01T00:00:00Z&to=2027-05-01T00:00:00Z`)).json()) as { events: Array<Record<string, unknown>> };
    expect(events.events).toEqual([expect.objectContaining({ title: "Community Garden Cleanup", start: "2027-04-10T09:00:00-04:00", end: "2027-04-10T12:00:00-04:00", location: "Riverside Park" })]);

    const bad = (await (await upload(api.url, Buffer.from("%PDF-1.7 truncated"), "application/pdf")).json()) as { job: { id: string } };
    const dead = await jobWhenFinished(api.url, bad.job.id);
    expect(dead).toMatchObject({ state: "dead", attempts: 1 });
    const dlq = (await (await fetch(`${api.url}/api/v1/admin/dlq`)).json()) as { total: number };
    expect(dlq.total).toBe(1);
    await expectProblem(await upload(api.url, Buffer.from("GIF89a"), "image/gif"), 415, "UNSUPPORTED_DOCUMENT", "file");
    expect(await api.stop()).toEqual({ code: 0, signal: null });
  }, 60_000);
});

const redisUrl = process.env.REDIS_URL;
describe.skipIf(!redisUrl)(`ingestion, distributed (Redis queue, a separate worker process)${redisUrl ? "" : " (skipped: REDIS_URL is not set)"}`, () => {
  it("the API only enqueues; the worker process reads the job; SIGTERM drains the worker", async () => {
    const dir = mkdtempSync(join(tmpdir(), "calendar-e2e-dist-"));
    // A prefix of its own keeps this run's queue apart from every other suite using the same Redis.
    const env = { QUEUE_BACKEND: "redis", REDIS_URL: redisUrl!, CALENDAR_API__QUEUE__REDIS_PREFIX: `calendar-e2e-${randomBytes(4).toString("hex")}`, WORKER_THREADS: "2" };
    try {
      const api = await startCli(env, { dir });
      running.push(api);
      const res = await upload(api.url, FLYER, "text/plain");
      expect(res.status).toBe(202);
      const { job } = (await res.json()) as { job: { id: string } };
      // No worker yet: the job waits in Redis.
      await new Promise((r) => setTimeout(r, 500));
      expect(((await (await fetch(`${api.url}/api/v1/jobs/${job.id}`)).json()) as { state: string }).state).toBe("waiting");
      const metricsBefore = await (await fetch(`${api.url}/metrics`)).text();
      expect(metricsBefore).toMatch(/^queue_depth\{queue="ingest"\} 1$/m);
      expect(metricsBefore).toMatch(/^active_workers 0$/m);

      const worker = await startCli(env, { dir, command: "worker" });
      running.push(worker);
      expect((await jobWhenFinished(api.url, job.id)).result).toMatchObject({ found: 1, created: 1 });
      const workerMetrics = await (await fetch(`${worker.url}/metrics`)).text();
      expect(workerMetrics).toMatch(/^jobs_processed_total\{queue="ingest",status="completed"\} 1$/m);
      expect(workerMetrics).toMatch(/^active_workers 2$/m);
      expect(await worker.stop()).toEqual({ code: 0, signal: null });
      expect(worker.output().stdout).toMatch(/worker consuming the redis queue/);
    } finally {
      for (const server of running.splice(0).reverse()) await server.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
