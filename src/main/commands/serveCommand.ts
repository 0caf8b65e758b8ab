/**
 * `calendar-api serve [--workers N]`: runs the API. With N > 1 the primary forks N worker processes that
 * share the port (node:cluster), aggregates their metrics, cache statistics, /status counters and alert readings and
 * keeps their rate-limit counts; SIGTERM/SIGINT stop everything in order.
 */
import cluster from "node:cluster";
import type { AppConfig } from "../../config/types.js";
import { createMemoryRateLimiter } from "../../http/plugins/rateLimiter.js";
import { setupFanOutRelay } from "../../ops/clusterFanOut.js";
import { setupClusterRateLimitPrimary } from "../../ops/clusterRateLimit.js";
import type { CliIo } from "../io.js";
import { migrateCommand } from "./migrateCommand.js";
import { startService } from "../service.js";

/** Runs one server in this process until a signal stops it; resolves to the exit code. */
async function runSingle(config: AppConfig, io: CliIo, clusterWorker: boolean): Promise<number> {
  const service = await startService(config, { clusterWorker, clusterWorkerId: cluster.worker?.id });
  io.stdout(`calendar-api listening on ${service.url}\n`);
  return new Promise((resolveExit) => {
    const stop = (signal: string) => {
      void service.shutdown
        .run(signal)
        .then(async (report) => {
          await service.loggers.close();
          resolveExit(report.timedOut || report.failed.length > 0 ? 1 : 0);
        });
    };
    // Every signal joins the one shutdown under way (a second SIGTERM must not kill a draining server).
    process.on("SIGTERM", () => stop("SIGTERM"));
    process.on("SIGINT", () => stop("SIGINT"));
  });
}

export async function serveCommand(config: AppConfig, io: CliIo, workersFlag: number | undefined): Promise<number> {
  const workers = workersFlag ?? config.server.workers;
  // A worker that fails to start must not linger: its IPC channel would keep it alive, neither serving nor replaced.
  if (cluster.isWorker) {
    return runSingle(config, io, true).catch((error: unknown) => {
      cluster.worker?.disconnect();
      throw error;
    });
  }
  if (workers <= 1) return runSingle(config, io, false);

  // Migrate once here, before the workers start: N processes migrating one SQLite file at once race for its lock.
  const migrated = await migrateCommand({ ...io, stdout: () => undefined }, config);
  if (migrated !== 0) return migrated;

  // Metrics, cache administration, /status counters and alert readings: a worker's question to every worker.
  const fanOut = setupFanOutRelay();
  // With the counts in Redis the workers share them there and never ask the primary.
  const rateLimits = config.security.rateLimitStore === "memory" ? setupClusterRateLimitPrimary(createMemoryRateLimiter(config.security.rateLimitPerMinute, config.security.rateLimitPerHour)) : null;
  for (let i = 0; i < workers; i++) cluster.fork();
  let stopping = false;
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    io.stderr(`calendar-api: worker ${worker.process.pid} exited (${signal ?? code}); starting another\n`);
    cluster.fork();
  });
  return new Promise((resolveExit) => {
    const stop = (signal: NodeJS.Signals) => {
      stopping = true;
      fanOut.stop();
      rateLimits?.stop();
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
      const deadline = setTimeout(() => resolveExit(1), config.server.shutdownGraceMs + 2_000);
      deadline.unref();
      const check = setInterval(() => {
        if (Object.keys(cluster.workers ?? {}).length === 0) {
          clearInterval(check);
          clearTimeout(deadline);
          resolveExit(0);
        }
      }, 50);
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  });
}
