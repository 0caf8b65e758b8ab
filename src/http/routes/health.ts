/** Probes and status: /healthz, /health, /health/live, /health/ready (and their aliases), /status, /metrics. */
import type { FastifyInstance } from "fastify";
import type { HttpDeps } from "../deps.js";
import { problem } from "../errors.js";

const PUBLIC = { config: { scope: "public" as const } };

export async function healthRoutes(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  const full = async (_request: unknown, reply: { status: (n: number) => { send: (b: unknown) => unknown } }) => {
    const report = await deps.health();
    return reply.status(report.status === "unhealthy" ? 503 : 200).send(report);
  };
  app.get("/healthz", PUBLIC, full);
  app.get("/health", PUBLIC, full);

  // Liveness: the process answers; no dependency is consulted.
  for (const path of ["/health/live", "/live", "/liveness"]) app.get(path, PUBLIC, async () => ({ status: "alive" }));

  // Readiness: 503 while starting, draining, or when the database is unreachable.
  for (const path of ["/health/ready", "/ready", "/readiness"]) {
    app.get(path, PUBLIC, async (request, reply) => {
      const { ready, reason } = await deps.readiness();
      if (ready) return { status: "ready" };
      return reply.status(503).type("application/problem+json").send(problem("NOT_READY", reason ?? "not ready", { requestId: request.id }));
    });
  }

  app.get("/status", PUBLIC, async () => deps.status());

  app.get("/metrics", { config: { scope: "public" }, schema: { hide: true } }, async (_request, reply) => {
    const { contentType, body } = await deps.metricsText();
    return reply.type(contentType).send(body);
  });
}
