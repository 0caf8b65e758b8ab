/** A fixed-capacity buffer that keeps the newest items: the alert history (1,000 transitions). */

export interface RingBuffer<T> {
  push(item: T): void;
  /** Up to `limit` items, newest first (all by default). */
  newest(limit?: number): T[];
  readonly size: number;
  readonly capacity: number;
}

export function createRingBuffer<T>(capacity: number): RingBuffer<T> {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  const items: T[] = new Array<T>(capacity);
  // `next` is where the next push goes; once full, it is also the oldest item.
  let next = 0;
  let size = 0;
  return {
    push(item) {
      items[next] = item;
      next = (next + 1) % capacity;
      size = Math.min(size + 1, capacity);
    },
    newest(limit = size) {
      const count = Math.max(0, Math.min(limit, size));
      const out: T[] = [];
      for (let i = 1; i <= count; i++) out.push(items[(next - i + capacity) % capacity]);
      return out;
    },
    get size() {
      return size;
    },
    capacity,
  };
}
