/**
 * `calendar-api check [--url URL] [--logs DIR] [--json]`: the morning health check of docs/operations.md. Asks a
 * running service for /health, /health/ready, /status and /alerts, summarises the last 24 hours of its log files
 * and says whether all is well: exit 0 healthy, 1 degraded, unhealthy or unreachable.
 */
import { resolve } from "node:path";
import type { AppConfig } from "../../config/types.js";
import { CliError, type CliIo } from "../io.js";
import { type LogSummary, summarizeLogs } from "../ops/logSummary.js";
import { defaultServiceUrl, operatorKey, probe, type ProbeAnswer } from "../ops/serviceProbe.js";

export interface CheckFlags {
  /** Base URL of the service; default http://<server.host>:<server.port> (a wildcard host read as 127.0.0.1). */
  url?: string;
  /** Log directory; default `logging.dir` (no log summary when neither is set). */
  logs?: string;
  json: boolean;
}

export type Verdict = "healthy" | "degraded" | "unhealthy" | "unreachable";

/** An alert as the check shows it (GET /alerts, read leniently). */
export interface CheckedAlert {
  name: string;
  severity: string;
  state: string;
  summary: string;
}

export interface CheckReport {
  url: string;
  checkedAt: string;
  verdict: Verdict;
  /** Why the verdict is not "healthy" (empty when it is). */
  reasons: string[];
  health: { httpStatus: number | null; status: string | null; checks: Array<{ name: string; status: string; latencyMs: number | null; detail: unknown }>; error?: string };
  ready: { httpStatus: number | null; ready: boolean; reason: string | null };
  status: Record<string, unknown> | null;
  /** `available` is false when the service has no /alerts (404), refused it or did not answer; `note` says which. */
  alerts: { available: boolean; note: string | null; active: CheckedAlert[] };
  logs: LogSummary | null;
  logsNote: string | null;
}

/** The window the log summary covers: 24 hours. */
export const CHECK_WINDOW_MS = 24 * 3_600_000;

export async function checkCommand(flags: CheckFlags, io: CliIo, config: Pick<AppConfig, "server" | "security" | "logging">, cwd = "."): Promise<number> {
  const url = flags.url ?? defaultServiceUrl(config);
  if (!/^https?:\/\/[^/]/i.test(url)) throw new CliError(`--url: expected an http:// or https:// URL, got "${url}"`);
  const key = operatorKey(config);
  const now = io.now();

  const [health, ready, status, alerts] = await Promise.all(["/health", "/health/ready", "/status", "/alerts"].map((path) => probe(url, path, key)));
  const logDir = flags.logs ?? config.logging.dir;
  const logs = logDir === null || logDir === undefined ? null : await summarizeLogs(resolve(cwd, logDir), now - CHECK_WINDOW_MS, now);

  const report = buildReport(url, new Date(now).toISOString(), health!, ready!, status!, alerts!, logs);
  io.stdout(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatCheck(report));
  return report.verdict === "healthy" ? 0 : 1;
}

function buildReport(url: string, checkedAt: string, health: ProbeAnswer, ready: ProbeAnswer, status: ProbeAnswer, alerts: ProbeAnswer, logs: LogSummary | null): CheckReport {
  const reasons: string[] = [];
  const healthBody = record(health.json);
  const healthStatus = typeof healthBody?.status === "string" ? healthBody.status : null;
  const checks = (Array.isArray(healthBody?.checks) ? healthBody.checks : []).map((c: unknown) => {
    const r = record(c) ?? {};
    return { name: String(r.name ?? "?"), status: String(r.status ?? "?"), latencyMs: typeof r.latencyMs === "number" ? r.latencyMs : null, detail: r.detail ?? null };
  });
  const readyBody = record(ready.json);
  const isReady = ready.status === 200;
  const readyReason = isReady ? null : typeof readyBody?.detail === "string" ? readyBody.detail : ready.error ?? (ready.status === null ? "no answer" : `HTTP ${ready.status}`);
  const alertView = readAlerts(alerts);

  let verdict: Verdict = "healthy";
  const worsen = (to: Verdict, reason: string) => {
    const order: Verdict[] = ["healthy", "degraded", "unhealthy", "unreachable"];
    if (order.indexOf(to) > order.indexOf(verdict)) verdict = to;
    reasons.push(reason);
  };
  if (health.status === null) worsen("unreachable", `the service does not answer at ${url}: ${health.error ?? "no answer"}`);
  else {
    if (healthStatus !== "healthy") worsen(healthStatus === "degraded" ? "degraded" : "unhealthy", `/health reports ${healthStatus ?? `HTTP ${health.status}`}${failing(checks)}`);
    if (!isReady) worsen("unhealthy", `not ready: ${readyReason}`);
    for (const alert of alertView.active) {
      if (alert.state !== "firing") continue;
      if (alert.severity === "critical") worsen("unhealthy", `alert ${alert.name} (critical) is firing`);
      else if (alert.severity === "warning") worsen("degraded", `alert ${alert.name} (warning) is firing`);
    }
  }

  return {
    url,
    checkedAt,
    verdict,
    reasons,
    health: { httpStatus: health.status, status: healthStatus, checks, ...(health.error ? { error: health.error } : {}) },
    ready: { httpStatus: ready.status, ready: isReady, reason: readyReason },
    status: record(status.json),
    alerts: alertView,
    logs,
    logsNote: logs === null ? "no log directory (set LOG_DIR or pass --logs DIR)" : null,
  };
}

function failing(checks: CheckReport["health"]["checks"]): string {
  const bad = checks.filter((c) => c.status !== "healthy").map((c) => `${c.name} ${c.status}`);
  return bad.length === 0 ? "" : ` (${bad.join(", ")})`;
}

/** Reads GET /alerts leniently: `{ active: [...] }`, `{ alerts: [...] }` or a bare list; 404 means the service has none. */
function readAlerts(answer: ProbeAnswer): CheckReport["alerts"] {
  if (answer.status === null) return { available: false, note: answer.error ?? "no answer", active: [] };
  if (answer.status === 404) return { available: false, note: "this service has no /alerts", active: [] };
  if (answer.status === 401 || answer.status === 403) return { available: false, note: `/alerts refused the request (HTTP ${answer.status}); configure an admin key in API_KEYS`, active: [] };
  if (answer.status !== 200) return { available: false, note: `/alerts answered HTTP ${answer.status}`, active: [] };
  const body = answer.json;
  const list = Array.isArray(body) ? body : Array.isArray(record(body)?.active) ? (record(body)!.active as unknown[]) : Array.isArray(record(body)?.alerts) ? (record(body)!.alerts as unknown[]) : [];
  const active = list.map((item) => {
    const a = record(item) ?? {};
    const labels = record(a.labels) ?? {};
    return {
      name: String(a.name ?? a.alertname ?? labels.alertname ?? "?"),
      severity: String(a.severity ?? labels.severity ?? "?"),
      state: String(a.state ?? a.status ?? "firing"),
      summary: String(a.summary ?? record(a.annotations)?.summary ?? ""),
    };
  });
  return { available: true, note: null, active };
}

/** The report as a few aligned lines. */
export function formatCheck(report: CheckReport): string {
  const lines: string[] = [`calendar-api check  ${report.url}  ${report.checkedAt}`];
  const row = (label: string, text: string) => lines.push(`${label.padEnd(11)}${text}`);

  if (report.health.httpStatus === null) row("service", `UNREACHABLE (${report.health.error ?? "no answer"})`);
  else {
    row("service", `${report.health.status ?? "?"} (GET /health ${report.health.httpStatus})`);
    for (const c of report.health.checks) {
      const detail = c.status === "healthy" || c.detail === null ? "" : `  ${JSON.stringify(c.detail).slice(0, 120)}`;
      lines.push(`  ${c.name.padEnd(18)}${c.status.padEnd(10)}${c.latencyMs === null ? "" : `${c.latencyMs} ms`}${detail}`);
    }
    row("readiness", report.ready.ready ? "ready" : `NOT READY (${report.ready.reason})`);
    const s = report.status;
    if (s) {
      const uptime = typeof s.uptimeSeconds === "number" ? duration(s.uptimeSeconds) : "?";
      row("status", `${s.environment ?? "?"} v${s.version ?? "?"}, ${s.state ?? "?"}, up ${uptime}, ${s.eventsStored ?? "?"} events stored, ${s.parsesServed ?? "?"} parses served`);
    }
    if (!report.alerts.available) row("alerts", `n/a: ${report.alerts.note}`);
    else if (report.alerts.active.length === 0) row("alerts", "none active");
    else {
      row("alerts", `${report.alerts.active.length} active`);
      for (const a of report.alerts.active) lines.push(`  [${a.severity}] ${a.name} ${a.state}${a.summary ? `: ${a.summary}` : ""}`);
    }
  }

  const logs = report.logs;
  if (logs === null) row("logs", report.logsNote ?? "n/a");
  else {
    row("logs", `${logs.dir}, last 24 h`);
    const top = logs.errors.top.map((e) => `${e.count}× ${e.message}`);
    lines.push(`  errors      ${logs.errors.count}${top.length ? `  top: ${top.join(" | ")}` : ""}`);
    const r = logs.requests;
    lines.push(`  requests    ${r.count}, 5xx ${percent(r.errorRate)}, p50 ${ms(r.p50)}, p95 ${ms(r.p95)}`);
    lines.push(`  parses      ${logs.parses.count}${logs.parses.meanConfidence === null ? "" : `, mean confidence ${logs.parses.meanConfidence}`}`);
    for (const problem of logs.problems) lines.push(`  unreadable  ${problem}`);
  }

  lines.push(`verdict    ${report.verdict.toUpperCase()}`);
  for (const reason of report.reasons) lines.push(`  - ${reason}`);
  return `${lines.join("\n")}\n`;
}

export function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(ratio > 0 && ratio < 0.001 ? 3 : 1)}%`;
}

export function ms(value: number | null): string {
  return value === null ? "n/a" : `${value} ms`;
}

function duration(seconds: number): string {
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3_600);
  const m = Math.floor((seconds % 3_600) / 60);
  return d > 0 ? `${d} d ${h} h` : h > 0 ? `${h} h ${m} min` : `${m} min ${Math.floor(seconds % 60)} s`;
}

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
