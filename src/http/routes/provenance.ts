/** GET /events/:id/sources: where a canonical event was seen (sources, uploads), with how each sighting matched. */
import type { FastifyInstance } from "fastify";
import { getEvent } from "../../app/events.js";
import type { EventStore } from "../../ports/eventStore.js";
import type { IngestionHttpDeps } from "../deps.js";
import { provenanceSchema } from "../ingestSchemas.js";

const idParams = { type: "object", properties: { id: { type: "string", maxLength: 100 } }, required: ["id"] } as const;

export async function provenanceRoutes(app: FastifyInstance, deps: IngestionHttpDeps & { store: EventStore }): Promise<void> {
  app.get(
    "/events/:id/sources",
    { config: { scope: "read" }, schema: { summary: "The origins an event was seen in", params: idParams, response: { 200: { type: "object", properties: { eventId: { type: "string" }, sources: { type: "array", items: provenanceSchema } } } } } },
    async (request) => {
      const { id } = request.params as { id: string };
      await getEvent(id, { store: deps.store });
      return { eventId: id, sources: await deps.ingest.provenanceOf(id) };
    },
  );
}
