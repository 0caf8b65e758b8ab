/**
 * How the processes of `serve --workers N` talk: the primary to its workers and a worker to the primary, over
 * node:cluster's IPC by default. Cluster-wide features (metrics, rate limits) speak through these two small ports
 * so that their tests can put an in-process fake in place of real processes. Messages must survive IPC's JSON
 * encoding: plain data only.
 */
import cluster from "node:cluster";

/** How the primary reaches its workers. */
export interface PrimaryChannel<M> {
  workers(): Array<{ id: number; send(message: M): void }>;
  /** Subscribes to messages from workers; returns the unsubscribe function. */
  onMessage(listener: (workerId: number, message: unknown) => void): () => void;
}

/** How a worker reaches the primary. */
export interface WorkerChannel<M> {
  send(message: M): void;
  onMessage(listener: (message: unknown) => void): () => void;
}

/** The primary's side over node:cluster: connected workers only. */
export function nodePrimaryChannel<M>(): PrimaryChannel<M> {
  return {
    workers: () =>
      Object.values(cluster.workers ?? {})
        // A worker that exited abruptly may linger in the list without a channel.
        .filter((w) => w !== undefined && w.isConnected())
        .map((w) => ({ id: w!.id, send: (m: M) => void w!.send(m as object) })),
    onMessage(listener) {
      const handler = (worker: { id: number }, message: unknown) => listener(worker.id, message);
      cluster.on("message", handler);
      return () => void cluster.off("message", handler);
    },
  };
}

/** A worker's side over process.send / process.on("message"). */
export function nodeWorkerChannel<M>(): WorkerChannel<M> {
  return {
    send(message) {
      if (!process.send) throw new Error("not a cluster worker: process.send is missing");
      process.send(message as object);
    },
    onMessage(listener) {
      process.on("message", listener);
      return () => void process.off("message", listener);
    },
  };
}

/** True for a message object whose `type` is `type`. */
export function isMessageOfType<M extends { type: string }>(value: unknown, type: string): value is M {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === type;
}
