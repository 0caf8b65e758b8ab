/**
 * The scrape schedule: each tick, every due source whose next run this process manages to move forward
 * (a compare-and-set, so several API processes never queue the same run twice) gets a scrape job.
 */
import type { Clock } from "../../ports/clock.js";
import type { IngestStore } from "../../ports/ingestStore.js";
import type { JobQueue } from "../../ports/jobQueue.js";
import { enqueueScrape } from "./sources.js";

/** Most sources queued per tick; the rest wait for the next tick. */
export const SOURCES_PER_TICK = 100;

export interface ScheduleDeps {
  ingest: IngestStore;
  queue: JobQueue;
  clock: Clock;
  queueDefaults: { maxAttempts: number; backoffMs: number };
}

/** Queues the runs due now; resolves to the number queued. */
export async function queueDueSources(deps: ScheduleDeps): Promise<number> {
  const now = deps.clock.now();
  let queued = 0;
  for (const source of await deps.ingest.dueSources(now, SOURCES_PER_TICK)) {
    const expected = Date.parse(source.nextRunAt);
    if (!(await deps.ingest.claimScheduledRun(source.id, expected, now + source.refreshMinutes * 60_000))) continue;
    await enqueueScrape(source.id, String(expected), deps);
    queued++;
  }
  return queued;
}
