/**
 * Figures an operator reads off the log files for a time window: errors and their most frequent messages
 * (calendar-api-errors.log), requests with error rate and latency percentiles per route
 * (performance-metrics.log), parses by route with the confidence distribution (parsing-decisions.log).
 */
import { LOG_FILES } from "../../ops/logger.js";
import { type LogRecord, readLogRecords } from "./logFiles.js";

export interface LatencyStats {
  count: number;
  /** Milliseconds (nearest rank); null without samples. */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

export interface RouteStats extends LatencyStats {
  /** "POST /parse" (the route template, as logged). */
  route: string;
  /** Answers with status ≥ 500. */
  serverErrors: number;
  /** serverErrors / count. */
  errorRate: number;
}

export interface ConfidenceBucket {
  /** "[0.9, 1.0]" style label. */
  range: string;
  from: number;
  to: number;
  count: number;
}

export interface LogSummary {
  dir: string;
  /** ISO 8601 bounds of the window. */
  since: string;
  until: string;
  errors: { count: number; top: Array<{ message: string; count: number }> };
  requests: LatencyStats & { serverErrors: number; clientErrors: number; errorRate: number; byRoute: RouteStats[] };
  parses: {
    count: number;
    /** Parses per route (rules, llm, cache). */
    byRoute: Record<string, number>;
    /** Parses that found no event. */
    noEvent: number;
    /** Mean of the logged overall confidences; null without any. */
    meanConfidence: number | null;
    confidence: ConfidenceBucket[];
  };
  /** Files that could not be read to the end. */
  problems: string[];
}

/** Upper bounds of the confidence buckets (the last one includes 1.0). */
const CONFIDENCE_EDGES = [0, 0.3, 0.5, 0.7, 0.9, 1];

/** Reads the three logs under `dir` for [since, until) and summarises them; `topErrors` messages are kept (default 5). */
export async function summarizeLogs(dir: string, since: number, until: number, topErrors = 5): Promise<LogSummary> {
  const problems: string[] = [];
  const window = { since, until, onProblem: (p: string) => void problems.push(p) };

  const messages = new Map<string, number>();
  let errorCount = 0;
  for await (const record of readLogRecords(dir, LOG_FILES.errors, window)) {
    errorCount++;
    const message = errorMessage(record);
    messages.set(message, (messages.get(message) ?? 0) + 1);
  }

  const all: number[] = [];
  const routes = new Map<string, { durations: number[]; serverErrors: number }>();
  let serverErrors = 0;
  let clientErrors = 0;
  for await (const record of readLogRecords(dir, LOG_FILES.performance, window)) {
    // Request lines only: other timings in this channel carry another component.
    if (record.component !== "http" || typeof record.duration_ms !== "number") continue;
    const status = typeof record.status === "number" ? record.status : 0;
    const key = `${typeof record.method === "string" ? record.method : "?"} ${typeof record.route === "string" ? record.route : "?"}`;
    const route = routes.get(key) ?? { durations: [], serverErrors: 0 };
    routes.set(key, route);
    route.durations.push(record.duration_ms);
    all.push(record.duration_ms);
    if (status >= 500) {
      serverErrors++;
      route.serverErrors++;
    } else if (status >= 400) clientErrors++;
  }

  const byParseRoute: Record<string, number> = {};
  const buckets = CONFIDENCE_EDGES.slice(1).map((to, i) => ({ range: `[${CONFIDENCE_EDGES[i]!.toFixed(1)}, ${to.toFixed(1)}${to === 1 ? "]" : ")"}`, from: CONFIDENCE_EDGES[i]!, to, count: 0 }));
  let parses = 0;
  let noEvent = 0;
  let confidenceSum = 0;
  let confidenceCount = 0;
  for await (const record of readLogRecords(dir, LOG_FILES.parsingDecisions, window)) {
    parses++;
    const route = typeof record.route === "string" ? record.route : "unknown";
    byParseRoute[route] = (byParseRoute[route] ?? 0) + 1;
    if (record.events === 0) noEvent++;
    if (typeof record.confidence === "number" && Number.isFinite(record.confidence)) {
      const c = Math.min(1, Math.max(0, record.confidence));
      confidenceSum += c;
      confidenceCount++;
      const bucket = buckets.find((b) => c < b.to) ?? buckets[buckets.length - 1]!;
      bucket.count++;
    }
  }

  return {
    dir,
    since: new Date(since).toISOString(),
    until: new Date(until).toISOString(),
    errors: {
      count: errorCount,
      top: [...messages].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, topErrors).map(([message, count]) => ({ message, count })),
    },
    requests: {
      ...latency(all),
      serverErrors,
      clientErrors,
      errorRate: all.length === 0 ? 0 : serverErrors / all.length,
      byRoute: [...routes]
        .map(([route, r]) => ({ route, ...latency(r.durations), serverErrors: r.serverErrors, errorRate: r.serverErrors / r.durations.length }))
        .sort((a, b) => b.count - a.count || a.route.localeCompare(b.route)),
    },
    parses: { count: parses, byRoute: byParseRoute, noEvent, meanConfidence: confidenceCount === 0 ? null : round(confidenceSum / confidenceCount, 3), confidence: buckets },
    problems,
  };
}

/** The message an error line is grouped by: pino's `msg`, plus the error's own message when it has one. */
export function errorMessage(record: LogRecord): string {
  const msg = typeof record.msg === "string" ? record.msg : "";
  const err = record.err as { message?: unknown } | undefined;
  const detail = err !== null && typeof err === "object" && typeof err.message === "string" ? err.message : "";
  const text = msg && detail && msg !== detail ? `${msg}: ${detail}` : msg || detail || "(no message)";
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

/** Nearest-rank percentiles of `values` (milliseconds). */
export function latency(values: number[]): LatencyStats {
  if (values.length === 0) return { count: 0, p50: null, p95: null, p99: null, max: null };
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!, 1);
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round(sorted[sorted.length - 1]!, 1) };
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
