/** The HTTP observer the service uses: Prometheus metrics plus the parsing-decisions and performance logs. */
import { createHash } from "node:crypto";
import type { Logger } from "pino";
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

export function createObserver(metrics: Metrics, logs: ObserverLogs, counters: ServiceCounters): HttpObserver {
  return {
    request({ method, route, status, seconds, requestId }) {
      const labels = { method, route, status: String(status) };
      metrics.httpRequests.inc(labels);
      metrics.httpRequestDuration.observe(labels, seconds);
      logs.performance.info({ requestId, component: "http", route, method, status, duration_ms: Math.round(seconds * 1e6) / 1e3 });
    },
    parse(outcome, requestId) {
      counters.parses++;
      metrics.parses.inc({ route: outcome.route });
      if (outcome.route === "cache") metrics.cacheHits.inc();
      else metrics.cacheMisses.inc();
      metrics.componentLatency.observe({ component: outcome.route === "cache" ? "cache" : "parser" }, outcome.durationMs / 1000);
      for (const event of outcome.events) metrics.parsingConfidence.observe(event.confidence);
      if (outcome.events.length === 0) metrics.parsingErrors.inc({ type: "no_event" });
      logs.parsingDecisions.info({
        requestId,
        textHash: createHash("sha256").update(outcome.text).digest("hex").slice(0, 16),
        textLength: outcome.text.length,
        route: outcome.route,
        events: outcome.events.length,
        confidence: outcome.confidence,
        confidence_breakdown: outcome.events.map((e) => Object.fromEntries(Object.entries(e.components).map(([k, v]) => [k, v?.confidence]))),
        duration_ms: outcome.durationMs,
      });
    },
    apiError(code) {
      metrics.apiErrors.inc({ code });
    },
  };
}
