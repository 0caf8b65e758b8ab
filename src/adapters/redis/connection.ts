/** Turns REDIS_URL into ioredis connection options: for BullMQ's connections and for the rate-limit counts. */
import type { RedisOptions } from "ioredis";

/**
 * redis://[user:password@]host[:port][/db] or rediss:// (TLS); port 6379 and db 0 by default. `blocking`
 * connections (workers) get `maxRetriesPerRequest: null`, which BullMQ requires so a blocking wait is never
 * failed by ioredis's retry limit; producers keep ioredis's default and fail fast when Redis is gone.
 * Throws on any other scheme or a db that is not a number.
 */
export function redisConnectionOptions(url: string, blocking: boolean): RedisOptions {
  const parsed = new URL(url);
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") throw new Error(`unsupported Redis URL scheme "${parsed.protocol}": expected redis:// or rediss://`);
  const dbText = parsed.pathname.replace(/^\//, "");
  const db = dbText === "" ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0) throw new Error(`the Redis URL's database must be a number, got "${dbText}"`);
  return {
    // URL keeps IPv6 hosts in brackets; ioredis wants them bare.
    host: parsed.hostname.replace(/^\[(.*)\]$/, "$1") || "127.0.0.1",
    port: parsed.port === "" ? 6379 : Number(parsed.port),
    username: parsed.username === "" ? undefined : decodeURIComponent(parsed.username),
    password: parsed.password === "" ? undefined : decodeURIComponent(parsed.password),
    db,
    ...(parsed.protocol === "rediss:" ? { tls: {} } : {}),
    ...(blocking ? { maxRetriesPerRequest: null } : {}),
  };
}
