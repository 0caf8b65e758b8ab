/** The records, options and answers of event deduplication (pure values: no clock, no I/O). */

/** One event as the deduplicator sees it: identity, words and time. */
export interface DedupRecord {
  /** The caller's identifier (a stored id, a batch position); unique within one index or one clustering. */
  key: string;
  /** iCalendar UID given by the source, or null when it had none (a UID the store generated is no evidence). */
  uid: string | null;
  title: string;
  location: string | null;
  /** Epoch ms of the start (a rule's DTSTART); for all-day events the UTC midnight of the date. */
  startEpoch: number;
  allDay: boolean;
  /** The Event contract's start string; informational, matching reads `startEpoch`. */
  start: string;
  /** IANA zone the recurrence repeats its wall-clock time in. */
  timezone: string;
  /**
   * RRULE text (an `RRULE:` prefix is accepted) or null. A rule the expander cannot read, or an unknown
   * `timezone`, makes the record a plain dated event at `startEpoch`.
   */
  recurrence: string | null;
  /**
   * Excluded occurrences as `start` strings: `2026-03-10T18:00:00-04:00` (an offset-less value is read in
   * `timezone`), or a plain `2026-03-10`, which excludes that whole local day. Ignored without a rule.
   */
  exdates?: string[];
}

/** Tuning knobs; out-of-range values throw a RangeError (the service validates `CLUSTER_THRESHOLD` first). */
export interface DedupOptions {
  /** Least `eventSimilarity` (0..1) for a "similar" or "occurrence" match; 0.72 by default. */
  threshold?: number;
  /** Largest start difference in ms that still counts as the same start; 30 minutes by default. */
  toleranceMs?: number;
}

/** Options with every default filled in. */
export type ResolvedDedupOptions = Required<DedupOptions>;

/**
 * Why two records are one event: the same iCalendar UID; the same start (within the tolerance, or the same
 * date for all-day events) and similar words; or one record is a rule the other record's start falls on.
 */
export type DedupReason = "uid" | "similar" | "occurrence";

/** The existing record a candidate duplicates, with the similarity (1 for a UID match) and the reason. */
export interface DedupMatch {
  key: string;
  score: number;
  reason: DedupReason;
}

export const DEFAULT_THRESHOLD = 0.72;
export const DEFAULT_TOLERANCE_MS = 30 * 60_000;

/** Fills in the defaults; throws a RangeError for a threshold outside 0..1 or a negative tolerance. */
export function resolveDedupOptions(options: DedupOptions = {}): ResolvedDedupOptions {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const toleranceMs = options.toleranceMs ?? DEFAULT_TOLERANCE_MS;
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) throw new RangeError(`threshold: expected 0..1, got ${threshold}`);
  if (!Number.isFinite(toleranceMs) || toleranceMs < 0) throw new RangeError(`toleranceMs: expected a non-negative number, got ${toleranceMs}`);
  return { threshold, toleranceMs };
}
