/** An in-process doorbell: idle claim loops sleep on it and `ring()` (a job was enqueued) wakes them all at once. */

export class Wakeup {
  #waiters = new Set<() => void>();

  /** Wakes every current sleeper. */
  ring(): void {
    const waiters = [...this.#waiters];
    this.#waiters.clear();
    for (const wake of waiters) wake();
  }

  /** Resolves after `ms`, on the next `ring()`, or when `signal` aborts, whichever comes first; never rejects. */
  sleep(ms: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        this.#waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener("abort", done, { once: true });
      this.#waiters.add(done);
    });
  }
}
