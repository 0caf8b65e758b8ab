/**
 * An index of known events that answers "which of them does this record duplicate?" without comparing it
 * to all of them. It only picks the pairs worth asking about; `matchPrepared` decides each pair, so the
 * answer is the one an all-pairs search would give (ties: higher score, then uid > occurrence > similar,
 * then the entry added first).
 *
 * Where candidates come from:
 * - a UID map;
 * - dated events in time buckets one tolerance wide (a start within the tolerance lies in the
 *   candidate's bucket or a neighbour), all-day events by date;
 * - rules in `RuleSlots` (by zone and weekly wall-clock position), found from a dated start; and their
 *   first starts in buckets of their own, so a rule arriving late can find rules it covers;
 * - for a rule candidate, its occurrences expanded over the span of starts held in the index only (never
 *   over the rule's whole life; at most MAX_WINDOW_OCCURRENCES, so a daily rule against an index spanning
 *   more than ~13 years finds only the earliest instances), each looked up in the buckets.
 */
import { weekdayOf, civilFromDays } from "../time/civil.js";
import { Buckets } from "./buckets.js";
import { isBetterMatch, matchPrepared } from "./matchPair.js";
import { type PreparedRecord, prepareRecord } from "./prepare.js";
import { RuleSlots } from "./ruleSlots.js";
import { type Series, occurrencesBetween } from "./series.js";
import { type DedupMatch, type DedupOptions, type DedupRecord, type ResolvedDedupOptions, resolveDedupOptions } from "./types.js";

interface Entry extends PreparedRecord {
  /** Insertion order, for deterministic ties. */
  seq: number;
}

interface RuleEntry extends Entry {
  series: Series;
}

/** The lowest and highest value seen; never shrinks on removal (a wider span only costs a little time). */
interface Span {
  min: number;
  max: number;
}

export class DedupIndex {
  readonly options: ResolvedDedupOptions;
  private readonly entries = new Map<string, Entry>();
  private readonly byUid = new Map<string, Entry[]>();
  /** Timed dated events by start bucket; all-day dated events by date. */
  private readonly timed = new Buckets<Entry>();
  private readonly allDay = new Buckets<Entry>();
  /** Rules by the bucket (timed) or date (all-day) of their first start. */
  private readonly timedRuleStarts = new Buckets<RuleEntry>();
  private readonly allDayRuleStarts = new Buckets<RuleEntry>();
  private readonly slots: RuleSlots<RuleEntry>;
  private readonly bucketWidth: number;
  private timedSpan: Span | null = null;
  private daySpan: Span | null = null;
  private seq = 0;

  /** Defaults: threshold 0.72, tolerance 30 minutes (see DedupOptions). */
  constructor(options?: DedupOptions) {
    this.options = resolveDedupOptions(options);
    this.bucketWidth = Math.max(this.options.toleranceMs, 1);
    this.slots = new RuleSlots<RuleEntry>(this.options.toleranceMs);
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Adds a record, replacing any record with the same key. */
  add(record: DedupRecord): void {
    this.addPrepared(prepareRecord(record));
  }

  /** `add` for a record already prepared (clusterEvents prepares each record once for match and add). */
  addPrepared(prepared: PreparedRecord): void {
    const { record } = prepared;
    this.remove(record.key);
    const entry: Entry = { ...prepared, seq: this.seq++ };
    this.entries.set(record.key, entry);
    if (record.uid !== null) this.byUid.set(record.uid, [...(this.byUid.get(record.uid) ?? []), entry]);
    this.place(entry, "add");
  }

  /** Removes the record with this key; false when there was none. */
  remove(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    const uid = entry.record.uid;
    if (uid !== null) {
      const rest = (this.byUid.get(uid) ?? []).filter((e) => e !== entry);
      if (rest.length > 0) this.byUid.set(uid, rest);
      else this.byUid.delete(uid);
    }
    this.place(entry, "remove");
    return true;
  }

  /** The best match for `record` among the indexed records (never itself, by key), or null. */
  match(record: DedupRecord): DedupMatch | null {
    return this.matchPrepared(prepareRecord(record));
  }

  /** `match` for a record already prepared. */
  matchPrepared(candidate: PreparedRecord): DedupMatch | null {
    const { record } = candidate;
    // A UID match scores 1 with the strongest reason, so nothing can beat it.
    const sameUid = record.uid === null ? undefined : this.byUid.get(record.uid)?.find((e) => e.record.key !== record.key);
    if (sameUid) return { key: sameUid.record.key, score: 1, reason: "uid" };

    let best: DedupMatch | null = null;
    let bestSeq = Number.POSITIVE_INFINITY;
    // An entry reached twice (a rule through two of its slots) gives the same answer twice: harmless.
    const consider = (entry: Entry): void => {
      const m = matchPrepared(candidate, entry, this.options);
      if (m === null) return;
      const tie = best !== null && m.score === best.score && m.reason === best.reason;
      if (tie ? entry.seq < bestSeq : isBetterMatch(m, best)) {
        best = m;
        bestSeq = entry.seq;
      }
    };
    const { series } = candidate;
    if (record.allDay) {
      // Dated events on the same date, and rules that may fall on its weekday (for a rule: on its first date).
      this.allDay.get(candidate.day).forEach(consider);
      this.slots.visitAllDay(weekdayOf(civilFromDays(candidate.day)), consider);
      if (series !== null && this.daySpan !== null) {
        for (const day of occurrencesBetween(series, this.daySpan.min, this.daySpan.max)) {
          this.allDay.get(day).forEach(consider);
          this.allDayRuleStarts.get(day).forEach(consider);
        }
      }
    } else {
      this.forNear(this.timed, record.startEpoch, consider);
      this.slots.visitTimed(record.startEpoch, consider);
      if (series !== null && this.timedSpan !== null) {
        const tolerance = this.options.toleranceMs;
        for (const at of occurrencesBetween(series, this.timedSpan.min - tolerance, this.timedSpan.max + tolerance)) {
          this.forNear(this.timed, at, consider);
          this.forNear(this.timedRuleStarts, at, consider);
        }
      }
    }
    return best;
  }

  /** Items in the bucket of `epoch` and its two neighbours. */
  private forNear<T extends Entry>(buckets: Buckets<T>, epoch: number, visit: (entry: T) => void): void {
    const bucket = Math.floor(epoch / this.bucketWidth);
    for (let b = bucket - 1; b <= bucket + 1; b++) buckets.get(b).forEach(visit);
  }

  private place(entry: Entry, action: "add" | "remove"): void {
    const { record, day } = entry;
    const bucket = Math.floor(record.startEpoch / this.bucketWidth);
    if (isRuleEntry(entry)) {
      this.slots[action](entry);
      if (record.allDay) this.allDayRuleStarts[action](day, entry);
      else this.timedRuleStarts[action](bucket, entry);
    } else {
      if (record.allDay) this.allDay[action](day, entry);
      else this.timed[action](bucket, entry);
    }
    if (action === "add") {
      if (record.allDay) this.daySpan = widen(this.daySpan, day);
      else this.timedSpan = widen(this.timedSpan, record.startEpoch);
    }
  }
}

function isRuleEntry(entry: Entry): entry is RuleEntry {
  return entry.series !== null;
}

function widen(span: Span | null, value: number): Span {
  if (span === null) return { min: value, max: value };
  return { min: Math.min(span.min, value), max: Math.max(span.max, value) };
}
