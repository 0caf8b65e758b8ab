// The Grafana provisioning and dashboards: valid JSON models whose datasources are provisioned, and whose every
// query names a metric the service really exports (read from its own registry, the ingestion metrics included) or a
// recording rule. PromQL syntax is checked with promtool when installed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { createIngestMetrics, INGEST_METRIC_NAMES } from "../../src/ops/ingestMetrics.js";
import { createMetrics } from "../../src/ops/metrics.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const DEPLOY = join(ROOT, "deploy");
const DASHBOARDS = join(DEPLOY, "grafana/dashboards");

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === "object" && v !== null && !Array.isArray(v);
const dict = (v: unknown): Dict => (isDict(v) ? v : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const yamlAt = (rel: string): Dict => dict(parseYaml(readFileSync(join(DEPLOY, rel), "utf8")));

/** Series Prometheus itself attaches to every target. */
const PROMETHEUS_SERIES: Record<string, string[]> = { up: [] };
/** Labels Prometheus adds to every scraped series (target labels), and `le` of histogram buckets. */
const TARGET_LABELS = ["job", "instance"];

/**
 * Every series name the service's registry exposes (histograms as _bucket/_sum/_count), with its label names: the
 * API's metrics and Node's defaults, plus the ingestion metrics `serve` and `calendar-api worker` register on it.
 */
async function exportedSeries(): Promise<Map<string, string[]>> {
  const metrics = createMetrics();
  createIngestMetrics(metrics.registry, { queue: "ingest", activeWorkers: () => 0 });
  const out = new Map<string, string[]>();
  for (const m of await metrics.registry.getMetricsAsJSON()) {
    const labels = [...((metrics.registry.getSingleMetric(m.name) as unknown as { labelNames?: string[] })?.labelNames ?? [])];
    const type = String(m.type);
    if (type === "histogram") {
      out.set(`${m.name}_bucket`, [...labels, "le"]);
      out.set(`${m.name}_sum`, labels);
      out.set(`${m.name}_count`, labels);
    } else if (type === "summary") {
      out.set(m.name, [...labels, "quantile"]);
      out.set(`${m.name}_sum`, labels);
      out.set(`${m.name}_count`, labels);
    } else {
      out.set(m.name, labels);
    }
  }
  return out;
}

/** Recording rules of deploy/prometheus/rules/*.yml (recording.yml first of all), with the labels they keep (unknown: any). */
function recordingRules(): Set<string> {
  const dir = join(DEPLOY, "prometheus/rules");
  const out = new Set<string>();
  if (!existsSync(dir)) return out;
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
    const doc = dict(parseYaml(readFileSync(join(dir, file), "utf8")));
    for (const group of list(doc.groups)) for (const rule of list(dict(group).rules)) if (dict(rule).record) out.add(String(dict(rule).record));
  }
  return out;
}

const PROMQL_WORDS = new Set(
  (
    "sum min max avg group stddev stdvar count count_values bottomk topk quantile by without on ignoring group_left group_right " +
    "and or unless bool offset atan2 inf nan"
  ).split(" "),
);
const PROMQL_FUNCTIONS = new Set(
  (
    "abs absent absent_over_time ceil changes clamp clamp_max clamp_min day_of_month day_of_week day_of_year days_in_month delta deriv " +
    "exp floor histogram_quantile holt_winters hour idelta increase irate label_join label_replace ln log2 log10 minute month " +
    "predict_linear rate resets round scalar sgn sort sort_desc sqrt time timestamp vector year avg_over_time min_over_time " +
    "max_over_time sum_over_time count_over_time quantile_over_time stddev_over_time stdvar_over_time last_over_time present_over_time"
  ).split(" "),
);

interface PromQLNames {
  metrics: string[];
  /** Label names in matchers and in by/without/on/ignoring/group_* clauses. */
  labels: string[];
  /** Calls of names that are not PromQL functions or aggregations (typos). */
  unknownFunctions: string[];
  /** job="…" matchers. */
  jobs: string[];
}

/** The metric and label names a PromQL expression uses (a tokenizer, not a full parser: enough for dashboards). */
function promqlNames(expr: string): PromQLNames {
  let s = expr.replace(/\$__\w+|\$\{[^}]+\}|\$\w+/g, "5m");
  const labels: string[] = [];
  const jobs: string[] = [];
  s = s.replace(/\{([^}]*)\}/g, (_, body: string) => {
    for (const m of body.matchAll(/([A-Za-z_]\w*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"/g)) {
      labels.push(m[1]);
      if (m[1] === "job") jobs.push(m[3]);
    }
    return " ";
  });
  s = s.replace(/"(?:[^"\\]|\\.)*"/g, " ").replace(/\[[^\]]*\]/g, " ");
  s = s.replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)/g, (_, _kw: string, body: string) => {
    labels.push(...body.split(",").map((l) => l.trim()).filter(Boolean));
    return " ";
  });
  s = s.replace(/\boffset\s+\w+/g, " ").replace(/(?<![\w:])\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g, " ");
  const metrics: string[] = [];
  const unknownFunctions: string[] = [];
  for (const m of s.matchAll(/([A-Za-z_:][\w:]*)(\s*\()?/g)) {
    const [, name, call] = m;
    if (call) {
      if (!PROMQL_FUNCTIONS.has(name) && !PROMQL_WORDS.has(name)) unknownFunctions.push(name);
    } else if (!PROMQL_WORDS.has(name)) metrics.push(name);
  }
  return { metrics, labels, unknownFunctions, jobs };
}

/** The stream selector's label matchers of a LogQL query. */
function logqlSelector(expr: string): Array<{ label: string; op: string; value: string }> {
  const body = /\{([^}]*)\}/.exec(expr)?.[1] ?? "";
  return [...body.matchAll(/([A-Za-z_]\w*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"/g)].map((m) => ({ label: m[1], op: m[2], value: m[3] }));
}

// ---------------------------------------------------------------------------------------------------------------

const datasources = list(yamlAt("grafana/provisioning/datasources/datasources.yml").datasources).map(dict);
const provisioned = new Map(datasources.map((d) => [String(d.uid), String(d.type)]));
const files = readdirSync(DASHBOARDS).filter((f) => f.endsWith(".json"));
const dashboards = files.map((file) => ({ file, model: dict(JSON.parse(readFileSync(join(DASHBOARDS, file), "utf8"))) }));

interface Query {
  file: string;
  panel: string;
  datasource: { type: string; uid: string };
  expr: string;
}

/** Panels at any depth (rows may nest panels when collapsed). */
function panelsOf(model: Dict): Dict[] {
  const out: Dict[] = [];
  const visit = (panels: unknown) => {
    for (const p of list(panels).map(dict)) {
      out.push(p);
      visit(p.panels);
    }
  };
  visit(model.panels);
  return out;
}

const queries: Query[] = dashboards.flatMap(({ file, model }) =>
  panelsOf(model)
    .filter((p) => p.type !== "row")
    .flatMap((p) =>
      list(p.targets)
        .map(dict)
        .map((t) => ({
          file,
          panel: String(p.title),
          datasource: dict(t.datasource ?? p.datasource) as Query["datasource"],
          expr: String(t.expr ?? ""),
        })),
    ),
);
const promQueries = queries.filter((q) => q.datasource.type === "prometheus");
const lokiQueries = queries.filter((q) => q.datasource.type === "loki");

describe("Grafana provisioning", () => {
  it("provisions Prometheus (the default) and Loki with fixed uids", () => {
    expect([...provisioned.entries()].sort()).toEqual([
      ["loki", "loki"],
      ["prometheus", "prometheus"],
    ]);
    expect(datasources.find((d) => d.type === "prometheus")?.isDefault).toBe(true);
    expect(yamlAt("grafana/provisioning/datasources/datasources.yml").apiVersion).toBe(1);
  });

  it("loads the dashboards folder from a file provider", () => {
    const config = yamlAt("grafana/provisioning/dashboards/dashboards.yml");
    expect(config.apiVersion).toBe(1);
    const providers = list(config.providers).map(dict);
    expect(providers).toHaveLength(1);
    expect(providers[0].type).toBe("file");
    expect(dict(providers[0].options).path).toBeDefined();
  });
});

describe("the dashboards", () => {
  it("are the four of the deployment: overview, parsing, ingestion, system", () => {
    expect(files.sort()).toEqual(["ingestion.json", "overview.json", "parsing.json", "system.json"]);
  });

  it.each(dashboards.map((d) => [d.file, d.model] as const))("%s is a Grafana dashboard model", (file, model) => {
    expect(typeof model.uid).toBe("string");
    expect(String(model.uid).length).toBeLessThanOrEqual(40);
    expect(typeof model.title).toBe("string");
    expect(model.schemaVersion).toBeGreaterThanOrEqual(36);
    // A file-provisioned dashboard is the model itself, not wrapped in {"dashboard": …} as the HTTP API takes it.
    expect(model.dashboard).toBeUndefined();
    expect(model.id ?? null).toBeNull();
    expect(list(model.tags)).toContain("calendar-api");
    const panels = panelsOf(model);
    expect(panels.length).toBeGreaterThan(0);
    const ids = panels.map((p) => p.id);
    expect(new Set(ids).size, "unique panel ids").toBe(ids.length);
    for (const p of panels) {
      const grid = dict(p.gridPos);
      for (const k of ["x", "y", "w", "h"]) expect(typeof grid[k], `${file}: ${String(p.title)} gridPos.${k}`).toBe("number");
      expect(Number(grid.x) + Number(grid.w), `${file}: ${String(p.title)} fits 24 columns`).toBeLessThanOrEqual(24);
      if (p.type === "row") continue;
      expect(typeof p.type).toBe("string");
      const targets = list(p.targets).map(dict);
      expect(targets.length, `${file}: ${String(p.title)} has queries`).toBeGreaterThan(0);
      const refIds = targets.map((t) => t.refId);
      expect(new Set(refIds).size, `${file}: ${String(p.title)} refIds`).toBe(refIds.length);
      for (const t of targets) {
        expect(String(t.expr ?? "").trim(), `${file}: ${String(p.title)} expr`).not.toBe("");
        if (t.datasource !== undefined) expect(t.datasource).toEqual(p.datasource);
      }
    }
  });

  it("have distinct uids", () => {
    const uids = dashboards.map((d) => d.model.uid);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it("reference only provisioned datasources, by uid and type", () => {
    expect(queries.length).toBeGreaterThan(0);
    for (const q of queries) {
      expect(provisioned.get(q.datasource.uid), `${q.file}: ${q.panel} datasource ${q.datasource.uid}`).toBe(q.datasource.type);
    }
  });

  it("show what the issue asks of each", () => {
    const titles = (file: string) =>
      panelsOf(dashboards.find((d) => d.file === file)?.model ?? {})
        .map((p) => String(p.title).toLowerCase())
        .join(" | ");
    const exprs = (file: string) => queries.filter((q) => q.file === file).map((q) => q.expr).join("\n");
    expect(titles("overview.json")).toMatch(/request rate/);
    expect(titles("overview.json")).toMatch(/error rate/);
    expect(titles("overview.json")).toMatch(/p95 latency/);
    expect(titles("overview.json")).toMatch(/availability/);
    expect(titles("parsing.json")).toMatch(/accuracy/);
    expect(titles("parsing.json")).toMatch(/confidence distribution/);
    expect(titles("parsing.json")).toMatch(/component latency/);
    expect(titles("parsing.json")).toMatch(/cache hit rate/);
    expect(exprs("parsing.json")).toMatch(/parsing_confidence_score_bucket/);
    expect(panelsOf(dashboards.find((d) => d.file === "parsing.json")?.model ?? {}).some((p) => p.type === "heatmap")).toBe(true);
    expect(titles("ingestion.json")).toMatch(/queue depth/);
    expect(titles("ingestion.json")).toMatch(/job latency/);
    expect(titles("ingestion.json")).toMatch(/dead/);
    expect(titles("ingestion.json")).toMatch(/scraper yield/);
    expect(titles("ingestion.json")).toMatch(/deduplication ratio/);
    expect(exprs("ingestion.json")).toMatch(/histogram_quantile\(0\.95, sum by \(kind, le\) \(rate\(scraper_execution_time_seconds_bucket/);
    expect(titles("system.json")).toMatch(/cpu/);
    expect(titles("system.json")).toMatch(/memory/);
    expect(titles("system.json")).toMatch(/event loop/);
    expect(exprs("system.json")).toMatch(/nodejs_eventloop_lag_seconds/);
    expect(exprs("system.json")).toMatch(/nodejs_eventloop_lag_p99_seconds/);
    expect(titles("system.json")).toMatch(/heap/);
    expect(titles("system.json")).toMatch(/garbage collection|gc/);
  });
});

describe("every PromQL query", () => {
  it("names only metrics the service exports or recording rules", async () => {
    const exported = await exportedSeries();
    const recorded = recordingRules();
    const problems: string[] = [];
    for (const q of promQueries) {
      const { metrics, unknownFunctions } = promqlNames(q.expr);
      if (metrics.length === 0) problems.push(`${q.file}: ${q.panel}: no metric in ${q.expr}`);
      for (const name of metrics) {
        if (!exported.has(name) && !recorded.has(name) && !(name in PROMETHEUS_SERIES)) problems.push(`${q.file}: ${q.panel}: ${name} is not exported`);
      }
      for (const f of unknownFunctions) problems.push(`${q.file}: ${q.panel}: unknown function ${f}()`);
    }
    expect(problems).toEqual([]);
  });

  it("uses only label names that its metrics carry", async () => {
    const known = new Map([...(await exportedSeries()), ...Object.entries(PROMETHEUS_SERIES)]);
    const recorded = recordingRules();
    const problems: string[] = [];
    for (const q of promQueries) {
      const { metrics, labels } = promqlNames(q.expr);
      // A recording rule's labels are whatever its expression keeps: not checked here.
      if (metrics.some((m) => recorded.has(m) && !known.has(m))) continue;
      const allowed = new Set([...TARGET_LABELS, ...metrics.flatMap((m) => known.get(m) ?? [])]);
      for (const label of labels) if (!allowed.has(label)) problems.push(`${q.file}: ${q.panel}: label ${label} is not on ${metrics.join(", ")}`);
    }
    expect(problems).toEqual([]);
  });

  it("selects the API's job as deploy/prometheus/prometheus.yml names it", () => {
    const jobNames = list(yamlAt("prometheus/prometheus.yml").scrape_configs).map((j) => String(dict(j).job_name));
    const jobs = promQueries.flatMap((q) => promqlNames(q.expr).jobs);
    expect(jobs.length).toBeGreaterThan(0);
    for (const job of jobs) expect(jobNames, `job="${job}"`).toContain(job);
  });

  it("chart every ingestion metric on the ingestion dashboard", () => {
    const used = new Set(promQueries.filter((q) => q.file === "ingestion.json").flatMap((q) => promqlNames(q.expr).metrics));
    for (const name of Object.values(INGEST_METRIC_NAMES)) {
      expect([name, `${name}_bucket`, `${name}_sum`, `${name}_count`].some((s) => used.has(s)), name).toBe(true);
    }
  });

  it("take the max of the queue depths across processes, never their sum: every process reports the same shared queue", () => {
    const problems: string[] = [];
    for (const q of promQueries) {
      for (const metric of [INGEST_METRIC_NAMES.queueDepth, INGEST_METRIC_NAMES.deadLetterDepth]) {
        // Each occurrence must be the direct argument of max (optionally by/without labels).
        const uses = [...q.expr.matchAll(new RegExp(`(?<![\\w:])${metric}\\b`, "g"))].length;
        const underMax = [...q.expr.matchAll(new RegExp(`\\bmax\\s*(?:(?:by|without)\\s*\\([^)]*\\))?\\s*\\(\\s*${metric}\\b`, "g"))].length;
        if (uses !== underMax) problems.push(`${q.file}: ${q.panel}: ${q.expr}`);
      }
    }
    expect(problems).toEqual([]);
  });

  const promtool = spawnSync("promtool", ["--version"]).status === 0;
  it.skipIf(!promtool)("parses (promtool check rules, with Grafana's variables replaced)", () => {
    const dir = mkdtempSync(join(tmpdir(), "dashboards-promql-"));
    try {
      const rules = promQueries.map((q, i) => ({
        record: `dashboard:check_${i}`,
        expr: q.expr.replace(/\$__rate_interval|\$__interval|\$__range/g, "5m"),
      }));
      const file = join(dir, "dashboards.rules.yml");
      writeFileSync(file, JSON.stringify({ groups: [{ name: "dashboards", rules }] }));
      const result = spawnSync("promtool", ["check", "rules", file], { encoding: "utf8" });
      expect(result.status, result.stdout + result.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("every LogQL query", () => {
  const promtail = dict(list(yamlAt("promtail/promtail-config.yml").scrape_configs)[0]);
  const staticLabels = list(promtail.static_configs).map((s) => dict(dict(s).labels));
  const pipelineLabels = list(promtail.pipeline_stages)
    .map(dict)
    .flatMap((s) => Object.keys(dict(s.labels)));
  const streamLabels = new Set([...staticLabels.flatMap((l) => Object.keys(l).filter((k) => !k.startsWith("__"))), "filename", ...pipelineLabels]);

  it("exists, on the Loki datasource", () => {
    expect(lokiQueries.length).toBeGreaterThan(0);
  });

  it("selects streams by labels Promtail sets, with values it produces", () => {
    const paths = new Set(staticLabels.map((l) => String(l.__path__)));
    const jobs = new Set(staticLabels.map((l) => String(l.job)));
    for (const q of lokiQueries) {
      const matchers = logqlSelector(q.expr);
      expect(matchers.length, `${q.file}: ${q.panel}`).toBeGreaterThan(0);
      for (const m of matchers) {
        expect(streamLabels.has(m.label), `${q.file}: ${q.panel}: label ${m.label}`).toBe(true);
        if (m.op === "=" && m.label === "filename") expect(paths.has(m.value), `${q.file}: ${q.panel}: ${m.value}`).toBe(true);
        if (m.op === "=" && m.label === "job") expect(jobs.has(m.value), `${q.file}: ${q.panel}: job ${m.value}`).toBe(true);
      }
    }
    expect(basename([...paths][0] ?? "")).toMatch(/\.log$/);
  });
});

describe("promqlNames (the test's own tokenizer)", () => {
  it("separates metrics from functions, labels, strings and durations", () => {
    const names = promqlNames(
      `histogram_quantile(0.95, sum by (le, route) (rate(http_request_duration_seconds_bucket{status=~"5..", job="calendar-api"}[$__rate_interval]))) / on(instance) group_left up offset 1h > 1e-3`,
    );
    expect(names.metrics).toEqual(["http_request_duration_seconds_bucket", "up"]);
    expect(names.labels.sort()).toEqual(["instance", "job", "le", "route", "status"]);
    expect(names.jobs).toEqual(["calendar-api"]);
    expect(names.unknownFunctions).toEqual([]);
    expect(promqlNames("sum(rte(x[5m]))").unknownFunctions).toEqual(["rte"]);
    expect(promqlNames(`(sum(rate(a_total[5m])) or vector(0)) / sum(b_total)`).metrics).toEqual(["a_total", "b_total"]);
  });
});
