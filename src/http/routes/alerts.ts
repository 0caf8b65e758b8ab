/** GET /alerts: the in-process alerts, pending and firing, and the most recent transitions, newest first. */
import type { FastifyInstance } from "fastify";
import type { HttpDeps } from "../deps.js";

/** Transitions returned when ?limit is not given; the history holds up to 1,000. */
export const DEFAULT_RECENT_LIMIT = 100;

const querystring = {
  type: "object",
  properties: { limit: { type: "integer", minimum: 0, maximum: 1000, default: DEFAULT_RECENT_LIMIT } },
  additionalProperties: false,
} as const;

export async function alertRoutes(app: FastifyInstance, deps: Pick<HttpDeps, "alerts">): Promise<void> {
  app.get<{ Querystring: { limit: number } }>(
    "/alerts",
    { config: { scope: "read" }, schema: { summary: "Active in-process alerts and recent firing/resolved transitions", querystring } },
    async (request) => ({
      lastEvaluation: deps.alerts.lastEvaluation(),
      active: deps.alerts.active(),
      recent: deps.alerts.recent(request.query.limit),
    }),
  );
}
