/** An in-process stand-in for node:cluster IPC: asynchronous delivery of structured-cloned messages. */
import type { PrimaryChannel, WorkerChannel } from "../../src/ops/clusterChannel.js";

export interface FakeCluster<M> {
  primary: PrimaryChannel<M>;
  /** A worker's channel; `disconnect()` takes it out of the primary's list (an exited worker). */
  worker(id: number): WorkerChannel<M> & { disconnect(): void };
}

export function fakeCluster<M>(): FakeCluster<M> {
  const primaryListeners = new Set<(workerId: number, message: unknown) => void>();
  const workers = new Map<number, { listeners: Set<(message: unknown) => void>; connected: boolean }>();
  const deliver = (fn: () => void) => setImmediate(fn);
  const primary: PrimaryChannel<M> = {
    workers: () =>
      [...workers]
        .filter(([, w]) => w.connected)
        .map(([id, w]) => ({ id, send: (m: M) => deliver(() => w.listeners.forEach((l) => l(structuredClone(m)))) })),
    onMessage(listener) {
      primaryListeners.add(listener);
      return () => void primaryListeners.delete(listener);
    },
  };
  function worker(id: number): WorkerChannel<M> & { disconnect(): void } {
    const w = { listeners: new Set<(message: unknown) => void>(), connected: true };
    workers.set(id, w);
    return {
      send: (m) => deliver(() => primaryListeners.forEach((l) => l(id, structuredClone(m)))),
      onMessage(listener) {
        w.listeners.add(listener);
        return () => void w.listeners.delete(listener);
      },
      disconnect: () => void (w.connected = false),
    };
  }
  return { primary, worker };
}
