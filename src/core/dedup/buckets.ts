/** A multimap from integer bucket numbers to items, for the time-bucket indexes. */

export class Buckets<T> {
  private readonly map = new Map<number, T[]>();

  add(bucket: number, item: T): void {
    const list = this.map.get(bucket);
    if (list) list.push(item);
    else this.map.set(bucket, [item]);
  }

  /** Removes one item (by identity); empty buckets are dropped. */
  remove(bucket: number, item: T): void {
    const list = this.map.get(bucket);
    if (!list) return;
    const at = list.indexOf(item);
    if (at >= 0) list.splice(at, 1);
    if (list.length === 0) this.map.delete(bucket);
  }

  /** The items of a bucket (live; do not mutate), empty when none. */
  get(bucket: number): readonly T[] {
    return this.map.get(bucket) ?? EMPTY;
  }
}

const EMPTY: readonly never[] = [];
