/**
 * End-to-end helpers: a free port, the real CLI (`node bin/calendar-api.js serve`) as a child process with a
 * clean environment, readiness polling, problem+json checks over fetch, and the JSON log files.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const BIN = join(ROOT, "bin/calendar-api.js");

/** A port nothing listens on right now (bound on 127.0.0.1 port 0, read, released). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      if (address === null || typeof address === "string") return reject(new Error("no port"));
      server.close(() => resolvePort(address.port));
    });
  });
}

export interface CliServer {
  url: string;
  port: number;
  child: ChildProcess;
  dataDir: string;
  logDir: string;
  /** Everything the process wrote so far. */
  output(): { stdout: string; stderr: string };
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM (unless already exited) and the exit status; SIGKILL after `killAfterMs`. */
  stop(killAfterMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Stops the process if needed and deletes its data and log directories. */
  cleanup(): Promise<void>;
}

/**
 * Starts `calendar-api serve` in the project directory (so config/local.yaml applies, as with `npm start`)
 * with ENVIRONMENT=local, the given variables, its own port and temporary data and log directories. The
 * parent's environment is not passed on (only PATH, HOME and locale), so a DATABASE_URL or API_KEYS set for
 * the test run never leaks into the server. Resolves once /health/ready answers 200.
 */
export async function startCli(env: Record<string, string> = {}, options: { readyTimeoutMs?: number; command?: "serve" | "worker"; dir?: string } = {}): Promise<CliServer> {
  const port = await freePort();
  const command = options.command ?? "serve";
  // A worker shares its API's directory (the SQLite file, stored uploads) when given one.
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "calendar-e2e-"));
  const dataDir = join(dir, "data");
  const logDir = join(dir, command === "worker" ? "worker-logs" : "logs");
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? dir,
    LANG: process.env.LANG ?? "C.UTF-8",
    ENVIRONMENT: "local",
    HOST: "127.0.0.1",
    // `worker` serves its probes on WORKER_PORT; `serve` listens on PORT.
    ...(command === "worker" ? { WORKER_PORT: String(port) } : { PORT: String(port) }),
    DATA_DIR: dataDir,
    LOG_DIR: logDir,
    RATE_LIMIT_PER_MINUTE: "1000000",
    RATE_LIMIT_PER_HOUR: "100000000",
    ...env,
  };
  const child = spawn(process.execPath, [BIN, command], { cwd: ROOT, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => void (stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => void (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => {
    child.once("exit", (code, signal) => resolveExit({ code, signal }));
  });
  const url = `http://127.0.0.1:${port}`;
  const server: CliServer = {
    url,
    port,
    child,
    dataDir,
    logDir,
    output: () => ({ stdout, stderr }),
    exited,
    async stop(killAfterMs = 15_000) {
      // One SIGTERM only: a second one while shutting down would end the process at once (see sigterm.test.ts).
      if (child.exitCode === null && child.signalCode === null && !child.killed) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
    async cleanup() {
      if (child.exitCode === null && child.signalCode === null) await server.stop();
      if (options.dir === undefined) rmSync(dir, { recursive: true, force: true });
    },
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 20_000);
  let exitedEarly = false;
  void exited.then(() => (exitedEarly = true));
  for (;;) {
    if (exitedEarly) throw new Error(`calendar-api ${command} exited before it was ready:\n${stderr}\n${stdout.slice(-2000)}`);
    try {
      const res = await fetch(`${url}/health/ready`);
      await res.arrayBuffer();
      if (res.status === 200) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`calendar-api ${command} was not ready within the timeout:\n${stderr}\n${stdout.slice(-2000)}`);
    }
    await sleep(50);
  }
}

/**
 * Resolves once the start-up scoring of the golden set (parsing_accuracy_score, computed in-process right after
 * the server is ready, blocking the event loop for a moment) has finished, so timings that follow are the
 * server's own. Gives up quietly after `timeoutMs`.
 */
export async function waitForStartupScoring(url: string, timeoutMs = 10_000): Promise<void> {
  await eventually(async () => {
    const text = await (await fetch(`${url}/metrics`)).text();
    const value = /^parsing_accuracy_score (\S+)$/m.exec(text)?.[1];
    return value !== undefined && Number(value) > 0;
  }, timeoutMs, 50);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `check` until it returns a truthy value or the time is up; returns the last value. */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 5_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value || Date.now() > deadline) return value;
    await sleep(everyMs);
  }
}

/** fetch with a JSON body. */
export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });
}

/** Asserts a problem+json answer over the socket (status, content type, code, field, request id echoed). */
export async function expectProblem(res: Response, status: number, code: string, field?: string): Promise<Record<string, any>> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(text) as Record<string, any>;
  expect(body).toMatchObject({ status, code });
  if (field !== undefined) expect(body.field).toBe(field);
  expect(body.requestId).toEqual(expect.any(String));
  expect(res.headers.get("x-request-id")).toBe(body.requestId);
  return body;
}

/** The JSON lines of a log file (an absent file reads as none). */
export function logLines(dir: string, file: string): Array<Record<string, any>> {
  const path = join(dir, file);
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Record<string, any>);
}

/** The raw text of a log file ("" when absent). */
export function logText(dir: string, file: string): string {
  const path = join(dir, file);
  return existsSync(path) ? readFileSync(path, "utf8") : "";
}

/** Why the PostgreSQL suites skip, or null when DATABASE_URL is a postgres:// URL. */
export function postgresSkipReason(): string | null {
  const url = process.env.DATABASE_URL;
  if (url === undefined || url === "") return "DATABASE_URL is not set";
  if (!/^postgres(ql)?:\/\//i.test(url)) return "DATABASE_URL is not a postgres:// URL";
  return null;
}
