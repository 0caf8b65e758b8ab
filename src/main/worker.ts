/**
 * The composition root of `calendar-api worker`: consumes the job queue in its own process (the Redis queue
 * in production; the local table works too), with a small HTTP listener for probes and /metrics, and an
 * ordered stop on SIGTERM (stop claiming, let running jobs finish within the grace period, close).
 */
import { createServer, type Server } from "node:http";
import { openStores } from "../adapters/store/open.js";
import type { AppConfig } from "../config/types.js";
import { createLogger, type Loggers } from "../ops/logger.js";
import { createMetrics } from "../ops/metrics.js";
import { createShutdown, type Shutdown } from "../ops/shutdown.js";
import { systemClock } from "../ports/clock.js";
import { createIngestion, loadQueueOpener } from "./ingestion.js";
import { startIngestRuntime } from "./ingestRuntime.js";
import { within } from "./wiring.js";

export interface RunningWorker {
  /** http://host:port of the probes and /metrics; null when queue.workerPort is 0. */
  url: string | null;
  loggers: Loggers;
  shutdown: Shutdown;
}

export async function startWorker(config: AppConfig, options: { stdout?: boolean } = {}): Promise<RunningWorker> {
  const clock = systemClock;
  const loggers = createLogger({ level: config.logging.level, dir: config.logging.dir, maxFileSizeMb: config.logging.maxFileSizeMb, maxFiles: config.logging.maxFiles, stdout: options.stdout ?? true });
  const log = loggers.root.child({ process: "worker" });
  const { events, database } = await openStores({ databaseUrl: config.store.databaseUrl, dataDir: config.store.dataDir, clock });
  await events.migrate();
  const metrics = createMetrics({ clock, countEvents: () => events.count() });
  const openQueue = await loadQueueOpener(config, database, clock);
  const ingestion = createIngestion({ config, database, events, clock, logger: log, registry: metrics.registry, openQueue });
  // A worker process always runs at least one slot: that is what it is for.
  const runtime = startIngestRuntime(ingestion, { workerSlots: Math.max(1, config.queue.workerThreads), schedulerIntervalMs: 0, logger: log });

  let stopping = false;
  const ready = async (): Promise<string | null> => {
    if (stopping) return "the worker is stopping";
    try {
      await within(events.ping(), 1_000, "the database");
      await within(ingestion.queue.counts(), 1_000, "the queue");
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  };
  let server: Server | null = null;
  let url: string | null = null;
  if (config.queue.workerPort > 0) {
    server = createServer((request, response) => {
      const path = (request.url ?? "/").split("?")[0];
      const send = (status: number, type: string, body: string) => response.writeHead(status, { "content-type": type }).end(body);
      if (path === "/metrics") void metrics.text().then((text) => send(200, metrics.contentType, text), () => send(500, "text/plain", "metrics failed\n"));
      else if (path === "/health/live" || path === "/live") send(200, "application/json", JSON.stringify({ status: "alive" }));
      else if (path === "/health/ready" || path === "/ready") void ready().then((why) => send(why ? 503 : 200, "application/json", JSON.stringify(why ? { status: "not ready", reason: why } : { status: "ready" })));
      else send(404, "application/json", JSON.stringify({ code: "NOT_FOUND" }));
    });
    const host = config.server.host;
    await new Promise<void>((resolve, reject) => server!.once("error", reject).listen(config.queue.workerPort, host, () => resolve()));
    const address = server.address();
    url = typeof address === "object" && address ? `http://${address.address.includes(":") ? `[${address.address}]` : address.address}:${address.port}` : null;
  }

  const shutdown = createShutdown({
    logger: log,
    graceMs: config.server.shutdownGraceMs,
    steps: [
      { name: "claims", run: async () => void (stopping = true) },
      { name: "workers", run: async (signal) => runtime.stop(signal) },
      { name: "queue", run: async () => ingestion.close() },
      { name: "probes", run: async () => void (await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))) },
      { name: "store", run: async () => events.close() },
      { name: "logs", run: async () => loggers.flush() },
    ],
  });
  log.info({ queue: ingestion.queue.name, backend: ingestion.queue.backend, concurrency: Math.max(1, config.queue.workerThreads), probes: url }, "calendar-api worker ready");
  return { url, loggers, shutdown };
}
