/** Groups records into clusters of the same event, incrementally over one DedupIndex of canonicals. */
import { DedupIndex } from "./dedupIndex.js";
import { prepareRecord } from "./prepare.js";
import type { DedupOptions, DedupRecord } from "./types.js";

/** One event: the key of the record that stands for it and the keys of all its records. */
export interface DedupCluster {
  canonical: string;
  /** Every record of the cluster, the canonical included, in input order. */
  members: string[];
}

/**
 * Clusters records (defaults as DedupOptions: threshold 0.72, tolerance 30 minutes). Each record is matched
 * against the canonicals so far (`DedupIndex.match`); it joins the best one's cluster, or becomes a new
 * canonical. Rules (records with a readable RRULE) are taken first, then the dated records, each group
 * in input order. So a rule is the canonical of every cluster it is in: a rule covers all its dated
 * instances, on any number of days, while a dated canonical only collects duplicates near its own start,
 * so a dated instance taken first would split a weekly class into one cluster per week. Among rules, and
 * among dated records, the first in input order is the canonical.
 *
 * Matching against canonicals only (not every member) keeps clusters from drifting through chains of
 * near-duplicates. A repeated key is ignored after its first occurrence. Clusters come out in the input
 * order of their canonicals. Linear in practice: each record is compared with the few canonicals near its
 * start and the rules that may fall on it.
 */
export function clusterEvents(records: readonly DedupRecord[], options?: DedupOptions): DedupCluster[] {
  const index = new DedupIndex(options);
  const firstByKey = new Map<string, DedupRecord>();
  for (const record of records) if (!firstByKey.has(record.key)) firstByKey.set(record.key, record);
  const prepared = [...firstByKey.values()].map(prepareRecord);
  const order = [...prepared.keys()];
  const rank = (i: number): number => (prepared[i].series !== null ? 0 : 1);
  order.sort((a, b) => rank(a) - rank(b) || a - b);

  // Canonical key → input positions of its members, the canonical first.
  const clusters = new Map<string, number[]>();
  for (const i of order) {
    const match = index.matchPrepared(prepared[i]);
    if (match === null) {
      index.addPrepared(prepared[i]);
      clusters.set(prepared[i].record.key, [i]);
    } else clusters.get(match.key)?.push(i);
  }
  return [...clusters.values()]
    .sort((a, b) => a[0] - b[0])
    .map(([canonical, ...others]) => ({
      canonical: prepared[canonical].record.key,
      members: [canonical, ...others].sort((a, b) => a - b).map((i) => prepared[i].record.key),
    }));
}
