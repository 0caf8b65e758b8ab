/** The worker's one handler: dispatches an ingestion job by name to its use case. */
import { type JobHandler, type JsonValue, UnrecoverableError } from "../../ports/jobQueue.js";
import type { FileStorage } from "../../ports/fileStorage.js";
import type { Fetcher, PageRenderer } from "../../ports/fetcher.js";
import type { IngestDeps } from "./ingestDocument.js";
import type { IngestObserver } from "./ingestObserver.js";
import { INGEST_FILE, type IngestFilePayload, SCRAPE_SOURCE, type ScrapeSourcePayload } from "./jobNames.js";
import { scrapeSource } from "./scrapeSource.js";
import { ingestFile } from "./uploads.js";

export interface WorkerDeps extends IngestDeps {
  storage: FileStorage;
  fetcher: Fetcher;
  renderer: PageRenderer | null;
  observer: IngestObserver;
  stopwatch: () => number;
}

export function ingestJobHandler(deps: WorkerDeps): JobHandler {
  return async (job, signal) => {
    const final = job.attempt >= job.maxAttempts;
    const payload = (job.payload ?? {}) as Record<string, JsonValue>;
    switch (job.name) {
      case INGEST_FILE: {
        const summary = await ingestFile(payload as IngestFilePayload, deps, { final });
        return { kind: summary.kind, found: summary.found, created: summary.created, merged: summary.merged, updated: summary.updated, eventIds: summary.eventIds, warnings: summary.warnings };
      }
      case SCRAPE_SOURCE:
        return scrapeSource((payload as ScrapeSourcePayload).sourceId, deps, { final, signal });
      default:
        throw new UnrecoverableError(`no handler for job ${JSON.stringify(job.name)}`);
    }
  };
}
