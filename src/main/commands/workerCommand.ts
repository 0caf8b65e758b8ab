/** `calendar-api worker`: runs job consumers in this process until SIGTERM/SIGINT; resolves to the exit code. */
import type { AppConfig } from "../../config/types.js";
import type { CliIo } from "../io.js";
import { startWorker } from "../worker.js";

export async function workerCommand(config: AppConfig, io: CliIo): Promise<number> {
  const worker = await startWorker(config);
  io.stdout(`calendar-api worker consuming the ${config.queue.backend} queue${worker.url ? `; probes and metrics on ${worker.url}` : ""}\n`);
  return new Promise((resolveExit) => {
    const stop = (signal: string) => {
      void worker.shutdown.run(signal).then(async (report) => {
        await worker.loggers.close();
        resolveExit(report.timedOut || report.failed.length > 0 ? 1 : 0);
      });
    };
    process.on("SIGTERM", () => stop("SIGTERM"));
    process.on("SIGINT", () => stop("SIGINT"));
  });
}
