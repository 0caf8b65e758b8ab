/** /events: create (fields or text), read, patch, delete, and list a window with recurring events expanded. */
import type { FastifyInstance } from "fastify";
import { readPatch } from "../../app/eventInput.js";
import { createEvents, deleteEvent, getEvent, updateEvent } from "../../app/events.js";
import { type EventListQuery, listEvents } from "../../app/listEvents.js";
import type { HttpDeps } from "../deps.js";
import { eventSchema, listQuerySchema, newEventSchema, patchEventSchema } from "../schemas.js";
import { parseDeps } from "./parse.js";

const idParams = { type: "object", properties: { id: { type: "string", maxLength: 100 } }, required: ["id"] } as const;

export async function eventRoutes(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  app.post(
    "/events",
    { config: { scope: "write" }, schema: { summary: "Create events from fields or from text", body: newEventSchema, response: { 201: { type: "object", properties: { events: { type: "array", items: eventSchema } } } } } },
    async (request, reply) => {
      const events = await createEvents(request.body as Record<string, unknown>, { store: deps.store, parse: parseDeps(deps, request.id) });
      return reply.status(201).send({ events });
    },
  );
  app.get(
    "/events",
    { config: { scope: "read" }, schema: { summary: "Events in a window (recurring ones expanded), searchable", querystring: listQuerySchema } },
    async (request) => listEvents(request.query as EventListQuery, { store: deps.store, clock: deps.clock }),
  );
  app.get("/events/:id", { config: { scope: "read" }, schema: { params: idParams, response: { 200: eventSchema } } }, async (request) =>
    getEvent((request.params as { id: string }).id, { store: deps.store }),
  );
  app.patch("/events/:id", { config: { scope: "write" }, schema: { params: idParams, body: patchEventSchema, response: { 200: eventSchema } } }, async (request) =>
    updateEvent((request.params as { id: string }).id, readPatch(request.body as Record<string, unknown>), { store: deps.store }),
  );
  app.delete("/events/:id", { config: { scope: "write" }, schema: { params: idParams } }, async (request, reply) => {
    await deleteEvent((request.params as { id: string }).id, { store: deps.store });
    return reply.status(204).send();
  });
}
