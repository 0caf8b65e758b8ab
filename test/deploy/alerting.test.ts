// The alerting stack in deploy/: Prometheus rules and their unit tests, Alertmanager routing and inhibition, and
// the contract between them, the service's metrics (src/ops/metrics.ts, src/ops/ingestMetrics.ts) and the runbook
// (docs/alerts.md).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createIngestMetrics } from "../../src/ops/ingestMetrics.js";
import { createMetrics, LATENCY_BUCKETS_SECONDS } from "../../src/ops/metrics.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const PROMETHEUS = join(ROOT, "deploy/prometheus");
const ALERTMANAGER_CONFIG = join(ROOT, "deploy/alertmanager/alertmanager.yml");
const RULE_FILES = ["rules/recording.yml", "rules/alerts.yml"].map((f) => join(PROMETHEUS, f));
const TEST_FILES = readdirSync(join(PROMETHEUS, "tests"))
  .filter((f) => f.endsWith(".yml"))
  .sort()
  .map((f) => join(PROMETHEUS, "tests", f));
const RUNBOOK_BASE = "https://github.com/calendar-api/calendar-api/blob/main/docs/operations.md#";
const SEVERITIES = ["critical", "warning", "info", "page", "ticket"];
/** The SLO threshold the slow-ratio rules read as the histogram bucket le="2". */
const LATENCY_SLO_SECONDS = 2;

interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
interface RuleGroup {
  name: string;
  rules: Rule[];
}
interface AlertCheck {
  eval_time: string;
  alertname: string;
  exp_alerts?: Array<{ exp_labels?: Record<string, string>; exp_annotations?: Record<string, string> }> | null;
}
interface TestGroup {
  name: string;
  input_series: Array<{ series: string; values: string }>;
  alert_rule_test?: AlertCheck[];
  promql_expr_test?: Array<{ expr: string }>;
}
interface TestFile {
  rule_files: string[];
  group_eval_order?: string[];
  tests: TestGroup[];
}

const groupsOf = (file: string): RuleGroup[] => (parse(readFileSync(file, "utf8")) as { groups: RuleGroup[] }).groups;
const recordingGroups = groupsOf(RULE_FILES[0]);
const alertGroups = groupsOf(RULE_FILES[1]);
const records = recordingGroups.flatMap((g) => g.rules);
const alerts = alertGroups.flatMap((g) => g.rules);
const alertNames = [...new Set(alerts.map((a) => a.alert as string))];
const testFiles = TEST_FILES.map((file) => ({ file, spec: parse(readFileSync(file, "utf8")) as TestFile }));

/** Metric names a PromQL expression selects: what is left once strings, matchers, ranges, grouping clauses, numbers,
 * keywords and function calls are taken out. Good enough for the expressions of these rule files. */
function metricNames(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, "")
    .replace(/\{[^}]*\}/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, "")
    .replace(/(?<![\w:])\d+(?:\.\d*)?(?:[eE][+-]?\d+)?/g, "");
  const keywords = new Set(["and", "or", "unless", "bool", "offset", "inf", "nan"]);
  const names: string[] = [];
  for (const m of stripped.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const rest = stripped.slice((m.index ?? 0) + m[0].length);
    if (/^\s*\(/.test(rest) || keywords.has(m[0].toLowerCase())) continue;
    names.push(m[0]);
  }
  return [...new Set(names)];
}

/**
 * Every series name the service exports (the API's registry with the ingestion metrics, as `serve` and
 * `calendar-api worker` build it), with the _bucket/_count/_sum series of its histograms and each one's label names.
 */
async function exportedSeries(): Promise<Map<string, string[]>> {
  const metrics = createMetrics({ defaultMetrics: false });
  createIngestMetrics(metrics.registry, { queue: "ingest", activeWorkers: () => 0 });
  const series = new Map<string, string[]>();
  for (const m of await metrics.registry.getMetricsAsJSON()) {
    const labels = [...((metrics.registry.getSingleMetric(m.name) as unknown as { labelNames?: string[] })?.labelNames ?? [])];
    series.set(m.name, labels);
    if (String(m.type) === "histogram") {
      series.set(`${m.name}_bucket`, [...labels, "le"]);
      for (const suffix of ["_count", "_sum"]) series.set(m.name + suffix, labels);
    }
  }
  return series;
}

/** Labels Prometheus attaches to every scraped series. */
const TARGET_LABELS = ["job", "instance"];

/** The label names of a series in promtool's input notation: `name{a="1", b="2"}`. */
function seriesLabels(series: string): string[] {
  return [...(/\{(.*)\}/.exec(series)?.[1] ?? "").matchAll(/([A-Za-z_]\w*)\s*=/g)].map((m) => m[1]);
}

/** Prometheus durations as the test files write them: 1d1h10m, 1510m, 36h5m, 15s. */
function seconds(duration: string): number {
  const units: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };
  let total = 0;
  let rest = duration;
  while (rest.length > 0) {
    const m = /^(\d+)(ms|s|m|h|d|w|y)/.exec(rest);
    if (!m) throw new Error(`not a duration: ${duration}`);
    total += Number(m[1]) * units[m[2]];
    rest = rest.slice(m[0].length);
  }
  return total;
}

/** GitHub's anchor for a Markdown heading. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function run(command: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  const output = `$ ${command} ${args.join(" ")}\n${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}`;
  return { status: result.status, output };
}

/** The first of `names` that runs (`--version` exits 0), or undefined. */
function binary(...names: string[]): string | undefined {
  return names.find((name) => spawnSync(name, ["--version"], { encoding: "utf8" }).status === 0);
}

function walk(value: unknown, visit: (key: string, value: unknown) => void): void {
  if (Array.isArray(value)) for (const item of value) walk(item, visit);
  else if (value !== null && typeof value === "object")
    for (const [key, item] of Object.entries(value)) {
      visit(key, item);
      walk(item, visit);
    }
}

describe("alerting rules", () => {
  it("give every alert a severity, the service label, a summary, a description with its value and a runbook link", () => {
    expect(alerts.length).toBeGreaterThan(0);
    for (const a of alerts) {
      const where = `${a.alert} (${a.labels?.severity})`;
      expect(SEVERITIES, `${where}: severity`).toContain(a.labels?.severity);
      expect(a.labels?.service, `${where}: service label`).toBe("calendar-api");
      expect(a.annotations?.summary, `${where}: summary`).toMatch(/\S/);
      expect(a.annotations?.description, `${where}: description shows {{ $value }}`).toMatch(/\{\{[^}]*\$value[^}]*\}\}/);
      expect(a.annotations?.runbook_url, `${where}: runbook_url`).toMatch(/^https:\/\/github\.com\/calendar-api\/calendar-api\/blob\/main\/docs\/operations\.md#[a-z0-9-]+$/);
      expect(a.annotations?.runbook_url?.startsWith(RUNBOOK_BASE), where).toBe(true);
    }
  });

  it("page and ticket on the SLO burn alerts only, once each", () => {
    for (const name of alertNames) {
      const severities = alerts.filter((a) => a.alert === name).map((a) => a.labels?.severity as string).sort();
      if (name.startsWith("SLO")) expect(severities, name).toEqual(["page", "ticket"]);
      else expect(severities.length, name).toBe(1);
      if (!name.startsWith("SLO")) expect(["critical", "warning", "info"], name).toContain(severities[0]);
    }
  });

  it("name only metrics the service exports (the ingestion metrics included), recording rules, or up", async () => {
    const known = new Set([...(await exportedSeries()).keys(), ...records.map((r) => r.record as string), "up"]);
    const unknown: string[] = [];
    for (const rule of [...records, ...alerts])
      for (const name of metricNames(rule.expr)) if (!known.has(name)) unknown.push(`${rule.alert ?? rule.record}: ${name}`);
    expect(unknown).toEqual([]);
    // The extractor sees through a typical expression.
    expect(metricNames('histogram_quantile(0.95, sum by (job, le) (rate(http_request_duration_seconds_bucket{job="calendar-api"}[5m]))) > 2 and on (job) up == 1')).toEqual(["http_request_duration_seconds_bucket", "up"]);
  });

  it("feed their unit tests only series the service (or Prometheus) produces, with the labels it gives them", async () => {
    const known = new Map([...(await exportedSeries()), ["up", []]]);
    const unknown: string[] = [];
    for (const { file, spec } of testFiles)
      for (const test of spec.tests)
        for (const s of test.input_series) {
          const name = s.series.split("{")[0].trim();
          const where = `${relative(ROOT, file)}: ${test.name}: ${name}`;
          if (!known.has(name)) unknown.push(where);
          else for (const label of seriesLabels(s.series)) if (![...TARGET_LABELS, ...(known.get(name) ?? [])].includes(label)) unknown.push(`${where}: label ${label}`);
        }
    expect(unknown).toEqual([]);
    expect(seriesLabels('queue_depth{job="calendar-api", instance="a:1", queue="ingest"}')).toEqual(["job", "instance", "queue"]);
  });

  it("record request rate, error ratio, p95, slow ratio and availability for every SLO window", () => {
    const names = new Set(records.map((r) => r.record));
    const families = [
      "route:http_requests:rate",
      "job:http_requests:rate",
      "route:http_requests_errors:ratio_rate",
      "job:http_requests_errors:ratio_rate",
      "route:http_request_duration_seconds:p95_rate",
      "job:http_request_duration_seconds:p95_rate",
      "job:http_request_duration_seconds:slow_ratio_rate",
      "job:up:avg_over_time",
    ];
    for (const window of ["5m", "30m", "1h", "2h", "6h", "1d", "3d"])
      for (const family of families) expect(names.has(`${family}${window}`), `${family}${window}`).toBe(true);
    // The SLO alerts read recording rules that exist.
    for (const a of alerts.filter((r) => r.alert?.startsWith("SLO")))
      for (const name of metricNames(a.expr)) expect(names.has(name), `${a.alert}: ${name}`).toBe(true);
  });

  it("read the latency SLO from a histogram bucket the service has", () => {
    expect(LATENCY_BUCKETS_SECONDS).toContain(LATENCY_SLO_SECONDS);
    for (const r of records.filter((x) => x.record?.includes("slow_ratio"))) expect(r.expr).toContain(`le=~"${LATENCY_SLO_SECONDS}|${LATENCY_SLO_SECONDS}.0"`);
  });

  it("are each proven by a unit test: quiet before, firing with every severity, resolved after", () => {
    const problems: string[] = [];
    for (const name of alertNames) {
      const firedSeverities = new Set<string>();
      let provenOnce = false;
      for (const { spec } of testFiles)
        for (const test of spec.tests) {
          const checks = (test.alert_rule_test ?? []).filter((c) => c.alertname === name).map((c) => ({ at: seconds(c.eval_time), alerts: c.exp_alerts ?? [] }));
          for (const c of checks) for (const a of c.alerts) firedSeverities.add(a.exp_labels?.severity ?? "");
          const firing = checks.filter((c) => c.alerts.length > 0).map((c) => c.at);
          if (firing.length === 0) continue;
          const first = Math.min(...firing);
          const last = Math.max(...firing);
          const quietBefore = checks.some((c) => c.alerts.length === 0 && c.at < first);
          const quietAfter = checks.some((c) => c.alerts.length === 0 && c.at > last);
          if (quietBefore && quietAfter) provenOnce = true;
        }
      if (!provenOnce) problems.push(`${name}: no test group checks it quiet, then firing, then resolved`);
      for (const severity of alerts.filter((a) => a.alert === name).map((a) => a.labels?.severity as string))
        if (!firedSeverities.has(severity)) problems.push(`${name}: never seen firing with severity ${severity}`);
    }
    expect(problems).toEqual([]);
  });

  it("are unit-tested with recording rules evaluated before the alerts that read them", () => {
    const order = [...recordingGroups, ...alertGroups].map((g) => g.name);
    for (const { file, spec } of testFiles) {
      expect(spec.group_eval_order, relative(ROOT, file)).toEqual(order);
      expect(spec.rule_files, relative(ROOT, file)).toEqual(["../rules/recording.yml", "../rules/alerts.yml"]);
    }
  });
});

describe("docs/alerts.md", () => {
  const doc = readFileSync(join(ROOT, "docs/alerts.md"), "utf8");

  it("lists every alert with its severity and runbook anchor", () => {
    const rows = doc.split("\n").filter((l) => l.startsWith("| `"));
    for (const a of alerts) {
      const anchor = `#${(a.annotations?.runbook_url ?? "").split("#")[1]}`;
      const row = rows.find((l) => l.startsWith(`| \`${a.alert}\` |`) && l.includes(`| ${a.labels?.severity} |`));
      expect(row, `${a.alert} (${a.labels?.severity})`).toBeDefined();
      expect(row, `${a.alert}: ${anchor}`).toContain(`\`${anchor}\``);
      expect(doc, `${anchor} in the anchor table`).toContain(`| \`${anchor}\` |`);
    }
  });

  it("names headings that produce the anchors", () => {
    for (const m of doc.matchAll(/^\| `(#[a-z0-9-]+)` \| `([^`]+)` \|$/gm)) expect(`#${slug(m[2])}`).toBe(m[1]);
  });

  const operations = join(ROOT, "docs/operations.md");
  it.skipIf(!existsSync(operations))("matches sections of docs/operations.md (skipped until the runbook exists)", () => {
    const anchors = new Set(
      readFileSync(operations, "utf8")
        .split("\n")
        .filter((l) => /^#{1,6}\s/.test(l))
        .map((l) => `#${slug(l.replace(/^#+\s*/, ""))}`),
    );
    for (const a of alerts) {
      const anchor = `#${(a.annotations?.runbook_url ?? "").split("#")[1]}`;
      expect(anchors.has(anchor), `${a.alert}: docs/operations.md has no heading for ${anchor}`).toBe(true);
    }
  });
});

describe("alertmanager.yml", () => {
  const config = parse(readFileSync(ALERTMANAGER_CONFIG, "utf8")) as Record<string, unknown>;

  it("reads every credential from a file", () => {
    const inline = new Set(["api_url", "slack_api_url", "routing_key", "service_key", "auth_password", "smtp_auth_password", "auth_secret", "smtp_auth_secret", "password", "credentials", "bearer_token"]);
    const found: string[] = [];
    const files: string[] = [];
    walk(config, (key, value) => {
      if (inline.has(key)) found.push(key);
      if (key.endsWith("_file")) files.push(`${key}=${String(value)}`);
    });
    expect(found).toEqual([]);
    expect(files.sort()).toEqual([
      "routing_key_file=/run/secrets/pagerduty_routing_key",
      "slack_api_url_file=/run/secrets/slack_webhook_url",
      "smtp_auth_password_file=/run/secrets/smtp_password",
    ]);
  });

  it("inhibits only alerts that exist", () => {
    const rules = config.inhibit_rules as Array<{ source_matchers: string[]; target_matchers: string[] }>;
    for (const rule of rules)
      for (const matcher of [...rule.source_matchers, ...rule.target_matchers]) {
        const m = /^alertname(=~|=)"([^"]*)"$/.exec(matcher);
        if (m) for (const name of m[2].split("|")) expect(alertNames, matcher).toContain(name);
      }
  });
});

const promtool = binary("promtool");
const describePromtool = promtool ? describe : describe.skip;
describePromtool(`promtool${promtool ? "" : " (skipped: promtool not found; install the Debian package prometheus)"}`, () => {
  it("accepts prometheus.yml and the rule files it loads", () => {
    const { status, output } = run("promtool", ["check", "config", "deploy/prometheus/prometheus.yml"]);
    expect(status, output).toBe(0);
    expect(output).toContain("SUCCESS: 2 rule files found");
  });

  it("accepts the rule files", () => {
    const { status, output } = run("promtool", ["check", "rules", ...RULE_FILES.map((f) => relative(ROOT, f))]);
    expect(status, output).toBe(0);
  });

  it.each(TEST_FILES.map((f) => relative(ROOT, f)))("passes the rule unit tests in %s", (file) => {
    const { status, output } = run("promtool", ["test", "rules", file]);
    expect(status, output).toBe(0);
  }, 120_000);
});

const amtool = binary("amtool");
const describeAmtool = amtool ? describe : describe.skip;
describeAmtool(`amtool${amtool ? "" : " (skipped: amtool not found; install the Debian package prometheus-alertmanager)"}`, () => {
  it("accepts alertmanager.yml and its templates", () => {
    const { status, output } = run("amtool", ["check-config", "deploy/alertmanager/alertmanager.yml"]);
    expect(status, output).toBe(0);
    expect(output).toContain("1 templates");
  });

  it.each([
    ["critical", "oncall"],
    ["page", "oncall"],
    ["warning", "team"],
    ["ticket", "team"],
    ["info", "webhook"],
    ["", "team"],
  ])("routes severity %j to %s", (severity, receiver) => {
    const labels = ["alertname=HighErrorRate", "service=calendar-api", ...(severity ? [`severity=${severity}`] : [])];
    const { status, output } = run("amtool", ["config", "routes", "test", "--config.file=deploy/alertmanager/alertmanager.yml", `--verify.receivers=${receiver}`, ...labels]);
    expect(status, output).toBe(0);
  });

  it("renders the notification templates", () => {
    const { status, output } = run("amtool", ["template", "render", "--template.glob=deploy/alertmanager/templates/*.tmpl", '--template.text={{ template "calendar_api.title" . }}|{{ template "calendar_api.text" . }}']);
    expect(status, output).toBe(0);
  });
});

/** A free TCP port on loopback (released just before Alertmanager binds it). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

const alertmanager = binary("prometheus-alertmanager", "alertmanager");
const describeAlertmanager = alertmanager ? describe : describe.skip;
describeAlertmanager(`Alertmanager inhibition${alertmanager ? "" : " (skipped: alertmanager not found; install the Debian package prometheus-alertmanager)"}`, () => {
  let child: ChildProcess | undefined;
  let base = "";
  let storage = "";
  let log = "";

  beforeAll(async () => {
    storage = mkdtempSync(join(tmpdir(), "calendar-api-alertmanager-"));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // The real configuration: its receivers' secret files do not exist here, so nothing can be sent anywhere.
    child = spawn(alertmanager as string, [`--config.file=${ALERTMANAGER_CONFIG}`, `--storage.path=${storage}`, `--web.listen-address=127.0.0.1:${port}`, "--cluster.listen-address="], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout?.on("data", (d: Buffer) => (log += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
    const deadline = Date.now() + 15_000;
    for (;;) {
      const ready = await fetch(`${base}/-/ready`).then((r) => r.ok, () => false);
      if (ready) break;
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`Alertmanager did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 30_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child?.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    if (storage) rmSync(storage, { recursive: true, force: true });
  });

  type Labels = Record<string, string>;
  async function post(alerts: Labels[]): Promise<void> {
    const response = await fetch(`${base}/api/v2/alerts`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(alerts.map((labels) => ({ labels }))) });
    expect(response.ok, await response.text()).toBe(true);
  }
  async function states(): Promise<Map<string, string>> {
    const list = (await (await fetch(`${base}/api/v2/alerts`)).json()) as Array<{ labels: Labels; status: { state: string } }>;
    return new Map(list.map((a) => [`${a.labels.alertname}/${a.labels.severity}/${a.labels.service}`, a.status.state]));
  }

  it("holds back a down service's symptoms and a lower severity of the same alert, and nothing else", async () => {
    await post([
      { alertname: "ServiceDown", severity: "critical", service: "calendar-api", instance: "calendar-api:8000", job: "calendar-api" },
      { alertname: "HighErrorRate", severity: "critical", service: "calendar-api", job: "calendar-api" },
      { alertname: "SLOAvailabilityBurn", severity: "page", service: "calendar-api", job: "calendar-api", slo: "availability" },
      { alertname: "DeadLetterQueueBacklog", severity: "warning", service: "calendar-api", job: "calendar-api" },
      { alertname: "HighResponseTime", severity: "warning", service: "another-service", job: "another-service" },
      { alertname: "SLOErrorBudgetBurn", severity: "page", service: "other", job: "other", slo: "errors" },
      { alertname: "SLOErrorBudgetBurn", severity: "ticket", service: "other", job: "other", slo: "errors" },
      { alertname: "SLOLatencyBurn", severity: "ticket", service: "other", job: "other", slo: "latency" },
    ]);
    let seen = new Map<string, string>();
    for (let i = 0; i < 50 && [...seen.values()].filter((s) => s === "suppressed").length < 3; i++) {
      await new Promise((r) => setTimeout(r, 100));
      seen = await states();
    }
    expect(Object.fromEntries(seen)).toEqual({
      "ServiceDown/critical/calendar-api": "active",
      "HighErrorRate/critical/calendar-api": "suppressed",
      "SLOAvailabilityBurn/page/calendar-api": "suppressed",
      "DeadLetterQueueBacklog/warning/calendar-api": "active",
      "HighResponseTime/warning/another-service": "active",
      "SLOErrorBudgetBurn/page/other": "active",
      "SLOErrorBudgetBurn/ticket/other": "suppressed",
      "SLOLatencyBurn/ticket/other": "active",
    });
  }, 30_000);
});
