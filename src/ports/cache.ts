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

/**
 * The cache as operators see it (`GET /cache/stats`, `DELETE /cache/clear`): one process's cache, or the sum of
 * every worker's under `serve --workers N`, which takes a round trip, hence the promises.
 */
export interface CacheAdmin {
  stats(): Promise<CacheStats>;
  /** Empties the cache; resolves to the number of entries removed. */
  clear(): Promise<number>;
}

/** The cache's state could not be gathered or changed everywhere: some worker process did not answer in time. */
export class CacheUnavailableError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = "CacheUnavailableError";
  }
}
