/**
 * `calendar-api report --period day|week [--logs DIR] [--url URL] [--json]`: the performance and accuracy report
 * of the weekly maintenance. Requests, error rate and p50/p95/p99 per route from performance-metrics.log; parses
 * by route and the confidence distribution from parsing-decisions.log; top errors; the parsing accuracy from the
 * service's /metrics when --url answers, else scored in-process on the golden set; the seed SLOs checked.
 */
import { resolve } from "node:path";
import type { AppConfig } from "../../config/types.js";
import { scoreAccuracy } from "../accuracy.js";
import { CliError, type CliIo } from "../io.js";
import { type LogSummary, summarizeLogs } from "../ops/logSummary.js";
import { gaugeValue, operatorKey, probe } from "../ops/serviceProbe.js";
import { ms, percent } from "./checkCommand.js";

export type ReportPeriod = "day" | "week";

export interface ReportFlags {
  period: ReportPeriod;
  /** Default `logging.dir`. */
  logs?: string;
  /** A running service to read parsing_accuracy_score and the cache statistics from. */
  url?: string;
  json: boolean;
}

/** The seed SLOs (operational procedures, "Service Level Objectives"). */
export const SLO = { errorRate: 0.01, p95Ms: 2_000, accuracy: 0.85 } as const;

export interface SloCheck {
  objective: string;
  value: number | null;
  /** null when there is no data to judge. */
  met: boolean | null;
}

export interface PerformanceReport {
  period: ReportPeriod;
  since: string;
  until: string;
  logs: LogSummary | null;
  logsNote: string | null;
  accuracy: { value: number | null; source: "metrics" | "golden" | null; note: string | null };
  cache: { hitRatio: number | null; hits: number | null; misses: number | null; source: string } | null;
  slo: { errorRate: SloCheck; p95: SloCheck; accuracy: SloCheck };
}

const PERIOD_MS: Record<ReportPeriod, number> = { day: 86_400_000, week: 7 * 86_400_000 };

/** Scores the parser when no service gives the accuracy; the golden files by default (injected by tests). */
export type AccuracyScorer = () => Promise<number>;

export async function reportCommand(flags: ReportFlags, io: CliIo, config: Pick<AppConfig, "security" | "logging">, cwd = ".", score: AccuracyScorer = () => scoreAccuracy()): Promise<number> {
  if (flags.url !== undefined && !/^https?:\/\/[^/]/i.test(flags.url)) throw new CliError(`--url: expected an http:// or https:// URL, got "${flags.url}"`);
  const until = io.now();
  const since = until - PERIOD_MS[flags.period];
  const logDir = flags.logs ?? config.logging.dir;
  const logs = logDir === null || logDir === undefined ? null : await summarizeLogs(resolve(cwd, logDir), since, until, 10);

  let accuracy: PerformanceReport["accuracy"] = { value: null, source: null, note: null };
  let cache: PerformanceReport["cache"] = null;
  if (flags.url !== undefined) {
    const key = operatorKey(config);
    const [metrics, stats] = await Promise.all([probe(flags.url, "/metrics", key), probe(flags.url, "/cache/stats", key)]);
    const value = metrics.status === 200 ? gaugeValue(metrics.text, "parsing_accuracy_score") : null;
    if (value !== null && value > 0) accuracy = { value, source: "metrics", note: `parsing_accuracy_score from ${flags.url}/metrics` };
    else accuracy.note = metrics.status === null ? `${flags.url} did not answer (${metrics.error ?? "no answer"})` : "the service has not scored its accuracy yet";
    const s = stats.status === 200 && stats.json !== null && typeof stats.json === "object" ? (stats.json as Record<string, unknown>) : null;
    if (s) cache = { hitRatio: num(s.hit_ratio), hits: num(s.hits), misses: num(s.misses), source: `${flags.url}/cache/stats` };
    else if (metrics.status === 200) {
      const ratio = gaugeValue(metrics.text, "cache_hit_rate");
      if (ratio !== null) cache = { hitRatio: ratio, hits: null, misses: null, source: `cache_hit_rate from ${flags.url}/metrics` };
    }
  }
  if (accuracy.source === null) {
    const fallback = accuracy.note;
    try {
      accuracy = { value: await score(), source: "golden", note: `scored in-process on the golden set${fallback ? ` (${fallback})` : ""}` };
    } catch (error) {
      accuracy = { value: null, source: null, note: `could not score the golden set: ${(error as Error).message}` };
    }
  }

  const requests = logs?.requests;
  const report: PerformanceReport = {
    period: flags.period,
    since: new Date(since).toISOString(),
    until: new Date(until).toISOString(),
    logs,
    logsNote: logs === null ? "no log directory (set LOG_DIR or pass --logs DIR)" : null,
    accuracy,
    cache,
    slo: {
      errorRate: judge(`5xx ratio < ${SLO.errorRate * 100}%`, requests && requests.count > 0 ? requests.errorRate : null, (v) => v < SLO.errorRate),
      p95: judge(`p95 latency < ${SLO.p95Ms} ms`, requests?.p95 ?? null, (v) => v < SLO.p95Ms),
      accuracy: judge(`parsing accuracy > ${SLO.accuracy * 100}%`, accuracy.value, (v) => v > SLO.accuracy),
    },
  };
  io.stdout(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return 0;
}

function judge(objective: string, value: number | null, ok: (v: number) => boolean): SloCheck {
  return { objective, value, met: value === null ? null : ok(value) };
}

function num(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** The report as text, one section per source. */
export function formatReport(report: PerformanceReport): string {
  const lines = [`calendar-api report: ${report.period}, ${report.since} .. ${report.until}`, ""];
  const logs = report.logs;
  if (logs === null) lines.push(`logs: ${report.logsNote}`);
  else {
    const r = logs.requests;
    lines.push(`requests   ${r.count}  5xx ${r.serverErrors} (${percent(r.errorRate)})  4xx ${r.clientErrors}  p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  p99 ${ms(r.p99)}`);
    if (r.byRoute.length > 0) {
      const width = Math.max(5, ...r.byRoute.map((x) => x.route.length)) + 2;
      lines.push(`  ${"route".padEnd(width)}${"requests".padStart(9)}${"5xx".padStart(8)}${"p50".padStart(11)}${"p95".padStart(11)}${"p99".padStart(11)}`);
      for (const x of r.byRoute) {
        lines.push(`  ${x.route.padEnd(width)}${String(x.count).padStart(9)}${percent(x.errorRate).padStart(8)}${ms(x.p50).padStart(11)}${ms(x.p95).padStart(11)}${ms(x.p99).padStart(11)}`);
      }
    }
    const p = logs.parses;
    const routes = Object.entries(p.byRoute).sort((a, b) => b[1] - a[1]).map(([route, n]) => `${route} ${n}`);
    lines.push("", `parses     ${p.count}${routes.length ? `  (${routes.join(", ")})` : ""}  no event ${p.noEvent}  mean confidence ${p.meanConfidence ?? "n/a"}`);
    const most = Math.max(1, ...p.confidence.map((b) => b.count));
    for (const b of p.confidence) lines.push(`  ${b.range.padEnd(11)}${String(b.count).padStart(7)}  ${"#".repeat(Math.round((b.count / most) * 30))}`.trimEnd());
    lines.push("", `errors     ${logs.errors.count}`);
    for (const e of logs.errors.top) lines.push(`  ${String(e.count).padStart(6)}  ${e.message}`);
    for (const problem of logs.problems) lines.push(`  unreadable: ${problem}`);
  }
  lines.push("", `accuracy   ${report.accuracy.value === null ? "n/a" : report.accuracy.value.toFixed(3)}${report.accuracy.note ? `  (${report.accuracy.note})` : ""}`);
  if (report.cache) lines.push(`cache      hit ratio ${report.cache.hitRatio === null ? "n/a" : percent(report.cache.hitRatio)}${report.cache.hits === null ? "" : `  hits ${report.cache.hits}  misses ${report.cache.misses}`}  (${report.cache.source})`);
  lines.push("", "SLOs");
  const shown = { errorRate: percent, p95: (v: number) => ms(v), accuracy: percent };
  for (const [name, slo] of Object.entries(report.slo) as Array<[keyof typeof shown, SloCheck]>) {
    lines.push(`  ${slo.objective.padEnd(28)}${slo.value === null ? "no data" : `${(slo.met ? "met" : "MISSED").padEnd(8)}${shown[name](slo.value)}`}`);
  }
  return `${lines.join("\n")}\n`;
}
