/** The ingestion jobs: their names and payloads, shared by producers (HTTP, scheduler) and the worker. */
import type { JsonValue } from "../../ports/jobQueue.js";

/** Reads an uploaded file (already in file storage) into events. */
export const INGEST_FILE = "ingest-file";
/** Fetches a registered source and reads it into events. */
export const SCRAPE_SOURCE = "scrape-source";

export interface IngestFilePayload {
  fileKey: string;
  kind: string;
  timezone: string;
  filename: string | null;
  [key: string]: JsonValue;
}

export interface ScrapeSourcePayload {
  sourceId: string;
  [key: string]: JsonValue;
}
