/** POST /parse and POST /parse/explain. */
import type { FastifyInstance } from "fastify";
import { explainParse, type ParseRequest, parseText, type ParseTextDeps } from "../../app/parseText.js";
import type { HttpDeps } from "../deps.js";
import { parseBodySchema, parseResultSchema } from "../schemas.js";

export function parseDeps(deps: HttpDeps, requestId: string): ParseTextDeps {
  return {
    cache: deps.cache,
    clock: deps.clock,
    stopwatch: deps.stopwatch,
    maxInputLength: deps.config.parser.maxInputLength,
    defaultTimezone: deps.config.parser.defaultTimezone,
    observe: (outcome) => deps.observer.parse(outcome, requestId),
  };
}

export async function parseRoutes(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  app.addSchema({ $id: "Problem", type: "object", properties: { type: { type: "string" }, title: { type: "string" }, status: { type: "integer" }, detail: { type: "string" }, code: { type: "string" }, field: { type: "string" }, requestId: { type: "string" } } });
  app.post(
    "/parse",
    { config: { scope: "read" }, schema: { summary: "Parse text into events", body: parseBodySchema, response: { 200: parseResultSchema } } },
    async (request) => parseText(request.body as ParseRequest, parseDeps(deps, request.id)),
  );
  app.post(
    "/parse/explain",
    {
      config: { scope: "read" },
      schema: {
        summary: "Parse text and show every pipeline step: matches, refinements, per-step time, the route taken",
        body: parseBodySchema,
      },
    },
    async (request) => explainParse(request.body as ParseRequest, parseDeps(deps, request.id)),
  );
}
