/** What ingestion reports for metrics and logs; implementations are cheap and never throw. */
import type { DocumentKind } from "../../ports/ingestStore.js";
import type { IngestSummary } from "./ingestDocument.js";

export interface IngestObserver {
  /** A document was read and committed. */
  ingested(summary: IngestSummary, context: { origin: "source" | "file"; durationMs: number }): void;
  /** A source run or an upload failed (`reason`: a short stable word such as "http-4xx", "corrupt", "robots"). */
  failed(kind: DocumentKind | "unknown", reason: string, context: { origin: "source" | "file"; final: boolean }): void;
}

/** An observer that ignores everything (tests, the CLI). */
export const silentIngestObserver: IngestObserver = { ingested: () => undefined, failed: () => undefined };
