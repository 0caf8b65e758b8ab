/**
 * The ingest store port: what ingestion keeps beside the events — registered sources, uploaded files, and
 * provenance (which origins each canonical event was seen in) — and the one transactional write that
 * commits an ingest batch. In our words: no SQL, no driver types.
 */
import type { EventPatch, NewEvent, StoredEvent } from "./eventStore.js";

/** What kind of document a source or file holds (detected from its content type, bytes and name). */
export type DocumentKind = "ics" | "html" | "pdf" | "text";

/** A URL scraped on a schedule. Instants are ISO 8601 UTC; null until the first run. */
export interface Source {
  id: string;
  url: string;
  name: string | null;
  /** Detected on the first successful fetch; null before. */
  kind: DocumentKind | null;
  /** Zone for times the document does not place (floating times, text). */
  timezone: string;
  refreshMinutes: number;
  enabled: boolean;
  /** HTML is rendered in a browser (scripts run) before events are read from it. */
  render: boolean;
  /** Validators of the last successful fetch, sent back as a conditional request. */
  etag: string | null;
  lastModified: string | null;
  /** SHA-256 of the last body read: an unchanged body is not extracted again. */
  contentHash: string | null;
  nextRunAt: string;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  /** Events the last successful run found (before dedup). */
  eventsFound: number;
  runs: number;
  createdAt: string;
  updatedAt: string;
}

export interface NewSource {
  url: string;
  name?: string | null;
  timezone: string;
  refreshMinutes: number;
  enabled?: boolean;
  /** Default false. */
  render?: boolean;
}

/** The outcome of one run, recorded on the source. */
export interface SourceRun {
  /** Epoch ms the run finished. */
  at: number;
  ok: boolean;
  error?: string | null;
  kind?: DocumentKind | null;
  etag?: string | null;
  lastModified?: string | null;
  contentHash?: string | null;
  /** Omitted when the document was unchanged (the previous count stands). */
  eventsFound?: number;
}

/** An uploaded file: the bytes live in FileStorage under `key` (their SHA-256). */
export interface FileRecord {
  key: string;
  size: number;
  contentType: string | null;
  kind: DocumentKind;
  filename: string | null;
  createdAt: string;
}

/** Where an event was seen: a source, an uploaded file, or the API itself. */
export interface Origin {
  type: "source" | "file" | "api";
  /** Source id, file key, or "api". */
  id: string;
}

/** One sighting of an event in an origin. */
export interface Sighting {
  /** Identifies the item inside its origin (its UID, or a hash of its fields): re-seeing it refreshes the row. */
  itemKey: string;
  /** How the item was read: "ical", "json-ld", "microdata", "h-event", "text". */
  via: string;
  url: string | null;
  /** How the item was tied to the event: "new" (it created it), "uid", "similar", "occurrence". */
  match: "new" | "uid" | "similar" | "occurrence";
  score: number;
}

export interface Provenance extends Origin, Sighting {
  eventId: string;
  firstSeenAt: string;
  lastSeenAt: string;
}

/** An ingest batch: new canonical events, and items merged into events already stored. */
export interface IngestBatch {
  origin: Origin;
  /** Epoch ms of the sightings. */
  at: number;
  /** Each new event with its sightings (more than one when the batch itself held duplicates). */
  creates: Array<{ event: NewEvent; sightings: Sighting[] }>;
  /** `patch` updates the event too (an iCalendar item whose UID is known is authoritative for it). */
  merges: Array<{ eventId: string; sighting: Sighting; patch?: EventPatch }>;
}

export interface IngestCommit {
  created: StoredEvent[];
  updated: StoredEvent[];
  /** Merged sightings (with or without a patch). */
  merged: number;
}

export interface IngestStore {
  createSource(input: NewSource, now: number): Promise<Source>;
  getSource(id: string): Promise<Source | null>;
  findSourceByUrl(url: string): Promise<Source | null>;
  /** In creation order. */
  listSources(options: { limit: number; offset: number }): Promise<Source[]>;
  deleteSource(id: string): Promise<boolean>;
  /** Enabled sources whose next run is at or before `now`, earliest first. */
  dueSources(now: number, limit: number): Promise<Source[]>;
  /**
   * Moves a source's next run from `expectedNext` to `next` (epoch ms); false when another process moved it
   * first. Several schedulers may run; only the one that moves it enqueues the run.
   */
  claimScheduledRun(id: string, expectedNext: number, next: number): Promise<boolean>;
  recordRun(id: string, run: SourceRun): Promise<Source | null>;

  /** Records an uploaded file; recording the same key again keeps the first record. */
  recordFile(file: Omit<FileRecord, "createdAt">, now: number): Promise<FileRecord>;
  getFile(key: string): Promise<FileRecord | null>;

  /** Stored events with these UIDs (any order). */
  eventsByUids(uids: readonly string[]): Promise<StoredEvent[]>;
  /** The latest sighting's instant (ISO), null before the first ingest: /status's "last ingest". */
  lastSightingAt(): Promise<string | null>;
  /** Where an event was seen, oldest sighting first. */
  provenanceOf(eventId: string): Promise<Provenance[]>;
  /** Writes the whole batch (events, patches, sightings) in one transaction: all of it or nothing. */
  commit(batch: IngestBatch): Promise<IngestCommit>;
}
