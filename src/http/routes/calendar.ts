/** GET /calendar.ics (the same filters as GET /events) and POST /events/import (a text/calendar body). */
import type { FastifyInstance } from "fastify";
import { exportFeed, type FeedQuery, importFeed } from "../../app/calendarFeed.js";
import type { HttpDeps } from "../deps.js";
import { ApiError } from "../errors.js";

export async function calendarRoutes(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  // .ics bodies arrive as text; other text types are refused by the route.
  app.addContentTypeParser(["text/calendar", "text/plain", "application/ics"], { parseAs: "string" }, (_request, body, done) => done(null, body));

  app.get(
    "/calendar.ics",
    {
      config: { scope: "read" },
      schema: {
        summary: "The events as an iCalendar feed (RRULE, VTIMEZONE, stable UIDs)",
        querystring: { type: "object", properties: { from: { type: "string" }, to: { type: "string" }, q: { type: "string" }, location: { type: "string" } }, additionalProperties: false },
      },
    },
    async (request, reply) => {
      const body = await exportFeed(request.query as FeedQuery, { store: deps.store, clock: deps.clock, calendarName: "Calendar API" });
      return reply.type("text/calendar; charset=utf-8").header("Content-Disposition", 'inline; filename="calendar.ics"').send(body);
    },
  );

  app.post("/events/import", { config: { scope: "write" }, schema: { summary: "Import a .ics body (text/calendar)" } }, async (request, reply) => {
    if (typeof request.body !== "string") throw new ApiError("UNSUPPORTED_MEDIA_TYPE", "send the calendar as text/calendar");
    const summary = await importFeed(request.body, { store: deps.store, defaultTimezone: deps.config.parser.defaultTimezone });
    return reply.status(summary.created > 0 ? 201 : 200).send(summary);
  });
}
