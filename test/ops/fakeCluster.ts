/**
 * An in-process stand-in for node:cluster IPC: asynchronous delivery of cloned messages. `json: true` clones
 * through JSON, as node:cluster's default serialization does (Infinity arrives as null, undefined fields vanish);
 * the default is a structured clone.
 */
import type { PrimaryChannel, WorkerChannel } from "../../src/ops/clusterChannel.js";

export interface FakeCluster<M> {
  primary: PrimaryChannel<M>;
  /** A worker's channel; `disconnect()` takes it out of the primary's list (an exited worker). */
  worker(id: number): WorkerChannel<M> & { disconnect(): void };
}

export function fakeCluster<M>(options: { json?: boolean } = {}): FakeCluster<M> {
  const clone = options.json ? (m: unknown) => JSON.parse(JSON.stringify(m)) as unknown : (m: unknown) => structuredClone(m);
  const primaryListeners = new Set<(workerId: number, message: unknown) => void>();
  const workers = new Map<number, { listeners: Set<(message: unknown) => void>; connected: boolean }>();
  const deliver = (fn: () => void) => setImmediate(fn);
  const primary: PrimaryChannel<M> = {
    workers: () =>
      [...workers]
        .filter(([, w]) => w.connected)
        .map(([id, w]) => ({ id, send: (m: M) => deliver(() => w.listeners.forEach((l) => l(clone(m)))) })),
    onMessage(listener) {
      primaryListeners.add(listener);
      return () => void primaryListeners.delete(listener);
    },
  };
  function worker(id: number): WorkerChannel<M> & { disconnect(): void } {
    const w = { listeners: new Set<(message: unknown) => void>(), connected: true };
    workers.set(id, w);
    return {
      send: (m) => deliver(() => primaryListeners.forEach((l) => l(id, clone(m)))),
      onMessage(listener) {
        w.listeners.add(listener);
        return () => void w.listeners.delete(listener);
      },
      disconnect: () => void (w.connected = false),
    };
  }
  return { primary, worker };
}
