/** Politeness per host: at most N requests in flight, and a minimum gap between the starts of two requests. */
import type { Sleep } from "./abort.js";

export interface HostLimiterOptions {
  /** Requests in flight at once to one host. */
  concurrency: number;
  /** Monotonic milliseconds. */
  now: () => number;
  sleep: Sleep;
}

/** Gives the slot back; call it exactly once, when the response has been read (or the request failed). */
export type Release = () => void;

export interface HostLimiter {
  /**
   * Waits for a free slot on `host`, then until at least `delayMs` has passed since the previous start there,
   * and takes the slot. Rejects with the signal's reason if it aborts while waiting (no slot is held then).
   */
  acquire(host: string, delayMs: number, signal?: AbortSignal): Promise<Release>;
}

interface Waiter {
  grant: () => void;
}

interface HostState {
  active: number;
  queue: Waiter[];
  /** The earliest instant the next request may start (on the `now` scale). */
  nextStart: number;
}

/** Idle hosts are forgotten once the map grows past this many (their gap has passed, so nothing is lost). */
const SWEEP_ABOVE = 1_000;

export function createHostLimiter(options: HostLimiterOptions): HostLimiter {
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const hosts = new Map<string, HostState>();

  function stateOf(host: string): HostState {
    let state = hosts.get(host);
    if (!state) {
      if (hosts.size >= SWEEP_ABOVE) sweep();
      state = { active: 0, queue: [], nextStart: 0 };
      hosts.set(host, state);
    }
    return state;
  }

  function sweep(): void {
    const now = options.now();
    for (const [host, state] of hosts) {
      if (state.active === 0 && state.queue.length === 0 && state.nextStart <= now) hosts.delete(host);
    }
  }

  function release(state: HostState): void {
    const next = state.queue.shift();
    // The slot passes straight to the next waiter (FIFO), so the active count does not change.
    if (next) next.grant();
    else state.active--;
  }

  function takeSlot(state: HostState, signal: AbortSignal | undefined): Promise<void> {
    if (state.active < concurrency) {
      state.active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        state.queue.splice(state.queue.indexOf(waiter), 1);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
      };
      state.queue.push(waiter);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  return {
    async acquire(host, delayMs, signal) {
      signal?.throwIfAborted();
      const state = stateOf(host);
      await takeSlot(state, signal);
      try {
        // Reserve the start instant now, in slot order, so concurrent holders are spaced by the gap too.
        // A reservation abandoned by an abort is kept: the next request then waits a little longer, never less.
        const now = options.now();
        const start = Math.max(now, state.nextStart);
        state.nextStart = start + Math.max(0, delayMs);
        if (start > now) await options.sleep(start - now, signal);
      } catch (error) {
        release(state);
        throw error;
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        release(state);
      };
    },
  };
}
