/** Asks a running Calendar API over HTTP, for the operator commands: bounded in time, never throwing. */
import type { AppConfig } from "../../config/types.js";

/** What one GET answered: the status and body, or why there was no answer (status null). */
export interface ProbeAnswer {
  path: string;
  status: number | null;
  /** The parsed JSON body; null when the body is not JSON. */
  json: unknown;
  text: string;
  /** Why the request failed (connection refused, timeout); undefined when it was answered. */
  error?: string;
  ms: number;
}

/** How long one probe may take; 5 000 ms. */
export const PROBE_TIMEOUT_MS = 5_000;

/** GETs `path` on `baseUrl`, with `X-API-Key` when a key is given. */
export async function probe(baseUrl: string, path: string, apiKey: string | null, timeoutMs = PROBE_TIMEOUT_MS): Promise<ProbeAnswer> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    // Relative to the base, so that a URL with a path prefix (behind a proxy) keeps it.
    const res = await fetch(new URL(path.replace(/^\//, ""), withSlash(baseUrl)), {
      headers: { accept: "application/json, text/plain;q=0.9", ...(apiKey ? { "x-api-key": apiKey } : {}) },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // Prometheus text or an HTML error page.
    }
    return { path, status: res.status, json, text, ms: ms() };
  } catch (error) {
    return { path, status: null, json: null, text: "", error: describeFetchError(error), ms: ms() };
  }
}

/** The service's address as this machine reaches it: config host and port, a wildcard host read as loopback. */
export function defaultServiceUrl(config: Pick<AppConfig, "server">): string {
  const host = config.server.host;
  const reachable = host === "0.0.0.0" || host === "" ? "127.0.0.1" : host === "::" ? "[::1]" : host.includes(":") ? `[${host}]` : host;
  return `http://${reachable}:${config.server.port}`;
}

/** The key the operator commands present: the first admin key, else the first key that can read; null when none is configured. */
export function operatorKey(config: Pick<AppConfig, "security">): string | null {
  const keys = config.security.apiKeys;
  return (keys.find((k) => k.scopes.includes("admin")) ?? keys.find((k) => k.scopes.includes("read") || k.scopes.includes("write")))?.key ?? null;
}

/** A gauge's value from Prometheus text (`name value` or `name{…} value`); null when absent. */
export function gaugeValue(metricsText: string, name: string): number | null {
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)`, "m").exec(metricsText);
  if (!match) return null;
  const value = Number(match[1]);
  return Number.isFinite(value) ? value : null;
}

function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === "TimeoutError" || error.name === "AbortError") return "no answer within the timeout";
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    if (cause?.message) return cause.code && !cause.message.includes(cause.code) ? `${cause.code}: ${cause.message}` : cause.message;
    if (cause?.code) return cause.code;
    return error.message;
  }
  return String(error);
}
