/**
 * The ingestion API in-process (app.inject) over the real SQLite store, the local job queue and workers,
 * file storage in a temporary directory, and a real HTTP server for scraped sources: uploads (202 + job),
 * unsupported types (415), corrupt files (dead letter with the reason), the DLQ admin routes, sources with
 * conditional re-scrapes, jobs by id, provenance, and dedup across sources.
 */
import { existsSync } from "node:fs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startIngestRuntime, type IngestRuntime } from "../../src/main/ingestRuntime.js";
import { CONCERT_PAGE_HTML, FEED_ICS, YOGA_POST_TXT } from "../ingest/documents.js";
import { type FixtureServer, startFixtureServer } from "../ingest/fixtureServer.js";
import { createHarness, expectProblem, type Harness, json, postJson } from "./harness.js";

const ADMIN = "admin-key-0123456789";
const WRITER = "write-key-0123456789";
const READER = "read-key-01234567890";
const KEYS = `ops:${ADMIN}:admin,ingest:${WRITER}:read+write,viewer:${READER}:read`;
const auth = (key: string) => ({ "x-api-key": key });

let server: FixtureServer;
let h: Harness;
let runtime: IngestRuntime | null;

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  h = await createHarness({ env: { API_KEYS: KEYS, CALENDAR_API__SCRAPER__PER_HOST_DELAY_MS: "0", CALENDAR_API__QUEUE__BACKOFF_MS: "10", CALENDAR_API__QUEUE__MAX_ATTEMPTS: "2" } });
  runtime = null;
});
afterEach(async () => {
  await runtime?.stop();
  await h.close();
});

function startWorkers(): void {
  runtime = startIngestRuntime(h.ingestion, { workerSlots: 2, schedulerIntervalMs: 0, logger: h.app.log as never });
}

/** Polls GET /api/v1/jobs/:id until the job has finished (completed or dead). */
async function finished(id: string): Promise<Record<string, any>> {
  for (let i = 0; i < 400; i++) {
    const res = await h.app.inject({ method: "GET", url: `/api/v1/jobs/${id}`, headers: auth(READER) });
    expect(res.statusCode, res.body).toBe(200);
    const job = json(res);
    if (job.state === "completed" || job.state === "dead") return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`job ${id} did not finish`);
}

function upload(body: string | Buffer, contentType: string, query = "") {
  return h.app.inject({ method: "POST", url: `/api/v1/ingest${query}`, payload: body, headers: { "content-type": contentType, ...auth(WRITER) } });
}

async function allEvents(): Promise<Array<Record<string, any>>> {
  return h.store.list({ limit: 500 });
}

describe("POST /api/v1/ingest", () => {
  it("stores the file, queues a job and answers 202 at once; the worker reads the events", async () => {
    const res = await upload(FEED_ICS, "text/calendar", "?timezone=America/New_York");
    expect(res.statusCode, res.body).toBe(202);
    const body = json(res);
    expect(body.job).toMatchObject({ name: "ingest-file", state: "waiting", attempts: 0 });
    expect(body.file).toMatchObject({ kind: "ics", size: Buffer.byteLength(FEED_ICS), contentType: "text/calendar" });
    expect(body.file.key).toMatch(/^[0-9a-f]{64}$/);
    expect(res.headers.location).toBe(`/api/v1/jobs/${body.job.id}`);
    expect(await allEvents()).toHaveLength(0);

    startWorkers();
    const job = await finished(body.job.id);
    expect(job.state).toBe("completed");
    expect(job.result).toMatchObject({ kind: "ics", found: 3, created: 3, merged: 0 });
    const events = await allEvents();
    expect(events.map((e) => e.title).sort()).toEqual(["Beginners Yoga", "Jazz Night with the Blue Trio", "Spring Craft Fair"]);
    const yoga = events.find((e) => e.title === "Beginners Yoga")!;
    expect(yoga).toMatchObject({ start: "2027-01-05T18:00:00-05:00", recurrence: "FREQ=WEEKLY;BYDAY=TU", timezone: "America/New_York", uid: "yoga-weekly@studio.test" });
  });

  it("accepts multipart uploads with a timezone field", async () => {
    const boundary = "----calendar-test";
    const payload = [
      `--${boundary}`, 'Content-Disposition: form-data; name="timezone"', "", "America/New_York",
      `--${boundary}`, 'Content-Disposition: form-data; name="file"; filename="yoga.txt"', "Content-Type: text/plain", "", YOGA_POST_TXT,
      `--${boundary}--`, "",
    ].join("\r\n");
    const res = await h.app.inject({ method: "POST", url: "/api/v1/ingest", payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}`, ...auth(WRITER) } });
    expect(res.statusCode, res.body).toBe(202);
    expect(json(res).file).toMatchObject({ kind: "text", filename: "yoga.txt" });
    startWorkers();
    const job = await finished(json(res).job.id);
    expect(job.result).toMatchObject({ found: 1, created: 1 });
    const [event] = await allEvents();
    expect(event).toMatchObject({ title: "Beginners Yoga", start: "2027-01-12T18:00:00-05:00", location: "Studio B", timezone: "America/New_York" });
  });

  it("refuses an unsupported type with a 415 problem and stores nothing", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expectProblem(await upload(png, "image/png"), 415, "UNSUPPORTED_DOCUMENT", "file");
    expect((await h.ingestion.queue.counts()).waiting).toBe(0);
  });

  it("needs a write-scope key", async () => {
    expectProblem(await h.app.inject({ method: "POST", url: "/api/v1/ingest", payload: "x", headers: { "content-type": "text/plain" } }), 401, "UNAUTHORIZED");
    expectProblem(await h.app.inject({ method: "POST", url: "/api/v1/ingest", payload: "x", headers: { "content-type": "text/plain", ...auth(READER) } }), 403, "FORBIDDEN");
  });

  it("refuses an empty body and a bad zone, naming the field", async () => {
    expectProblem(await upload("", "text/plain"), 400, "INVALID_SOURCE", "file");
    expectProblem(await upload("Dinner March 5, 2027 at 7pm", "text/plain", "?timezone=Mars/Base"), 400, "INVALID_TIMEZONE", "timezone");
  });

  it("sends a corrupt PDF to the dead-letter queue with its reason; stored events are untouched", async () => {
    startWorkers();
    const good = json(await upload(FEED_ICS, "text/calendar", "?timezone=America/New_York"));
    await finished(good.job.id);
    const before = await allEvents();

    const bad = json(await upload(Buffer.from("%PDF-1.7\nthis is not really a pdf\n%%EOF"), "application/pdf"));
    const job = await finished(bad.job.id);
    expect(job.state).toBe("dead");
    expect(job.attempts).toBe(1);
    expect(job.error).toMatch(/pdf/i);
    expect(await allEvents()).toEqual(before);

    const dlq = await h.app.inject({ method: "GET", url: "/api/v1/admin/dlq", headers: auth(ADMIN) });
    expect(dlq.statusCode).toBe(200);
    expect(json(dlq)).toMatchObject({ total: 1, jobs: [{ id: bad.job.id, state: "dead" }] });
    expect((await h.app.inject({ method: "GET", url: `/api/v1/admin/dlq/${bad.job.id}`, headers: auth(ADMIN) })).statusCode).toBe(200);
    expectProblem(await h.app.inject({ method: "GET", url: "/api/v1/admin/dlq", headers: auth(WRITER) }), 403, "FORBIDDEN");
    expectProblem(await h.app.inject({ method: "GET", url: `/api/v1/admin/dlq/${good.job.id}`, headers: auth(ADMIN) }), 404, "JOB_NOT_FOUND");

    // A retry runs it again (and it dies again: the bytes are still corrupt); a delete removes it.
    const retried = await h.app.inject({ method: "POST", url: `/api/v1/admin/dlq/${bad.job.id}/retry`, headers: auth(ADMIN) });
    expect(retried.statusCode, retried.body).toBe(202);
    expect(json(retried).state).not.toBe("dead");
    expect((await finished(bad.job.id)).state).toBe("dead");
    expect((await h.app.inject({ method: "DELETE", url: `/api/v1/admin/dlq/${bad.job.id}`, headers: auth(ADMIN) })).statusCode).toBe(204);
    expectProblem(await h.app.inject({ method: "GET", url: `/api/v1/jobs/${bad.job.id}`, headers: auth(READER) }), 404, "JOB_NOT_FOUND");
  });

  it("uploading the same flyer twice stores the file once and creates the event once", async () => {
    startWorkers();
    const first = json(await upload(YOGA_POST_TXT, "text/plain", "?timezone=America/New_York"));
    await finished(first.job.id);
    const second = json(await upload(YOGA_POST_TXT, "text/plain", "?timezone=America/New_York"));
    expect(second.file.key).toBe(first.file.key);
    expect(second.newFile).toBe(false);
    expect((await finished(second.job.id)).result).toMatchObject({ found: 1, created: 0, merged: 1 });
    expect(await allEvents()).toHaveLength(1);
  });
});

describe("/api/v1/sources", () => {
  it("registers a feed, detects its kind on the first run, and re-scrapes conditionally without creating anything", async () => {
    server.serve("/feed.ics", { contentType: "text/calendar; charset=utf-8", body: FEED_ICS });
    startWorkers();
    const created = await postJson(h.app, "/api/v1/sources", { url: `${server.url}/feed.ics`, timezone: "America/New_York", refreshMinutes: 60, name: "Studio feed" }, auth(WRITER));
    expect(created.statusCode, created.body).toBe(201);
    const { source, job } = json(created);
    expect(source).toMatchObject({ url: `${server.url}/feed.ics`, kind: null, refreshMinutes: 60, enabled: true, runs: 0 });
    expect((await finished(job.id)).result).toMatchObject({ status: "ingested", kind: "ics", found: 3, created: 3 });

    const listed = json(await h.app.inject({ method: "GET", url: "/api/v1/sources", headers: auth(READER) }));
    expect(listed.sources).toHaveLength(1);
    expect(listed.sources[0]).toMatchObject({ id: source.id, kind: "ics", eventsFound: 3, lastError: null, runs: 1 });
    expect(listed.sources[0].lastRunAt).toEqual(expect.any(String));

    const again = await h.app.inject({ method: "POST", url: `/api/v1/sources/${source.id}/scrape`, headers: auth(WRITER) });
    expect(again.statusCode, again.body).toBe(202);
    expect((await finished(json(again).job.id)).result).toMatchObject({ status: "not-modified" });
    const requests = server.requests("/feed.ics");
    expect(requests.at(-1)!["if-none-match"]).toMatch(/^"/);
    expect(requests.at(-1)!["user-agent"]).toMatch(/calendar-api/);
    expect(await allEvents()).toHaveLength(3);
  });

  it("records a failing source's error and dead-letters a 404 without retrying", async () => {
    startWorkers();
    const { source, job } = json(await postJson(h.app, "/api/v1/sources", { url: `${server.url}/missing.ics` }, auth(WRITER)));
    const done = await finished(job.id);
    expect(done).toMatchObject({ state: "dead", attempts: 1 });
    expect(done.error).toMatch(/404/);
    const after = json(await h.app.inject({ method: "GET", url: `/api/v1/sources/${source.id}`, headers: auth(READER) }));
    expect(after.lastError).toMatch(/404/);
  });

  it("refuses bad sources by field, duplicates by URL, and unknown ids", async () => {
    expectProblem(await postJson(h.app, "/api/v1/sources", { url: "ftp://example.test/feed.ics" }, auth(WRITER)), 400, "INVALID_SOURCE", "url");
    expectProblem(await postJson(h.app, "/api/v1/sources", { url: `${server.url}/a.ics`, refreshMinutes: 0 }, auth(WRITER)), 400, "INVALID_SOURCE", "refreshMinutes");
    expectProblem(await postJson(h.app, "/api/v1/sources", { url: `${server.url}/a.ics`, timezone: "Nowhere/City" }, auth(WRITER)), 400, "INVALID_TIMEZONE", "timezone");
    expect((await postJson(h.app, "/api/v1/sources", { url: `${server.url}/a.ics` }, auth(WRITER))).statusCode).toBe(201);
    expectProblem(await postJson(h.app, "/api/v1/sources", { url: `${server.url}/a.ics` }, auth(WRITER)), 409, "SOURCE_CONFLICT", "url");
    expectProblem(await h.app.inject({ method: "POST", url: "/api/v1/sources/src_nope/scrape", headers: auth(WRITER) }), 404, "SOURCE_NOT_FOUND");
    expectProblem(await h.app.inject({ method: "GET", url: "/api/v1/jobs/job_nope", headers: auth(READER) }), 404, "JOB_NOT_FOUND");
  });
});

const chromium = existsSync("/usr/bin/chromium");

describe.skipIf(!chromium)(`sources rendered in a browser${chromium ? "" : " (skipped: /usr/bin/chromium is not installed)"}`, () => {
  it("reads events a page builds with JavaScript only when the source asks for rendering", async () => {
    const page = `<!doctype html><html><body><ul id="events"></ul><script>
      const items = ["Pottery Workshop on March 20, 2027 at 10am at Clay Studio", "Life Drawing on March 27, 2027 at 7pm at Art House"];
      for (const text of items) { const li = document.createElement("li"); li.textContent = text; document.getElementById("events").appendChild(li); }
    </script></body></html>`;
    server.serve("/scripted.html", { contentType: "text/html", body: page });
    startWorkers();
    const plain = json(await postJson(h.app, "/api/v1/sources", { url: `${server.url}/scripted.html`, timezone: "America/New_York" }, auth(WRITER)));
    expect((await finished(plain.job.id)).result).toMatchObject({ status: "ingested", kind: "html", found: 0 });
    await h.app.inject({ method: "DELETE", url: `/api/v1/sources/${plain.source.id}`, headers: auth(WRITER) });

    const rendered = json(await postJson(h.app, "/api/v1/sources", { url: `${server.url}/scripted.html`, timezone: "America/New_York", render: true }, auth(WRITER)));
    expect(rendered.source.render).toBe(true);
    expect((await finished(rendered.job.id)).result).toMatchObject({ status: "ingested", kind: "html", found: 2, created: 2 });
    const titles = (await allEvents()).map((e) => [e.title, e.start, e.location]);
    expect(titles).toEqual([
      ["Pottery Workshop", "2027-03-20T10:00:00-04:00", "Clay Studio"],
      ["Life Drawing", "2027-03-27T19:00:00-04:00", "Art House"],
    ]);
  }, 60_000);
});

describe("dedup across sources", () => {
  it("a feed, a web page and a flyer become canonical events that list their sources", async () => {
    server.serve("/feed2.ics", { contentType: "text/calendar", body: FEED_ICS });
    server.serve("/concert.html", { contentType: "text/html; charset=utf-8", body: CONCERT_PAGE_HTML });
    startWorkers();
    const feed = json(await postJson(h.app, "/api/v1/sources", { url: `${server.url}/feed2.ics`, timezone: "America/New_York" }, auth(WRITER)));
    await finished(feed.job.id);
    const page = json(await postJson(h.app, "/api/v1/sources", { url: `${server.url}/concert.html`, timezone: "America/New_York" }, auth(WRITER)));
    expect((await finished(page.job.id)).result).toMatchObject({ kind: "html", found: 1, created: 0, merged: 1 });
    // A dated post of one Tuesday of the weekly class is that class's occurrence, not a new event.
    const post = json(await upload(YOGA_POST_TXT, "text/plain", "?timezone=America/New_York"));
    expect((await finished(post.job.id)).result).toMatchObject({ found: 1, created: 0, merged: 1 });

    const events = await allEvents();
    expect(events).toHaveLength(3);
    const concert = events.find((e) => e.uid === "concert-0312@hall.test")!;
    const provenance = json(await h.app.inject({ method: "GET", url: `/events/${concert.id}/sources`, headers: auth(READER) }));
    expect(provenance.sources.map((s: Record<string, unknown>) => [s.type, s.id, s.match])).toEqual([
      ["source", feed.source.id, "new"],
      ["source", page.source.id, "similar"],
    ]);
    expect(provenance.sources[1]).toMatchObject({ via: "json-ld", url: "https://hall.test/events/blue-trio" });
    const yoga = events.find((e) => e.uid === "yoga-weekly@studio.test")!;
    const yogaSources = json(await h.app.inject({ method: "GET", url: `/events/${yoga.id}/sources`, headers: auth(READER) })).sources;
    expect(yogaSources.map((s: Record<string, unknown>) => [s.type, s.match])).toEqual([["source", "new"], ["file", "occurrence"]]);
  });
});

describe("ingestion metrics", () => {
  it("exports queue depth, dead letters, job outcomes and extraction counts", async () => {
    startWorkers();
    await finished(json(await upload(FEED_ICS, "text/calendar")).job.id);
    await finished(json(await upload(Buffer.from("%PDF-1.4 broken"), "application/pdf")).job.id);
    const text = (await h.app.inject({ method: "GET", url: "/metrics" })).body;
    expect(text).toMatch(/^queue_depth\{queue="ingest"\} 0$/m);
    expect(text).toMatch(/^dead_letter_queue_depth 1$/m);
    expect(text).toMatch(/^active_workers 2$/m);
    expect(text).toMatch(/^jobs_processed_total\{queue="ingest",status="completed"\} 1$/m);
    expect(text).toMatch(/^jobs_processed_total\{queue="ingest",status="dead"\} 1$/m);
    expect(text).toMatch(/^scraper_events_extracted_total\{kind="ics"\} 3$/m);
    expect(text).toMatch(/^scraper_errors_total\{kind="pdf",reason="corrupt"\} 1$/m);
    expect(text).toMatch(/^job_processing_duration_seconds_count\{queue="ingest"\} 2$/m);
  });
});
