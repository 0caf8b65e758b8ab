/** The HTTP observer the service uses: Prometheus metrics plus the parsing-decisions and performance logs. */
import { hash } from "node:crypto";
import type { Logger } from "pino";
import type { ParseOutcome } from "../app/parseText.js";
import type { HttpObserver } from "../http/deps.js";
import type { Metrics } from "../ops/metrics.js";

export interface ObserverLogs {
  parsingDecisions: Logger;
  performance: Logger;
}

/** Counts what the status endpoint reports. */
export interface ServiceCounters {
  parses: number;
}

/** The request metrics of one (method, route, status), bound once: prom-client then skips building and checking labels. */
interface RequestSeries {
  count: { inc(): void };
  duration: { observe(value: number): void };
}

/** Series are kept per method, route template and status, all bounded sets; this caps the table all the same. */
const MAX_REQUEST_SERIES = 1000;

/** Each event's per-component confidence ({ date: 0.9, time: 0.8 }), as the decision log shows it. */
function confidenceBreakdown(outcome: ParseOutcome): Array<Record<string, number | undefined>> {
  return outcome.events.map((event) => {
    const out: Record<string, number | undefined> = {};
    for (const name in event.components) out[name] = event.components[name as keyof typeof event.components]?.confidence;
    return out;
  });
}

export function createObserver(metrics: Metrics, logs: ObserverLogs, counters: ServiceCounters): HttpObserver {
  const requestSeries = new Map<string, RequestSeries>();
  const seriesFor = (method: string, route: string, status: number): RequestSeries => {
    const key = `${method} ${status} ${route}`;
    let series = requestSeries.get(key);
    if (series === undefined) {
      if (requestSeries.size >= MAX_REQUEST_SERIES) requestSeries.clear();
      const statusLabel = String(status);
      series = { count: metrics.httpRequests.labels(method, route, statusLabel), duration: metrics.httpRequestDuration.labels(method, route, statusLabel) };
      requestSeries.set(key, series);
    }
    return series;
  };
  const parseRoutes = { cache: metrics.parses.labels("cache"), rules: metrics.parses.labels("rules"), llm: metrics.parses.labels("llm") };
  const componentLatency = { cache: metrics.componentLatency.labels("cache"), parser: metrics.componentLatency.labels("parser") };
  const noEvent = metrics.parsingErrors.labels("no_event");

  return {
    request({ method, route, status, seconds, requestId }) {
      const series = seriesFor(method, route, status);
      series.count.inc();
      series.duration.observe(seconds);
      logs.performance.info({ requestId, component: "http", route, method, status, duration_ms: Math.round(seconds * 1e6) / 1e3 });
    },
    parse(outcome, requestId) {
      counters.parses++;
      const cached = outcome.route === "cache";
      (parseRoutes[outcome.route] ?? metrics.parses.labels(outcome.route)).inc();
      if (cached) metrics.cacheHits.inc();
      else metrics.cacheMisses.inc();
      (cached ? componentLatency.cache : componentLatency.parser).observe(outcome.durationMs / 1000);
      for (const event of outcome.events) metrics.parsingConfidence.observe(event.confidence);
      if (outcome.events.length === 0) noEvent.inc();
      logs.parsingDecisions.info({
        requestId,
        // One-shot hash: a third of the cost of createHash().update().digest() on short texts.
        textHash: hash("sha256", outcome.text, "hex").slice(0, 16),
        textLength: outcome.text.length,
        route: outcome.route,
        events: outcome.events.length,
        confidence: outcome.confidence,
        confidence_breakdown: confidenceBreakdown(outcome),
        duration_ms: outcome.durationMs,
      });
    },
    apiError(code) {
      metrics.apiErrors.inc({ code });
    },
  };
}
