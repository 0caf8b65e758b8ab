/** The cache port: parse results by key, with a time to live; values are JSON-serialisable. */
export interface CacheStats {
  hits: number;
  misses: number;
  /** hits / (hits + misses), 0 when nothing was asked. */
  hitRatio: number;
  entries: number;
  bytes: number;
}

export interface Cache<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  clear(): void;
  stats(): CacheStats;
}
