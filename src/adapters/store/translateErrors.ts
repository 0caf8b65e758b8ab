/**
 * Turns driver errors into the port's terms: an unreachable database becomes StoreUnavailableError, a
 * duplicate UID a CalendarError EVENT_CONFLICT. Wraps any store (events, ingestion); every other error passes unchanged.
 */
import { CalendarError } from "../../core/events/errors.js";
import { StoreUnavailableError } from "../../ports/eventStore.js";

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006", "SQLITE_CANTOPEN", "SQLITE_IOERR", "SQLITE_BUSY"]);
const CONNECTION_MESSAGES = /connection terminated|connect econnrefused|timeout exceeded when trying to connect|connection error|server closed the connection|the database system is (?:starting up|shutting down)|cannot use a pool after calling end/i;

/** True when the error says the database could not be reached. */
export function isConnectionError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; errors?: unknown[] } | null;
  if (!e) return false;
  if (typeof e.code === "string" && CONNECTION_CODES.has(e.code)) return true;
  if (Array.isArray(e.errors) && e.errors.some(isConnectionError)) return true; // AggregateError from dual-stack connects
  return typeof e.message === "string" && CONNECTION_MESSAGES.test(e.message);
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return Boolean(e) && (e!.code === "23505" || (typeof e!.message === "string" && /UNIQUE constraint failed/i.test(e!.message)));
}

function translate(error: unknown): never {
  if (error instanceof StoreUnavailableError || error instanceof CalendarError) throw error;
  if (isConnectionError(error)) throw new StoreUnavailableError(`the database is unreachable: ${(error as Error).message}`, { cause: error });
  if (isUniqueViolation(error)) throw new CalendarError("EVENT_CONFLICT", "an event with this uid already exists", "uid");
  throw error;
}

/** The same store, with its errors translated. */
export function translateStoreErrors<S extends object>(store: S): S {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== "function") return value;
      // Methods run on the store itself (it keeps private fields the proxy does not have).
      if (property === "close") return (value as () => unknown).bind(target);
      return (...args: unknown[]) => {
        try {
          const result = (value as (...a: unknown[]) => unknown).apply(target, args);
          return result instanceof Promise ? result.catch(translate) : result;
        } catch (error) {
          translate(error);
        }
      };
    },
  });
}
