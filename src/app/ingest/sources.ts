/** Source use cases: register a URL to scrape on a schedule, list and read them, run one now, remove one. */
import { CalendarError } from "../../core/events/errors.js";
import { isValidZone } from "../../core/time/zone.js";
import type { Clock } from "../../ports/clock.js";
import type { IngestStore, Source } from "../../ports/ingestStore.js";
import type { JobQueue, JobRecord } from "../../ports/jobQueue.js";
import { SCRAPE_SOURCE, type ScrapeSourcePayload } from "./jobNames.js";

export interface SourceDeps {
  ingest: IngestStore;
  queue: JobQueue;
  clock: Clock;
  defaultTimezone: string;
  defaultRefreshMinutes: number;
  queueDefaults: { maxAttempts: number; backoffMs: number };
}

export interface SourceInput {
  url?: unknown;
  name?: unknown;
  timezone?: unknown;
  refreshMinutes?: unknown;
  enabled?: unknown;
  render?: unknown;
}

/** Refresh intervals accepted: 1 minute … 1 year. */
export const REFRESH_MINUTES = { min: 1, max: 525_600 } as const;

function invalid(field: string, message: string): never {
  throw new CalendarError("INVALID_SOURCE", `${field}: ${message}`, field);
}

/** A source's URL: absolute http(s), no credentials, fragment dropped. */
export function readSourceUrl(value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") invalid("url", "is required");
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    invalid("url", `not an absolute URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") invalid("url", `only http and https are scraped, not ${url.protocol}`);
  if (url.username !== "" || url.password !== "") invalid("url", "must not carry credentials");
  url.hash = "";
  return url.toString();
}

/** Registers a source and queues its first run at once (which detects its kind). */
export async function registerSource(input: SourceInput, deps: SourceDeps): Promise<{ source: Source; job: JobRecord }> {
  const url = readSourceUrl(input.url);
  const timezone = input.timezone ?? deps.defaultTimezone;
  if (typeof timezone !== "string" || !isValidZone(timezone)) throw new CalendarError("INVALID_TIMEZONE", `timezone: not a known IANA zone: ${JSON.stringify(timezone)}`, "timezone");
  const refresh = input.refreshMinutes ?? deps.defaultRefreshMinutes;
  if (typeof refresh !== "number" || !Number.isInteger(refresh) || refresh < REFRESH_MINUTES.min || refresh > REFRESH_MINUTES.max) invalid("refreshMinutes", `expected a whole number of minutes from ${REFRESH_MINUTES.min} to ${REFRESH_MINUTES.max}`);
  if (input.name !== undefined && input.name !== null && typeof input.name !== "string") invalid("name", "expected a string");
  if (input.enabled !== undefined && typeof input.enabled !== "boolean") invalid("enabled", "expected a boolean");
  if (input.render !== undefined && typeof input.render !== "boolean") invalid("render", "expected a boolean");
  const now = deps.clock.now();
  const source = await deps.ingest.createSource({ url, name: (input.name as string | undefined) ?? null, timezone, refreshMinutes: refresh, enabled: (input.enabled as boolean | undefined) ?? true, render: (input.render as boolean | undefined) ?? false }, now);
  // The first run goes now; the schedule takes over from the next one.
  const next = now + refresh * 60_000;
  await deps.ingest.claimScheduledRun(source.id, Date.parse(source.nextRunAt), next);
  const job = await enqueueScrape(source.id, `first`, deps);
  return { source: { ...source, nextRunAt: new Date(next).toISOString() }, job };
}

export async function getSource(id: string, deps: Pick<SourceDeps, "ingest">): Promise<Source> {
  const source = await deps.ingest.getSource(id);
  if (!source) throw new CalendarError("SOURCE_NOT_FOUND", `no source has id ${JSON.stringify(id)}`, "id");
  return source;
}

/** Queues a run now (a manual scrape), whatever the schedule says. */
export async function scrapeNow(id: string, deps: SourceDeps): Promise<JobRecord> {
  await getSource(id, deps);
  return enqueueScrape(id, `manual-${deps.clock.now()}`, deps);
}

export async function removeSource(id: string, deps: Pick<SourceDeps, "ingest">): Promise<void> {
  if (!(await deps.ingest.deleteSource(id))) throw new CalendarError("SOURCE_NOT_FOUND", `no source has id ${JSON.stringify(id)}`, "id");
}

/** Queues one run; `slot` makes the job id unique per run, so two schedulers cannot queue the same run twice. */
export function enqueueScrape(sourceId: string, slot: string, deps: Pick<SourceDeps, "queue" | "queueDefaults">): Promise<JobRecord> {
  const payload: ScrapeSourcePayload = { sourceId };
  return deps.queue.enqueue(SCRAPE_SOURCE, payload, { ...deps.queueDefaults, jobId: `scrape-${sourceId}-${slot}` });
}
