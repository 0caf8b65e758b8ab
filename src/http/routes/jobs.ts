/** /api/v1/jobs/:id (any job's state and result) and the dead-letter queue's admin routes. */
import type { FastifyInstance } from "fastify";
import { CalendarError } from "../../core/events/errors.js";
import type { JobRecord } from "../../ports/jobQueue.js";
import type { IngestionHttpDeps } from "../deps.js";
import { jobSchema } from "../ingestSchemas.js";

const jobParams = { type: "object", properties: { jobId: { type: "string", minLength: 1, maxLength: 200 } }, required: ["jobId"] } as const;
const idParams = { type: "object", properties: { id: { type: "string", minLength: 1, maxLength: 200 } }, required: ["id"] } as const;

function notFound(id: string, where: string): CalendarError {
  return new CalendarError("JOB_NOT_FOUND", `no job ${JSON.stringify(id)} ${where}`, "jobId");
}

export async function jobRoutes(app: FastifyInstance, deps: IngestionHttpDeps): Promise<void> {
  const { queue } = deps;
  app.get("/api/v1/jobs/:id", { config: { scope: "read" }, schema: { summary: "A job's state, attempts and result", params: idParams, response: { 200: jobSchema } } }, async (request) => {
    const { id } = request.params as { id: string };
    const job = await queue.get(id);
    if (!job) throw new CalendarError("JOB_NOT_FOUND", `no job has id ${JSON.stringify(id)}`, "id");
    return job;
  });

  app.get(
    "/api/v1/admin/dlq",
    {
      config: { scope: "admin" },
      schema: {
        summary: "Dead-lettered jobs, newest first",
        querystring: { type: "object", properties: { limit: { type: "integer", minimum: 1, maximum: 500, default: 50 }, offset: { type: "integer", minimum: 0, default: 0 } }, additionalProperties: false },
      },
    },
    async (request) => {
      const { limit, offset } = request.query as { limit: number; offset: number };
      const [jobs, counts] = await Promise.all([queue.deadLetters({ limit, offset }), queue.counts()]);
      return { total: counts.dead, jobs };
    },
  );
  app.get("/api/v1/admin/dlq/:jobId", { config: { scope: "admin" }, schema: { params: jobParams, response: { 200: jobSchema } } }, async (request) => {
    const { jobId } = request.params as { jobId: string };
    const job = await queue.get(jobId);
    if (!job || job.state !== "dead") throw notFound(jobId, "in the dead-letter queue");
    return job;
  });
  app.post("/api/v1/admin/dlq/:jobId/retry", { config: { scope: "admin" }, schema: { params: jobParams } }, async (request, reply) => {
    const { jobId } = request.params as { jobId: string };
    if (!(await queue.retryDead(jobId))) throw notFound(jobId, "in the dead-letter queue");
    return reply.status(202).send((await queue.get(jobId)) as JobRecord);
  });
  app.delete("/api/v1/admin/dlq/:jobId", { config: { scope: "admin" }, schema: { params: jobParams } }, async (request, reply) => {
    const { jobId } = request.params as { jobId: string };
    if (!(await queue.removeDead(jobId))) throw notFound(jobId, "in the dead-letter queue");
    return reply.status(204).send();
  });
}
