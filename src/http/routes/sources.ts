/** /api/v1/sources: register URLs to scrape on a schedule, list them with their last run, run one now, remove one. */
import type { FastifyInstance } from "fastify";
import { getSource, registerSource, removeSource, scrapeNow, type SourceInput } from "../../app/ingest/sources.js";
import type { IngestionHttpDeps } from "../deps.js";
import { jobSchema, newSourceSchema, sourceSchema } from "../ingestSchemas.js";

const idParams = { type: "object", properties: { id: { type: "string", minLength: 1, maxLength: 100 } }, required: ["id"] } as const;

export async function sourceRoutes(app: FastifyInstance, deps: IngestionHttpDeps): Promise<void> {
  app.post(
    "/api/v1/sources",
    {
      config: { scope: "write" },
      schema: {
        summary: "Register a URL (iCalendar feed, HTML page, PDF) to scrape every refreshMinutes; its first run is queued at once",
        body: newSourceSchema,
        response: { 201: { type: "object", properties: { source: sourceSchema, job: jobSchema } } },
      },
    },
    async (request, reply) => {
      const { source, job } = await registerSource(request.body as SourceInput, deps.sources);
      return reply.status(201).header("Location", `/api/v1/sources/${source.id}`).send({ source, job });
    },
  );
  app.get(
    "/api/v1/sources",
    {
      config: { scope: "read" },
      schema: {
        summary: "Registered sources with their last run, last error and events found",
        querystring: { type: "object", properties: { limit: { type: "integer", minimum: 1, maximum: 500, default: 100 }, offset: { type: "integer", minimum: 0, default: 0 } }, additionalProperties: false },
        response: { 200: { type: "object", properties: { sources: { type: "array", items: sourceSchema } } } },
      },
    },
    async (request) => ({ sources: await deps.ingest.listSources(request.query as { limit: number; offset: number }) }),
  );
  app.get("/api/v1/sources/:id", { config: { scope: "read" }, schema: { params: idParams, response: { 200: sourceSchema } } }, async (request) =>
    getSource((request.params as { id: string }).id, deps.sources),
  );
  app.post("/api/v1/sources/:id/scrape", { config: { scope: "write" }, schema: { summary: "Run the source now", params: idParams, response: { 202: { type: "object", properties: { job: jobSchema } } } } }, async (request, reply) => {
    const job = await scrapeNow((request.params as { id: string }).id, deps.sources);
    return reply.status(202).send({ job });
  });
  app.delete("/api/v1/sources/:id", { config: { scope: "write" }, schema: { summary: "Stop scraping a source (its events stay)", params: idParams } }, async (request, reply) => {
    await removeSource((request.params as { id: string }).id, deps.sources);
    return reply.status(204).send();
  });
}
