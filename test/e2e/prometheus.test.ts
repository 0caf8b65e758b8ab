// A real Prometheus (Debian package `prometheus`) scraping the real CLI server on loopback every second, with the
// repository's rule files loaded: the target is up, every rule group is evaluated and healthy, `up` reads 1 and a
// recording rule has a value. The in-process alerts of the same server answer on GET /alerts alongside.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type CliServer, eventually, freePort, ROOT, startCli } from "./helpers.js";

const PROMETHEUS_BIN = "prometheus";
const RULES_DIR = join(ROOT, "deploy/prometheus/rules");
const RULE_FILES = readdirSync(RULES_DIR)
  .filter((f) => f.endsWith(".yml"))
  .sort()
  .map((f) => join(RULES_DIR, f));
const RULE_GROUPS = RULE_FILES.flatMap((file) => (parse(readFileSync(file, "utf8")) as { groups: Array<{ name: string }> }).groups.map((g) => g.name));
/** Prometheus' zero time: what lastEvaluation reads before a group's first evaluation. */
const NEVER = "0001-01-01T00:00:00Z";

const installed = spawnSync(PROMETHEUS_BIN, ["--version"], { encoding: "utf8" }).status === 0;
const title = installed
  ? "e2e: a real Prometheus scrapes the API and evaluates the rules"
  : "e2e: a real Prometheus scrapes the API and evaluates the rules (skipped: no `prometheus` binary; apt install prometheus)";

interface PromResponse<T> {
  status: "success" | "error";
  data: T;
  error?: string;
}
interface Target {
  health: "up" | "down" | "unknown";
  labels: Record<string, string>;
  scrapeUrl: string;
  lastError: string;
}
interface RuleGroup {
  name: string;
  file: string;
  lastEvaluation: string;
  rules: Array<{ name: string; type: "alerting" | "recording"; health: string; lastError?: string; lastEvaluation: string; state?: string }>;
}
interface VectorResult {
  resultType: "vector";
  result: Array<{ metric: Record<string, string>; value: [number, string] }>;
}

describe.skipIf(!installed)(title, () => {
  let api: CliServer;
  let prometheus: ChildProcess | undefined;
  let promUrl = "";
  let dir = "";
  let promOutput = "";

  async function prom<T>(path: string): Promise<T> {
    const body = (await (await fetch(`${promUrl}${path}`)).json()) as PromResponse<T>;
    if (body.status !== "success") throw new Error(`${path}: ${body.error}`);
    return body.data;
  }
  const query = (q: string) => prom<VectorResult>(`/api/v1/query?query=${encodeURIComponent(q)}`);

  beforeAll(async () => {
    api = await startCli({ LOG_LEVEL: "warn" });
    dir = mkdtempSync(join(tmpdir(), "calendar-prometheus-"));
    const port = await freePort();
    promUrl = `http://127.0.0.1:${port}`;
    const config = [
      "global:",
      "  scrape_interval: 1s",
      "  scrape_timeout: 1s",
      "  evaluation_interval: 1s",
      "rule_files:",
      ...RULE_FILES.map((f) => `  - ${JSON.stringify(f)}`),
      "scrape_configs:",
      "  - job_name: calendar-api",
      "    metrics_path: /metrics",
      "    static_configs:",
      `      - targets: ["127.0.0.1:${api.port}"]`,
      "",
    ].join("\n");
    writeFileSync(join(dir, "prometheus.yml"), config);
    prometheus = spawn(
      PROMETHEUS_BIN,
      [`--config.file=${join(dir, "prometheus.yml")}`, `--storage.tsdb.path=${join(dir, "data")}`, `--web.listen-address=127.0.0.1:${port}`, "--web.enable-lifecycle"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    prometheus.stdout?.setEncoding("utf8").on("data", (chunk: string) => void (promOutput += chunk));
    prometheus.stderr?.setEncoding("utf8").on("data", (chunk: string) => void (promOutput += chunk));
    const ready = await eventually(async () => {
      if (prometheus?.exitCode !== null) return true; // exited: stop polling and report below
      return fetch(`${promUrl}/-/ready`).then((r) => r.ok, () => false);
    }, 15_000, 100);
    if (!ready || prometheus.exitCode !== null) throw new Error(`prometheus did not become ready:\n${promOutput.slice(-3000)}`);
  }, 40_000);

  afterAll(async () => {
    if (prometheus && prometheus.exitCode === null && prometheus.signalCode === null) {
      const exited = new Promise((resolve) => prometheus?.once("exit", resolve));
      prometheus.kill("SIGTERM");
      const timer = setTimeout(() => prometheus?.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await api?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 20_000);

  it("sees the Calendar API target up", async () => {
    const target = await eventually(async () => {
      const { activeTargets } = await prom<{ activeTargets: Target[] }>("/api/v1/targets");
      return activeTargets.find((t) => t.labels.job === "calendar-api" && t.health === "up");
    }, 15_000, 250);
    expect(target, promOutput.slice(-2000)).toMatchObject({ health: "up", scrapeUrl: `http://127.0.0.1:${api.port}/metrics`, lastError: "" });
  }, 20_000);

  it("loads every rule group from deploy/prometheus/rules and evaluates each rule without error", async () => {
    const groups = await eventually(async () => {
      const data = await prom<{ groups: RuleGroup[] }>("/api/v1/rules");
      const evaluated = data.groups.every((g) => g.lastEvaluation !== NEVER && g.rules.every((r) => r.lastEvaluation !== NEVER));
      return data.groups.length === RULE_GROUPS.length && evaluated ? data.groups : null;
    }, 15_000, 250);
    expect(groups, promOutput.slice(-2000)).not.toBeNull();
    expect(groups?.map((g) => g.name).sort()).toEqual([...RULE_GROUPS].sort());
    expect(new Set(groups?.map((g) => g.file))).toEqual(new Set(RULE_FILES));
    const unhealthy = groups?.flatMap((g) => g.rules).filter((r) => r.health !== "ok") ?? [];
    expect(unhealthy.map((r) => `${r.name}: ${r.health} ${r.lastError ?? ""}`)).toEqual([]);
    const rules = groups?.flatMap((g) => g.rules) ?? [];
    expect(rules.some((r) => r.type === "alerting")).toBe(true);
    expect(rules.some((r) => r.type === "recording")).toBe(true);
  }, 20_000);

  it("reads up{job=\"calendar-api\"} as 1, and no ServiceDown", async () => {
    const up = await eventually(async () => (await query('up{job="calendar-api"}')).result[0], 10_000, 250);
    expect(up?.metric).toMatchObject({ job: "calendar-api", instance: `127.0.0.1:${api.port}` });
    expect(up?.value[1]).toBe("1");
    expect((await query('ALERTS{alertname="ServiceDown"}')).result).toEqual([]);
  }, 15_000);

  it("computes a recording rule from a few scrapes: the request rate is positive and availability is 1", async () => {
    // Traffic of our own beside the scrapes (which /metrics also counts).
    for (let i = 0; i < 10; i++) await (await fetch(`${api.url}/health/live`)).arrayBuffer();
    const rate = await eventually(async () => {
      const [sample] = (await query('job:http_requests:rate5m{job="calendar-api"}')).result;
      return sample !== undefined && Number(sample.value[1]) > 0 ? sample : undefined;
    }, 15_000, 250);
    expect(rate, promOutput.slice(-2000)).toBeDefined();
    expect(Number(rate?.value[1])).toBeGreaterThan(0);
    const [availability] = (await query('job:up:avg_over_time5m{job="calendar-api"}')).result;
    expect(availability?.value[1]).toBe("1");
  }, 20_000);

  it("the same server's in-process alerts answer on GET /alerts", async () => {
    const res = await fetch(`${api.url}/alerts`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { lastEvaluation: string | null; active: unknown[]; recent: unknown[] };
    expect(body.lastEvaluation).not.toBeNull();
    expect(body.recent).toEqual([]);
  });
});
