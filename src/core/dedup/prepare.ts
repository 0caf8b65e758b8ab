/** A record with everything matching needs computed once: word profiles, compiled rule, start day. */
import { type Series, compileSeries, dayOf } from "./series.js";
import { type TextProfile, profileText } from "./text.js";
import type { DedupRecord } from "./types.js";

export interface PreparedRecord {
  record: DedupRecord;
  title: TextProfile;
  /** Null when the record has no location (or one without words). */
  location: TextProfile | null;
  /** Null for a dated record, including one whose rule could not be read. */
  series: Series | null;
  /** UTC day of `startEpoch`: the date of an all-day record. */
  day: number;
}

/** Profiles the record's title and location and compiles its rule. */
export function prepareRecord(record: DedupRecord): PreparedRecord {
  const location = record.location === null ? null : profileText(record.location);
  return {
    record,
    title: profileText(record.title),
    location: location !== null && location.tokens.length > 0 ? location : null,
    series: compileSeries(record),
    day: dayOf(record.startEpoch),
  };
}
