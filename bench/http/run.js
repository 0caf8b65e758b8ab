/**
 * HTTP benchmark: `POST /parse` of the real Calendar API (cache misses and cache hits, logs and metrics on)
 * beside a bare Fastify route answering a constant (the ceiling on this machine), in one run.
 *
 * The load generator (autocannon, programmatic API) runs in this process; each server runs in its own child
 * process on the same machine. Every scenario runs for a fixed duration with N connections, repeated for R
 * rounds (the scenario order rotates by one place per round); the figures are medians of the rounds.
 *
 * Scenarios: bare Fastify (constant JSON), /parse with cache misses (every body a different text), /parse with
 * cache hits (one body repeated), GET /health/live of the service (its per-request floor: logs, metrics, headers,
 * no parse), /parse misses at a fixed 1,000 requests/s and at 100 requests/s, each rate both
 * as autocannon's overallRate delivers it (in step) and spread evenly over the second (paced). It then prints the
 * issue's targets: misses ÷ bare req/s ≥ 0.5, p99 < 10 ms at 1,000 req/s, p95 < 100 ms at 100 req/s.
 *
 * Usage: node bench/http/run.js [--duration S] [--connections N] [--rounds R] [--warmup S] [--log-level L]
 *                               [--keep] [--json]
 * Reads ../../dist through bin/calendar-api.js, so build first (npm run build). See README.md beside this file.
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const GOLDEN_FILES = ["test/data/golden/events-dev.jsonl", "test/data/golden/events-extra.jsonl"];
/** The body of the cache-hit scenario: one golden text, repeated. */
const HIT_CASE = {
  text: "Lunch with Sarah tomorrow at noon at Cafe Roma",
  reference: "2026-11-23T10:00:00-05:00",
  timezone: "America/New_York",
};
const TARGETS = {
  /** (/parse misses req/s) ÷ (bare req/s) at least this. */
  throughputRatio: 0.5,
  /** p99 under this many ms at 1,000 requests/s (misses). */
  p99Ms: 10,
  p99Rate: 1000,
  /** The seed's promise: p95 under this many ms at 100 requests/s (misses). */
  seedP95Ms: 100,
  seedRate: 100,
  /** A fixed-rate run counts only if it delivered at least this share of the asked rate. */
  rateShare: 0.95,
};
/** Limits far above anything the bench can send (the schema's maxima are 1,000,000/min and 100,000,000/h). */
const RATE_LIMIT_PER_MINUTE = "1000000";
const RATE_LIMIT_PER_HOUR = "100000000";
/** Median "other CPU" (% of one core) above which the report warns that other work disturbed the run. */
const INTERFERENCE_WARN_PERCENT = 25;
/** Seconds of quiet between two measurements (pending log writes, rotation, GC). */
const PAUSE_SECONDS = 1;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;
/** Linux clock ticks per second for /proc/<pid>/stat (USER_HZ, 100 on every mainstream kernel). */
const CLOCK_TICKS = 100;

/**
 * The measured scenarios. `rate` makes a fixed-rate run; `paced` spreads it over the second (see `instancesFor`):
 *   in step — one autocannon instance, `overallRate` split over the connections. autocannon lets each connection
 *             send its share of the second back to back and then idle until the next second, and every
 *             connection's second starts at the same moment, so the load comes as one burst per second with
 *             all connections busy (the latency of a saturated server for as long as the burst lasts);
 *   paced   — one autocannon instance per connection, each with 1 connection and its share of the rate,
 *             started 1/N s apart, so the bursts are N times smaller and spread evenly over the second.
 */
const SCENARIOS = [
  { id: "bare", label: "bare Fastify, constant JSON", server: "bare", body: "miss" },
  { id: "parseMiss", label: "POST /parse, cache misses", server: "api", body: "miss" },
  { id: "parseHit", label: "POST /parse, cache hits", server: "api", body: "hit" },
  // The service's cheapest route (no body, no key, no parse, no cache) with the same logs, metrics and headers:
  // what the service costs per request before /parse does anything, so the most /parse could reach.
  { id: "serviceFloor", label: "GET /health/live (service floor)", server: "api", body: "live" },
  { id: "parseMissAt1000", label: `/parse misses, ${TARGETS.p99Rate} req/s in step`, server: "api", body: "miss", rate: TARGETS.p99Rate },
  { id: "parseMissAt1000Paced", label: `/parse misses, ${TARGETS.p99Rate} req/s paced`, server: "api", body: "miss", rate: TARGETS.p99Rate, paced: true },
  { id: "parseMissAt100", label: `/parse misses, ${TARGETS.seedRate} req/s in step`, server: "api", body: "miss", rate: TARGETS.seedRate },
  { id: "parseMissAt100Paced", label: `/parse misses, ${TARGETS.seedRate} req/s paced`, server: "api", body: "miss", rate: TARGETS.seedRate, paced: true },
];

// ---------------------------------------------------------------- input

/** Command-line options. */
function readArgs(argv) {
  const args = { duration: 10, connections: 10, rounds: 3, warmup: 3, logLevel: "info", keep: false, json: false };
  const number = (name, value, min) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min) throw new Error(`${name} needs a number ≥ ${min}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--json") args.json = true;
    else if (arg === "--keep") args.keep = true;
    else if (arg === "--duration") args.duration = number(arg, argv[++i], 1);
    else if (arg === "--connections") args.connections = Math.floor(number(arg, argv[++i], 1));
    else if (arg === "--rounds") args.rounds = Math.floor(number(arg, argv[++i], 1));
    else if (arg === "--warmup") args.warmup = number(arg, argv[++i], 0);
    else if (arg === "--log-level") args.logLevel = String(argv[++i]);
    else throw new Error(`unknown argument: ${arg} (use --duration S, --connections N, --rounds R, --warmup S, --log-level L, --keep, --json)`);
  }
  return args;
}

/** The golden records (text, reference, timezone): the texts the cache-miss bodies cycle through. */
function loadCases() {
  const cases = GOLDEN_FILES.map((file) => join(ROOT, file))
    .filter((path) => existsSync(path))
    .flatMap((path) => readFileSync(path, "utf8").split("\n").filter((line) => line.trim() !== ""))
    .map((line) => JSON.parse(line))
    .map(({ text, reference, timezone }) => ({ text, reference, timezone }));
  if (cases.length === 0) throw new Error(`no golden texts found (${GOLDEN_FILES.join(", ")})`);
  return cases;
}

/** Warns on stderr when a file under src/ is newer than dist/ (the build is stale). */
function warnIfDistStale() {
  const cli = join(ROOT, "dist/main/cli.js");
  if (!existsSync(cli)) throw new Error("dist/main/cli.js is missing: run npm run build first");
  const built = statSync(cli).mtimeMs;
  const srcDir = join(ROOT, "src");
  const newer = readdirSync(srcDir, { recursive: true }).filter((file) => file.endsWith(".ts") && statSync(join(srcDir, file)).mtimeMs > built);
  if (newer.length > 0) console.error(`warning: dist/ is older than src/ (${newer[0]}, …): run npm run build`);
}

// ---------------------------------------------------------------- bodies

/**
 * Cache-miss bodies: the golden texts in turn, each with a booking-style reference whose number is never
 * reused in the run (" (ref 100042)"), with the record's own reference instant and zone. The suffix changes
 * the text, so the cache key, and any per-text memo inside the parser, never repeat; it does not change
 * what the parser finds on any golden text.
 */
function missBodies(cases) {
  let counter = 0;
  return () => {
    const c = cases[counter % cases.length];
    const body = JSON.stringify({ text: `${c.text} (ref ${100_000 + counter})`, reference: c.reference, timezone: c.timezone });
    counter++;
    return body;
  };
}

const HEADERS = { "content-type": "application/json" };

/** autocannon's request options for a scenario: one fixed body, or a fresh body per request. */
function requestOptions(scenario, nextMissBody) {
  if (scenario.body === "live") return { requests: [{ method: "GET", path: "/health/live" }] };
  if (scenario.body === "hit") return { requests: [{ method: "POST", path: "/parse", headers: HEADERS, body: JSON.stringify(HIT_CASE) }] };
  return {
    requests: [{ method: "POST", path: "/parse", headers: HEADERS, setupRequest: (request) => ({ ...request, body: nextMissBody() }) }],
  };
}

// ---------------------------------------------------------------- servers

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const sum = (values) => values.reduce((a, b) => a + b, 0);

/** A TCP port free right now on 127.0.0.1 (the service's PORT must be 1–65535, so 0 cannot be passed). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves with the child's exit code (or signal) once it has exited. */
function exited(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? child.signalCode);
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal)));
}

/** Starts bench/http/bare-server.js and waits for the port it prints. */
async function startBare() {
  const child = spawn(process.execPath, [fileURLToPath(new URL("bare-server.js", import.meta.url))], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("the bare server did not start")), START_TIMEOUT_MS).unref();
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const line = out.split("\n")[0];
      if (out.includes("\n")) {
        clearTimeout(timer);
        resolve(JSON.parse(line).port);
      }
    });
    child.once("exit", (code) => reject(new Error(`the bare server exited (${code}) before listening`)));
  });
  child.stdout.resume();
  return { name: "bare", child, pid: child.pid, url: `http://127.0.0.1:${port}` };
}

/**
 * Environment of the service: inherited, minus every variable that would change what is measured (a database
 * URL, API keys, Redis, workers, the CALENDAR_API__ overrides), plus the bench's own settings.
 */
function serviceEnv(port, dir, logLevel) {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith("CALENDAR_API__")) delete env[name];
  for (const name of ["DATABASE_URL", "API_KEYS", "REDIS_URL", "QUEUE_BACKEND", "WORKERS", "NODE_OPTIONS", "OPENAI_BASE_URL", "OPENAI_API_KEY", "OLLAMA_BASE_URL", "ENABLE_METRICS", "MAX_INPUT_LENGTH", "CACHE_TTL_HOURS", "CACHE_MAX_SIZE_MB", "CORS_ORIGINS", "SHUTDOWN_GRACE_MS", "WORKER_THREADS"]) delete env[name];
  return {
    ...env,
    ENVIRONMENT: "local",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATA_DIR: join(dir, "data"),
    LOG_DIR: join(dir, "logs"),
    LOG_LEVEL: logLevel,
    RATE_LIMIT_PER_MINUTE,
    RATE_LIMIT_PER_HOUR,
  };
}

/**
 * True once the service has scored its golden set (`parsing_accuracy_score` has a sample): it does so right
 * after start-up, and those first parses compile every pattern, so load measured before would time that.
 */
async function accuracyScored(url) {
  const text = await (await fetch(`${url}/metrics`)).text();
  return /^parsing_accuracy_score \d/m.test(text);
}

/**
 * Starts `calendar-api serve` (bin/calendar-api.js) with its data and logs in `dir`; its stdout (the JSON log
 * lines a container runtime would collect) and stderr go to files there. Resolves once /health/ready is 200 and the start-up accuracy scoring is done.
 */
async function startApi(dir, logLevel) {
  const port = await freePort();
  const stdout = openSync(join(dir, "stdout.log"), "a");
  const stderr = openSync(join(dir, "stderr.log"), "a");
  const child = spawn(process.execPath, [join(ROOT, "bin/calendar-api.js"), "serve"], { cwd: ROOT, env: serviceEnv(port, dir, logLevel), stdio: ["ignore", stdout, stderr] });
  closeSync(stdout);
  closeSync(stderr);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    try {
      const response = await fetch(`${url}/health/ready`);
      if (response.ok && (await accuracyScored(url))) return { name: "api", child, pid: child.pid, url };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  child.kill("SIGTERM");
  const tail = readFileSync(join(dir, "stderr.log"), "utf8").trim().split("\n").slice(-10).join("\n");
  throw new Error(`the Calendar API did not become ready at ${url}${tail ? `:\n${tail}` : ""}`);
}

/** SIGTERM, then SIGKILL if the child has not exited in time; resolves to its exit code or signal. */
async function stop(server) {
  if (!server) return null;
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode ?? child.signalCode;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  const code = await exited(child);
  clearTimeout(timer);
  return code;
}

/** The service's cache counters (GET /cache/stats). */
async function cacheStats(server) {
  const response = await fetch(`${server.url}/cache/stats`);
  if (!response.ok) throw new Error(`GET /cache/stats answered ${response.status}`);
  return response.json();
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); null elsewhere. */
function processCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // After "pid (comm) ", field 3 (state) is index 0, so utime (14) and stime (15) are indices 11 and 12.
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** CPU seconds all cores have been busy so far (everything but idle and iowait), from /proc/stat; null elsewhere. */
function machineBusySeconds() {
  try {
    const [, ...ticks] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already inside user).
    return (sum(ticks.slice(0, 8)) - ticks[3] - ticks[4]) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Total size in bytes of the files under `dir` (rotated, compressed log files included). */
function directoryBytes(dir) {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true }).reduce((sum, file) => {
    const stats = statSync(join(dir, file));
    return stats.isFile() ? sum + stats.size : sum;
  }, 0);
}

// ---------------------------------------------------------------- measuring

/** Nearest-rank percentile (0–100) of an ascending Float64Array; null when empty. */
function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * The autocannon instances of a scenario: `{ delayMs, connections, rate }` each. Unpaced: one instance with
 * every connection. Paced: one single-connection instance per connection (at most one per request per
 * second), the rate shared out as whole requests per second, the starts spread evenly over one second.
 */
function instancesFor(scenario, connections) {
  if (!scenario.paced) return [{ delayMs: 0, connections, rate: scenario.rate ?? null }];
  const n = Math.max(1, Math.min(connections, scenario.rate));
  return Array.from({ length: n }, (_, i) => ({
    delayMs: (i * 1000) / n,
    connections: 1,
    rate: Math.floor(scenario.rate / n) + (i < scenario.rate % n ? 1 : 0),
  }));
}

/**
 * One measurement of `seconds` against `server`. Latencies are taken from autocannon's per-response event
 * (hrtime from writing the request to the end of the response, in ms), for 2xx answers only, and their
 * percentiles computed here: autocannon's own histogram has no p95, and in rate-limited runs it adds
 * synthetic "coordinated omission" samples (one per millisecond the response took beyond the first).
 */
async function load(scenario, server, seconds, connections, nextMissBody) {
  const cacheBefore = server.name === "api" ? await cacheStats(server) : null;
  const serverCpuBefore = processCpuSeconds(server.pid);
  const machineBefore = machineBusySeconds();
  const benchCpuBefore = process.cpuUsage();
  const began = performance.now();
  const latencies = [];
  let responses = 0;
  const onResponse = (_client, status, _bytes, ms) => {
    responses++;
    if (status >= 200 && status < 300) latencies.push(ms);
  };
  const results = await Promise.all(
    instancesFor(scenario, connections).map(async ({ delayMs, connections: perInstance, rate }) => {
      if (delayMs > 0) await sleep(delayMs);
      let ok = 0;
      const instance = autocannon({
        url: server.url,
        connections: perInstance,
        duration: seconds,
        ...(rate ? { overallRate: rate } : {}),
        ...requestOptions(scenario, nextMissBody),
      });
      instance.on("response", (client, status, bytes, ms) => {
        if (status >= 200 && status < 300) ok++;
        onResponse(client, status, bytes, ms);
      });
      const result = await instance;
      return { ...result, ok };
    }),
  );
  const wallSeconds = (performance.now() - began) / 1000;
  const benchCpu = process.cpuUsage(benchCpuBefore);
  const serverCpuAfter = processCpuSeconds(server.pid);
  const machineAfter = machineBusySeconds();
  const cacheAfter = server.name === "api" ? await cacheStats(server) : null;

  const sorted = Float64Array.from(latencies).sort();
  const statusCodes = {};
  for (const result of results) for (const [code, { count }] of Object.entries(result.statusCodeStats)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
  const total = (key) => sum(results.map((r) => r[key]));
  return {
    seconds: Math.max(...results.map((r) => r.duration)),
    instances: results.length,
    responses,
    ok: latencies.length,
    // Each instance's 2xx answers per second of its own run, summed (paced instances start at different times).
    rps: sum(results.map((r) => r.ok / r.duration)),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length > 0 ? sorted[sorted.length - 1] : null,
    errors: total("errors"),
    timeouts: total("timeouts"),
    non2xx: total("non2xx"),
    statusCodes,
    serverCpuPercent: serverCpuBefore === null || serverCpuAfter === null ? null : (100 * (serverCpuAfter - serverCpuBefore)) / wallSeconds,
    // The server's CPU time per answer (all its threads: GC and libuv included), in µs: unlike req/s, this hardly
    // depends on how much CPU the load generator leaves the server, so it is the steadier way to compare scenarios.
    serverCpuUsPerRequest: serverCpuBefore === null || serverCpuAfter === null || responses === 0 ? null : ((serverCpuAfter - serverCpuBefore) * 1e6) / responses,
    benchCpuPercent: (100 * (benchCpu.user + benchCpu.system)) / 1e6 / wallSeconds,
    // Everything else the machine ran meanwhile (other processes, the idle server, the kernel), in % of one core.
    otherCpuPercent:
      serverCpuBefore === null || serverCpuAfter === null || machineBefore === null || machineAfter === null
        ? null
        : Math.max(0, (100 * (machineAfter - machineBefore - (serverCpuAfter - serverCpuBefore))) / wallSeconds - (100 * (benchCpu.user + benchCpu.system)) / 1e6 / wallSeconds),
    cache: cacheBefore && cacheAfter ? { hits: cacheAfter.hits - cacheBefore.hits, misses: cacheAfter.misses - cacheBefore.misses } : null,
  };
}

/** The scenarios in the order used by round `round`: rotated by one place per round. */
function rotate(list, round) {
  const k = round % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

const median = (values) => {
  const present = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  if (present.length === 0) return null;
  const mid = Math.floor(present.length / 2);
  return present.length % 2 === 1 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
};

/** Per scenario: the median of each figure across rounds (counts are summed), plus min/max of req/s. */
function summarize(rounds) {
  const pick = (key) => rounds.map((r) => r[key]);
  return {
    rps: median(pick("rps")),
    rpsMin: Math.min(...pick("rps")),
    rpsMax: Math.max(...pick("rps")),
    p50: median(pick("p50")),
    p95: median(pick("p95")),
    p99: median(pick("p99")),
    serverCpuPercent: median(pick("serverCpuPercent")),
    serverCpuUsPerRequest: median(pick("serverCpuUsPerRequest")),
    benchCpuPercent: median(pick("benchCpuPercent")),
    otherCpuPercent: median(pick("otherCpuPercent")),
    responses: sum(pick("responses")),
    errors: sum(pick("errors")),
    timeouts: sum(pick("timeouts")),
    non2xx: sum(pick("non2xx")),
    cache: rounds[0].cache ? { hits: sum(rounds.map((r) => r.cache.hits)), misses: sum(rounds.map((r) => r.cache.misses)) } : null,
  };
}

/**
 * The targets of the issue, each with the figure, the limit and whether it was met. The two latency targets
 * are judged on both fixed-rate variants (in step: autocannon's overallRate as it is; paced: the same rate
 * spread over the second). A fixed-rate run only counts if it delivered the rate and every answer was a 2xx.
 */
function judge(results) {
  const bare = results.bare.median;
  const miss = results.parseMiss.median;
  const clean = (s) => s.errors === 0 && s.timeouts === 0 && s.non2xx === 0;
  const ratio = miss.rps / bare.rps;
  const perRoundRatios = results.parseMiss.rounds.map((r) => r.rps / results.bare.rounds.find((b) => b.round === r.round).rps);
  const latency = (id, key, limitMs, rate) => {
    const s = results[id].median;
    return {
      scenario: id,
      percentile: key,
      valueMs: s[key],
      deliveredRps: s.rps,
      target: `${key} < ${limitMs} ms at ${rate} req/s`,
      met: s[key] !== null && s[key] < limitMs && s.rps >= TARGETS.rateShare * rate && clean(s),
    };
  };
  const floor = results.serviceFloor.median;
  return {
    // Not a target: the same ratio for the service's cheapest route, an upper bound for /parse on this machine.
    floorRatio: { value: floor.rps / bare.rps, floorCpuUs: floor.serverCpuUsPerRequest, bareCpuUs: bare.serverCpuUsPerRequest, missCpuUs: miss.serverCpuUsPerRequest },
    throughputRatio: {
      value: ratio,
      perRound: perRoundRatios,
      target: `≥ ${TARGETS.throughputRatio}`,
      met: ratio >= TARGETS.throughputRatio && clean(miss) && clean(bare),
    },
    p99At1000: latency("parseMissAt1000", "p99", TARGETS.p99Ms, TARGETS.p99Rate),
    p99At1000Paced: latency("parseMissAt1000Paced", "p99", TARGETS.p99Ms, TARGETS.p99Rate),
    seedPromise: latency("parseMissAt100", "p95", TARGETS.seedP95Ms, TARGETS.seedRate),
    seedPromisePaced: latency("parseMissAt100Paced", "p95", TARGETS.seedP95Ms, TARGETS.seedRate),
  };
}

// ---------------------------------------------------------------- output

/** Lays out rows of strings as columns: the first left-aligned, the others right-aligned. */
function formatTable(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const pad = (cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]));
  return rows.map((row) => row.map(pad).join("  ")).join("\n");
}

const ms = (v) => (v === null ? "n/a" : v < 10 ? v.toFixed(2) : v.toFixed(1));
const pct = (v) => (v === null ? "n/a" : `${v.toFixed(0)}%`);
const verdict = (met) => (met ? "MET" : "NOT MET");

function printReport(report) {
  const { machine, options } = report;
  console.log(`node ${machine.node} | ${machine.cpu} | ${machine.cores} cores | ${machine.platform} | ${machine.totalMemoryGiB} GiB`);
  console.log(
    `${options.rounds} rounds × ${options.duration} s per scenario, ${options.connections} connections, ${options.warmup} s warm-up per server; ` +
      `medians of rounds (req/s also min–max)`,
  );
  console.log("load generator: autocannon in this process; servers: child processes on the same machine (they share the cores)");
  console.log(
    `load average (1/5/15 min) before ${machine.loadAverageBefore.join(" ")}, after ${machine.loadAverageAfter.join(" ")}; ` +
      `machine busy in the second before start: ${machine.busyBeforePercent ?? "n/a"}% of a core; CPU columns in % of one core`,
  );
  console.log(`service: calendar-api serve, ENVIRONMENT=local, LOG_LEVEL=${options.logLevel}, log files + stdout to a temp dir, metrics on, SQLite\n`);

  const rows = [["scenario", "req/s", "min–max", "p50 ms", "p95 ms", "p99 ms", "errors", "timeouts", "non-2xx", "server CPU", "server µs/req", "bench CPU", "other CPU", "cache hit/miss"]];
  for (const scenario of SCENARIOS) {
    const s = report.scenarios[scenario.id].median;
    rows.push([
      scenario.label,
      s.rps.toFixed(0),
      `${s.rpsMin.toFixed(0)}–${s.rpsMax.toFixed(0)}`,
      ms(s.p50),
      ms(s.p95),
      ms(s.p99),
      String(s.errors),
      String(s.timeouts),
      String(s.non2xx),
      pct(s.serverCpuPercent),
      s.serverCpuUsPerRequest === null ? "n/a" : s.serverCpuUsPerRequest.toFixed(0),
      pct(s.benchCpuPercent),
      pct(s.otherCpuPercent),
      s.cache ? `${s.cache.hits}/${s.cache.misses}` : "",
    ]);
  }
  console.log(formatTable(rows));

  if (report.interference.warning) console.log(`\nwarning: ${report.interference.warning}`);

  const t = report.targets;
  console.log("\nTargets");
  console.log(
    `  /parse misses ÷ bare Fastify req/s: ${t.throughputRatio.value.toFixed(2)} (per round ${t.throughputRatio.perRound.map((r) => r.toFixed(2)).join(", ")}); ` +
      `target ${t.throughputRatio.target}: ${verdict(t.throughputRatio.met)}`,
  );
  const f = t.floorRatio;
  const us = (v) => (v === null ? "n/a" : v.toFixed(0));
  console.log(
    `  (GET /health/live ÷ bare Fastify req/s: ${f.value.toFixed(2)}, the ceiling for any route of the service here; server CPU per request: ` +
      `bare ${us(f.bareCpuUs)} µs, /health/live ${us(f.floorCpuUs)} µs, /parse miss ${us(f.missCpuUs)} µs)`,
  );
  const line = (name, j, how) =>
    console.log(`  ${name}, ${how}: ${j.percentile} ${ms(j.valueMs)} ms, delivered ${j.deliveredRps.toFixed(1)} req/s; target ${j.target}: ${verdict(j.met)}`);
  line("p99 at 1,000 req/s (misses)", t.p99At1000, "in step");
  line("p99 at 1,000 req/s (misses)", t.p99At1000Paced, "paced  ");
  line("seed promise (misses)      ", t.seedPromise, "in step");
  line("seed promise (misses)      ", t.seedPromisePaced, "paced  ");

  const logs = report.logs;
  console.log(
    `\nLogs: the service's stdout got ${(logs.stdoutBytes / 2 ** 20).toFixed(1)} MiB for ${logs.requests} /parse requests ` +
      `(${(logs.stdoutBytes / logs.requests).toFixed(0)} B per request, warm-up included); LOG_DIR holds ${(logs.fileBytes / 2 ** 20).toFixed(1)} MiB ` +
      `at the end (rotated files compressed, older ones deleted); service exit code after SIGTERM: ${report.serviceExitCode}`,
  );
}

// ---------------------------------------------------------------- main

async function main() {
  const args = readArgs(process.argv.slice(2));
  warnIfDistStale();
  const nextMissBody = missBodies(loadCases());
  const progress = (line) => console.error(line);
  const loadBefore = os.loadavg().map((v) => Math.round(v * 100) / 100);
  // How busy the machine is before anything starts: other work here disturbs every figure.
  const busyStart = machineBusySeconds();
  await sleep(1000);
  const busyBefore = busyStart === null ? null : Math.round(100 * (machineBusySeconds() - busyStart));
  if (busyBefore !== null) progress(`machine busy before start: ${busyBefore}% of a core`);
  const dir = mkdtempSync(join(os.tmpdir(), "calendar-api-bench-"));
  let bare;
  let api;
  let serviceExitCode = null;
  const scenarios = Object.fromEntries(SCENARIOS.map((s) => [s.id, { label: s.label, rate: s.rate ?? null, rounds: [] }]));
  let logs;
  try {
    bare = await startBare();
    api = await startApi(dir, args.logLevel);
    const servers = { bare, api };
    progress(`bare Fastify on ${bare.url} (pid ${bare.pid}); Calendar API on ${api.url} (pid ${api.pid}); temp dir ${dir}`);

    if (args.warmup > 0) {
      progress(`warm-up: ${args.warmup} s per server (and per /parse body kind)`);
      for (const scenario of SCENARIOS.filter((s) => !s.rate)) await load(scenario, servers[scenario.server], args.warmup, args.connections, nextMissBody);
      await sleep(PAUSE_SECONDS * 1000);
    }

    for (let round = 0; round < args.rounds; round++) {
      for (const scenario of rotate(SCENARIOS, round)) {
        const result = await load(scenario, servers[scenario.server], args.duration, args.connections, nextMissBody);
        scenarios[scenario.id].rounds.push({ round: round + 1, ...result });
        progress(
          `round ${round + 1}/${args.rounds}  ${scenario.label.padEnd(36)} ${result.rps.toFixed(0).padStart(6)} req/s  ` +
            `p50 ${ms(result.p50)}  p95 ${ms(result.p95)}  p99 ${ms(result.p99)} ms  non-2xx ${result.non2xx}  errors ${result.errors}`,
        );
        await sleep(PAUSE_SECONDS * 1000);
      }
    }

    const cache = await cacheStats(api);
    serviceExitCode = await stop(api);
    const stdoutBytes = statSync(join(dir, "stdout.log")).size;
    const fileBytes = directoryBytes(join(dir, "logs"));
    logs = { bytes: stdoutBytes + fileBytes, stdoutBytes, fileBytes, requests: cache.hits + cache.misses, files: readdirSync(join(dir, "logs")).sort() };
  } finally {
    await Promise.all([stop(bare), stop(api)]);
    if (args.keep) progress(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }

  for (const scenario of Object.values(scenarios)) scenario.median = summarize(scenario.rounds);
  const report = {
    machine: {
      node: process.versions.node,
      cpu: os.cpus()[0]?.model ?? "unknown",
      cores: os.availableParallelism?.() ?? os.cpus().length,
      platform: `${process.platform} ${process.arch}`,
      totalMemoryGiB: Math.round(os.totalmem() / 2 ** 30),
      loadAverageBefore: loadBefore,
      busyBeforePercent: busyBefore,
      loadAverageAfter: os.loadavg().map((v) => Math.round(v * 100) / 100),
    },
    options: args,
    date: new Date().toISOString(),
    setup: {
      loadGenerator: "autocannon (programmatic) in the bench process",
      servers: "child processes on the same machine",
      service: { command: "calendar-api serve", environment: "local", logLevel: args.logLevel, logs: "files under a temp LOG_DIR + stdout to a file", metrics: true, store: "sqlite" },
    },
    scenarios,
    targets: null,
    interference: null,
    logs,
    serviceExitCode,
  };
  report.targets = judge(scenarios);
  const others = Object.values(scenarios).map((s) => s.median.otherCpuPercent).filter((v) => v !== null);
  const worst = others.length > 0 ? Math.max(...others) : null;
  report.interference = {
    maxMedianOtherCpuPercent: worst,
    warning:
      worst !== null && worst > INTERFERENCE_WARN_PERCENT
        ? `other processes used up to ${worst.toFixed(0)}% of a core during the measurements (median of rounds); ` +
          "the figures are disturbed: rerun on a quiet machine"
        : null,
  };
  if (args.json) console.log(JSON.stringify(report, null, 2));
  else printReport(report);
}

await main();
