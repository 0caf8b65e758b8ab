// SIGTERM during load, on the real CLI with SQLite: ~200 concurrent POST /parse and POST /events, SIGTERM once
// a third of them were answered. Every answer that arrived is complete and valid, the process exits 0 within
// the grace period, what was acknowledged is on disk, and the logs end with the shutdown lines.
import { once } from "node:events";
import { request as httpRequest, Agent } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEventStore } from "../../src/adapters/store/open.js";
import { type CliServer, eventually, logLines, sleep, startCli, waitForStartupScoring } from "./helpers.js";

const GRACE_MS = 8_000;
const TOTAL = 200;
const CONCURRENCY = 40;
const SIGNAL_AFTER = 70;

interface Outcome {
  kind: "parse" | "event";
  /** Set when a response started. */
  status?: number;
  contentType?: string;
  body?: string;
  /** The body arrived whole (the response's "end" fired and its length matched). */
  complete?: boolean;
  /** Failure before any response (refused, reset before answering) or during it. */
  error?: { code: string; phase: "before-response" | "mid-response" };
  sentAfterSignal: boolean;
}

/** One request over node:http, recording exactly where it ended. */
function send(agent: Agent, port: number, path: string, payload: unknown, kind: Outcome["kind"], signalled: () => boolean): Promise<Outcome> {
  const data = JSON.stringify(payload);
  const outcome: Outcome = { kind, sentAfterSignal: signalled() };
  return new Promise((resolveOutcome) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data) } }, (res) => {
      outcome.status = res.statusCode;
      outcome.contentType = String(res.headers["content-type"] ?? "");
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        outcome.body = Buffer.concat(chunks).toString("utf8");
        const expected = res.headers["content-length"];
        outcome.complete = res.complete && (expected === undefined || Number(expected) === Buffer.byteLength(outcome.body));
        resolveOutcome(outcome);
      });
      res.on("error", (error: NodeJS.ErrnoException) => {
        outcome.error = { code: error.code ?? error.message, phase: "mid-response" };
        resolveOutcome(outcome);
      });
      res.on("aborted", () => {
        outcome.error = { code: "aborted", phase: "mid-response" };
        resolveOutcome(outcome);
      });
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (outcome.status === undefined) outcome.error = { code: error.code ?? error.message, phase: "before-response" };
      resolveOutcome(outcome);
    });
    req.end(data);
  });
}

describe("e2e: SIGTERM during load (SQLite, child process)", () => {
  let server: CliServer;
  let outcomes: Outcome[] = [];
  let exit: { code: number | null; signal: NodeJS.Signals | null };
  let exitMs = 0;
  const readiness: Array<{ status: number | string; code?: string }> = [];
  let storedAfter = -1;

  beforeAll(async () => {
    server = await startCli({ SHUTDOWN_GRACE_MS: String(GRACE_MS), LOG_LEVEL: "info" });
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    let signalledAt = 0;
    const signalled = () => signalledAt > 0;

    // A readiness poller on its own connection, every 5 ms from the signal on.
    const probeAgent = new Agent({ keepAlive: true, maxSockets: 1 });
    let probing = true;
    const probe = (async () => {
      while (probing) {
        if (signalled()) {
          const seen = await new Promise<{ status: number | string; code?: string }>((resolveProbe) => {
            const req = httpRequest({ host: "127.0.0.1", port: server.port, path: "/health/ready", agent: probeAgent }, (res) => {
              let text = "";
              res.setEncoding("utf8").on("data", (c: string) => (text += c));
              res.on("end", () => {
                let code: string | undefined;
                try {
                  code = (JSON.parse(text) as { code?: string }).code;
                } catch {
                  code = undefined;
                }
                resolveProbe({ status: res.statusCode ?? 0, code });
              });
            });
            req.on("error", (error: NodeJS.ErrnoException) => resolveProbe({ status: error.code ?? "error" }));
            req.end();
          });
          readiness.push(seen);
          if (typeof seen.status === "string") break;
        }
        await sleep(5);
      }
    })();

    let next = 0;
    let answered = 0;
    const worker = async () => {
      while (next < TOTAL) {
        const i = next++;
        const outcome =
          i % 2 === 0
            ? await send(agent, server.port, "/parse", { text: `Team sync ${i} tomorrow at ${(i % 11) + 1}pm at Room ${i}`, reference: "2026-11-20T10:00:00-05:00", timezone: "America/New_York" }, "parse", signalled)
            : await send(agent, server.port, "/events", { title: `Load event ${i}`, start: "2027-05-01T10:00:00-04:00", end: "2027-05-01T11:00:00-04:00", timezone: "America/New_York" }, "event", signalled);
        outcomes[i] = outcome;
        if (outcome.status !== undefined) answered++;
        if (answered === SIGNAL_AFTER && signalledAt === 0) {
          signalledAt = Date.now();
          server.child.kill("SIGTERM");
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    outcomes = outcomes.filter(Boolean);
    exit = await server.stop(GRACE_MS + 5_000);
    exitMs = Date.now() - signalledAt;
    probing = false;
    await probe;
    agent.destroy();
    probeAgent.destroy();

    const tally = (o: Outcome) => (o.status !== undefined ? `${o.kind} ${o.status}${o.status === 503 ? ` ${o.contentType?.split(";")[0]}` : ""}` : `${o.kind} ${o.error?.code}`);
    const counts = outcomes.reduce<Record<string, number>>((acc, o) => ((acc[tally(o)] = (acc[tally(o)] ?? 0) + 1), acc), {});
    console.info(`SIGTERM under load: ${JSON.stringify(counts)}; exit ${JSON.stringify(exit)} after ${exitMs} ms; readiness seen ${JSON.stringify(readiness)}`);

    const store = await openEventStore({ databaseUrl: null, dataDir: server.dataDir });
    storedAfter = await store.count();
    await store.close();
  }, 60_000);

  afterAll(async () => {
    await server?.cleanup();
  });

  it("fired the whole load and signalled mid-way", () => {
    expect(outcomes).toHaveLength(TOTAL);
    const afterSignal = outcomes.filter((o) => o.sentAfterSignal).length;
    expect(afterSignal, "requests sent after SIGTERM").toBeGreaterThan(0);
  });

  it("answered every accepted request completely: 200/201 with a valid body, or a complete 503; no answer cut off", () => {
    const midResponse = outcomes.filter((o) => o.error?.phase === "mid-response");
    expect(midResponse).toEqual([]);
    for (const o of outcomes.filter((x) => x.status !== undefined)) {
      expect(o.complete, `incomplete ${o.kind} answer ${o.status}`).toBe(true);
      const body = JSON.parse(o.body!) as Record<string, any>;
      if (o.kind === "parse" && o.status === 200) {
        expect(body.events).toEqual(expect.any(Array));
        expect(body.meta.route).toMatch(/^(rules|cache)$/);
      } else if (o.kind === "event" && o.status === 201) {
        expect(body.events[0].id).toMatch(/^evt_/);
      } else {
        // A request read after draining began is refused; whether that 503 is our problem+json NOT_READY or
        // Fastify's bare one is checked deterministically below ("a request that arrives while draining").
        expect(o.status, `unexpected answer ${o.status}: ${o.body}`).toBe(503);
      }
    }
    // Most of the load was served; every request without an answer failed before one started (refused).
    expect(outcomes.filter((o) => o.status === 200 || o.status === 201).length).toBeGreaterThanOrEqual(SIGNAL_AFTER);
    for (const o of outcomes.filter((x) => x.error)) expect(o.error!.phase, JSON.stringify(o)).toBe("before-response");
  });

  it("never answered readiness 200 once the connection was refused; probes ended refused, not hanging", () => {
    // The probe connection is idle between probes, so the close of the listener usually shows as a refused or
    // reset connection; a 503 seen meanwhile is checked in the deterministic test below.
    const statuses = readiness.map((r) => r.status);
    expect(statuses.length).toBeGreaterThan(0);
    expect(typeof statuses[statuses.length - 1]).toBe("string");
    for (const status of statuses) expect([200, 503]).toContain(typeof status === "number" ? status : 503);
  });

  it("exits by itself with code 0 within the grace period", () => {
    expect(exit.signal).toBeNull();
    expect(exitMs).toBeLessThan(GRACE_MS);
    expect(exit.code, server.output().stderr).toBe(0);
  });

  it("kept every acknowledged event: the reopened SQLite file holds exactly the 201s", () => {
    const created = outcomes.filter((o) => o.kind === "event" && o.status === 201).length;
    expect(created).toBeGreaterThan(0);
    expect(storedAfter).toBe(created);
  });

  it("flushed the logs: they end with the shutdown lines", () => {
    const app = logLines(server.logDir, "calendar-api.log");
    const messages = app.map((l) => l.msg as string);
    expect(messages).toContain("shutdown started");
    expect(messages[messages.length - 1]).toBe("shutdown complete");
    const steps = app.filter((l) => l.msg === "shutdown step done").map((l) => l.step);
    expect(steps).toEqual(expect.arrayContaining(["readiness", "http", "logs"]));
    // Every request answered before the signal has its performance line.
    const performance = logLines(server.logDir, "performance-metrics.log");
    const answered = outcomes.filter((o) => o.status !== undefined).length;
    expect(performance.filter((l) => l.route === "/parse" || l.route === "/events").length).toBeGreaterThanOrEqual(answered - outcomes.filter((o) => o.status === 503).length);
  });
});

/** Splits raw HTTP/1.1 responses (Content-Length framed) read from one socket. */
function splitResponses(raw: string): Array<{ status: number; headers: Record<string, string>; body: string }> {
  const out: Array<{ status: number; headers: Record<string, string>; body: string }> = [];
  let rest = raw;
  while (rest.startsWith("HTTP/1.1")) {
    const headEnd = rest.indexOf("\r\n\r\n");
    if (headEnd < 0) break;
    const [statusLine, ...headerLines] = rest.slice(0, headEnd).split("\r\n");
    const headers = Object.fromEntries(headerLines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]));
    const length = Number(headers["content-length"] ?? 0);
    const bodyStart = headEnd + 4;
    out.push({ status: Number(statusLine.split(" ")[1]), headers, body: Buffer.from(rest.slice(bodyStart)).subarray(0, length).toString("utf8") });
    rest = Buffer.from(rest.slice(bodyStart)).subarray(length).toString("utf8");
  }
  return out;
}

/**
 * One keep-alive connection kept busy across SIGTERM: a POST /parse whose headers and half its body are sent
 * before the signal (so it was accepted), then, once the listener is closed, the rest of the body with a
 * readiness probe pipelined behind it on the same connection. With `secondSignal`, SIGTERM is sent again while
 * the server drains (as `docker stop` after a timeout, a second Ctrl-C, or an impatient operator would).
 */
async function drainScenario(secondSignal: boolean): Promise<{ responses: ReturnType<typeof splitResponses>; exit: { code: number | null; signal: NodeJS.Signals | null }; server: CliServer }> {
  const server = await startCli({ SHUTDOWN_GRACE_MS: String(GRACE_MS) });
  try {
    await waitForStartupScoring(server.url);
    const socket = connect(server.port, "127.0.0.1");
    await once(socket, "connect");
    let raw = "";
    socket.setEncoding("utf8").on("data", (chunk: string) => (raw += chunk));
    const closed = once(socket, "close");
    const body = JSON.stringify({ text: "Lunch tomorrow at noon at Luigi's", reference: "2026-11-20T10:00:00-05:00", timezone: "UTC" });
    socket.write(`POST /parse HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`);
    await sleep(200);
    server.child.kill("SIGTERM");
    const refused = await eventually(async () => {
      try {
        await (await fetch(`${server.url}/health/live`, { headers: { connection: "close" } })).arrayBuffer();
        return false;
      } catch {
        return true;
      }
    }, 5_000, 10);
    expect(refused, "the listener did not close after SIGTERM").toBe(true);
    if (secondSignal) {
      process.kill(server.child.pid!, "SIGTERM");
      await sleep(200);
    }
    if (!socket.destroyed) socket.write(`${body.slice(10)}GET /health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    await Promise.race([closed, sleep(GRACE_MS)]);
    socket.destroy();
    const exit = await Promise.race([server.exited, sleep(GRACE_MS + 2_000).then(() => ({ code: -1, signal: null }))]);
    return { responses: splitResponses(raw), exit, server };
  } finally {
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGKILL");
  }
}

describe("e2e: a request that arrives while draining", () => {
  let run: Awaited<ReturnType<typeof drainScenario>>;
  beforeAll(async () => {
    run = await drainScenario(false);
  }, 30_000);
  afterAll(() => run?.server.cleanup());

  it("completes the request accepted before the signal, then exits 0", () => {
    expect(run.responses[0]?.status, JSON.stringify(run.responses)).toBe(200);
    expect(JSON.parse(run.responses[0].body).events[0]).toMatchObject({ title: "Lunch", location: "Luigi's" });
    expect(run.exit).toEqual({ code: 0, signal: null });
  });

  it("refuses the request that arrived on the open connection while draining with 503", () => {
    expect(run.responses[1]?.status, JSON.stringify(run.responses)).toBe(503);
  });

  // Regression: Fastify's return503OnClosing answered these itself, bypassing the app's error handler
  // (application/json {"error":"Service Unavailable",…}, no code, no requestId).
  it("answers that 503 as problem+json with code NOT_READY and a request id", () => {
    const refused = run.responses[1];
    expect(refused.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(refused.body) as Record<string, unknown>;
    expect(problem.code).toBe("NOT_READY");
    expect(problem.requestId).toEqual(expect.any(String));
  });
});

describe("e2e: a second SIGTERM while draining", () => {
  let run: Awaited<ReturnType<typeof drainScenario>>;
  beforeAll(async () => {
    run = await drainScenario(true);
    console.info(`second SIGTERM: exit ${JSON.stringify(run.exit)}; responses ${JSON.stringify(run.responses.map((r) => r.status))}`);
  }, 30_000);
  afterAll(() => run?.server.cleanup());

  // Regression: serve installed its handlers with process.once, so the second SIGTERM got Node's default
  // action and killed the process mid-drain. A second signal joins the shutdown under way.
  it("still completes the accepted request and exits 0", () => {
    expect(run.responses[0]?.status, JSON.stringify(run.responses)).toBe(200);
    expect(run.exit).toEqual({ code: 0, signal: null });
  });

  it("does not hang: the process is gone within the grace period", () => {
    expect(run.exit.code === -1, "still running after the grace period").toBe(false);
  });
});
