/** The process's readiness: starting → ready → draining → stopped, observed by /health/ready and shutdown. */

export type LifecycleState = "starting" | "ready" | "draining" | "stopped";

const ORDER: Record<LifecycleState, number> = { starting: 0, ready: 1, draining: 2, stopped: 3 };

export type LifecycleListener = (to: LifecycleState, from: LifecycleState) => void;

export interface Lifecycle {
  readonly state: LifecycleState;
  /** True only in "ready": the readiness probe fails while starting and once draining begins. */
  isReady(): boolean;
  /** starting → ready. False (and no change) when shutdown already began, e.g. a SIGTERM during startup. */
  markReady(): boolean;
  /** → draining (also straight from starting). False when already draining or stopped. */
  beginDraining(): boolean;
  /** → stopped. False when already stopped. */
  markStopped(): boolean;
  /** Called on every change, after it happened; returns the unsubscribe function. */
  onChange(listener: LifecycleListener): () => void;
}

/**
 * A forward-only state machine. A move to the current or an earlier state is ignored and returns false: a second
 * SIGTERM drains nothing new, and startup finishing after a SIGTERM must not make the process ready again.
 * A throwing listener does not stop the others.
 */
export function createLifecycle(): Lifecycle {
  let state: LifecycleState = "starting";
  const listeners = new Set<LifecycleListener>();

  function moveTo(to: LifecycleState): boolean {
    if (ORDER[to] <= ORDER[state]) return false;
    const from = state;
    state = to;
    for (const listener of [...listeners]) {
      try {
        listener(to, from);
      } catch {
        // Observers must not be able to block a state change (least of all the move to draining).
      }
    }
    return true;
  }

  return {
    get state() {
      return state;
    },
    isReady: () => state === "ready",
    markReady: () => moveTo("ready"),
    beginDraining: () => moveTo("draining"),
    markStopped: () => moveTo("stopped"),
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
