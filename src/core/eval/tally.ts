/** Correct-out-of-total counters shared by the golden and Duckling reports. */

/** `accuracy` is `correct / total`, 0 when `total` is 0. */
export interface Tally {
  correct: number;
  total: number;
  accuracy: number;
}

/** A tally from its counts. */
export function tally(correct: number, total: number): Tally {
  return { correct, total, accuracy: total === 0 ? 0 : correct / total };
}

/** Counts `ok` into the tally stored under `key`, creating it on first use. */
export function countInto<K>(tallies: Map<K, Tally>, key: K, ok: boolean): void {
  const current = tallies.get(key) ?? tally(0, 0);
  tallies.set(key, tally(current.correct + (ok ? 1 : 0), current.total + 1));
}

/** A plain record of the tallies, keys in sorted order. */
export function sortedRecord<K extends string>(tallies: Map<K, Tally>): Record<K, Tally> {
  const out = {} as Record<K, Tally>;
  for (const key of [...tallies.keys()].sort()) out[key] = tallies.get(key) as Tally;
  return out;
}
