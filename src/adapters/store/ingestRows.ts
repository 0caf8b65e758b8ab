/** Rows of `sources`, `files` and `event_sources` ⇄ the ingest port's records (each backend's native types normalised). */
import type { Selectable } from "kysely";
import type { DocumentKind, FileRecord, Provenance, Source } from "../../ports/ingestStore.js";
import type { EventSourcesTable, FilesTable, SourcesTable } from "./schema.js";

/** An ISO 8601 UTC instant from a text (SQLite) or Date (PostgreSQL) column. */
export function isoInstant(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : value;
}

function isoOrNull(value: string | Date | null): string | null {
  return value === null ? null : isoInstant(value);
}

export function sourceFromRow(row: Selectable<SourcesTable>): Source {
  return {
    id: row.id,
    url: row.url,
    name: row.name,
    kind: row.kind as DocumentKind | null,
    timezone: row.timezone,
    refreshMinutes: Number(row.refresh_minutes),
    enabled: Boolean(row.enabled),
    render: Boolean(row.render),
    etag: row.etag,
    lastModified: row.last_modified,
    contentHash: row.content_hash,
    nextRunAt: new Date(Number(row.next_run_epoch)).toISOString(),
    lastRunAt: isoOrNull(row.last_run_at),
    lastSuccessAt: isoOrNull(row.last_success_at),
    lastError: row.last_error,
    eventsFound: Number(row.events_found),
    runs: Number(row.runs),
    createdAt: isoInstant(row.created_at),
    updatedAt: isoInstant(row.updated_at),
  };
}

export function fileFromRow(row: Selectable<FilesTable>): FileRecord {
  return { key: row.key, size: Number(row.size), contentType: row.content_type, kind: row.kind as DocumentKind, filename: row.filename, createdAt: isoInstant(row.created_at) };
}

export function provenanceFromRow(row: Selectable<EventSourcesTable>): Provenance {
  return {
    eventId: row.event_id,
    type: row.origin as Provenance["type"],
    id: row.origin_id,
    itemKey: row.item_key,
    via: row.via,
    url: row.url,
    match: row.match as Provenance["match"],
    score: Number(row.score),
    firstSeenAt: isoInstant(row.first_seen_at),
    lastSeenAt: isoInstant(row.last_seen_at),
  };
}
