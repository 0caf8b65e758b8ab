/**
 * The matching decision for one pair of records, the single source of truth: DedupIndex only narrows
 * down which pairs to ask about, so an index answer equals an all-pairs search with this function.
 */
import { type PreparedRecord, prepareRecord } from "./prepare.js";
import { type Series, mayOccurNear, mayOccurOn, occursNear, occursOn } from "./series.js";
import { profiledEventSimilarity } from "./similarity.js";
import { type DedupMatch, type DedupOptions, type DedupReason, type DedupRecord, type ResolvedDedupOptions, resolveDedupOptions } from "./types.js";

/** Tie-break between equal scores: a UID beats a rule, a rule beats a plain similarity. */
export const REASON_RANK: Readonly<Record<DedupReason, number>> = { uid: 2, occurrence: 1, similar: 0 };

/**
 * Whether `candidate` duplicates `existing` (the match names `existing`), or null. In order:
 * 1. the same key never matches (a record is not its own duplicate);
 * 2. the same non-null UID matches with score 1, whatever the times ("uid");
 * 3. an all-day and a timed record never match;
 * 4. two dated records match when their starts are at most `toleranceMs` apart (all-day: the same date)
 *    and their `eventSimilarity` reaches `threshold` ("similar");
 * 5. a rule and a dated record match when the dated start is an occurrence of the rule (within the
 *    tolerance; EXDATEs, UNTIL and COUNT respected) and the similarity reaches `threshold` ("occurrence");
 * 6. two rules match when either's first start is an occurrence of the other, likewise ("occurrence").
 * Symmetric apart from the key it names.
 */
export function matchPrepared(candidate: PreparedRecord, existing: PreparedRecord, options: ResolvedDedupOptions): DedupMatch | null {
  const c = candidate.record;
  const e = existing.record;
  if (c.key === e.key) return null;
  if (c.uid !== null && c.uid === e.uid) return { key: e.key, score: 1, reason: "uid" };
  if (c.allDay !== e.allDay) return null;
  const cs = candidate.series;
  const es = existing.series;
  const tolerance = options.toleranceMs;
  // Cheap time tests first, then the words, and the rule expansion (the dearest step) last.
  if (cs === null && es === null) {
    const sameStart = c.allDay ? candidate.day === existing.day : Math.abs(c.startEpoch - e.startEpoch) <= tolerance;
    if (!sameStart) return null;
  } else if (!((es !== null && inRange(candidate, es, tolerance)) || (cs !== null && inRange(existing, cs, tolerance)))) return null;
  const score = profiledEventSimilarity(candidate.title, candidate.location, existing.title, existing.location);
  if (score < options.threshold) return null;
  if (cs === null && es === null) return { key: e.key, score, reason: "similar" };
  const occurs = (es !== null && falls(candidate, es, tolerance)) || (cs !== null && falls(existing, cs, tolerance));
  return occurs ? { key: e.key, score, reason: "occurrence" } : null;
}

/** Whether `dated`'s start may be an occurrence of `series`, from the series' bounds alone (cheap). */
function inRange(dated: PreparedRecord, series: Series, toleranceMs: number): boolean {
  return dated.record.allDay ? mayOccurOn(series, dated.day) : mayOccurNear(series, dated.record.startEpoch, toleranceMs);
}

/** Whether `dated`'s start is an occurrence of `series` (expands a small window around it). */
function falls(dated: PreparedRecord, series: Series, toleranceMs: number): boolean {
  if (!inRange(dated, series, toleranceMs)) return false;
  return dated.record.allDay ? occursOn(series, dated.day) : occursNear(series, dated.record.startEpoch, toleranceMs);
}

/** `matchPrepared` on plain records (prepares both each call: for one-off checks, not loops). */
export function matchPair(candidate: DedupRecord, existing: DedupRecord, options?: DedupOptions): DedupMatch | null {
  return matchPrepared(prepareRecord(candidate), prepareRecord(existing), resolveDedupOptions(options));
}

/** True when `a` should replace `best`: a higher score, or an equal score with a stronger reason. */
export function isBetterMatch(a: DedupMatch, best: DedupMatch | null): boolean {
  if (best === null) return true;
  if (a.score !== best.score) return a.score > best.score;
  return REASON_RANK[a.reason] > REASON_RANK[best.reason];
}
