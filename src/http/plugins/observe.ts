/**
 * Request ids and request observation: every response echoes `X-Request-Id`, and each finished request is
 * reported with its route template (never the raw URL), status and duration.
 */
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { HttpDeps } from "../deps.js";

declare module "fastify" {
  interface FastifyRequest {
    startedAt?: number;
  }
}

export const observePlugin = fp(
  async (app: FastifyInstance, deps: Pick<HttpDeps, "observer" | "stopwatch">) => {
    // Callback hooks: they run on every request, and an async one costs a promise and a microtask each time.
    app.addHook("onRequest", (request, reply, done) => {
      request.startedAt = deps.stopwatch();
      reply.header("X-Request-Id", request.id);
      done();
    });
    app.addHook("onResponse", (request, reply, done) => {
      const route = request.routeOptions.url ?? "unmatched";
      const seconds = (deps.stopwatch() - (request.startedAt ?? deps.stopwatch())) / 1000;
      deps.observer.request({ method: request.method, route, status: reply.statusCode, seconds, requestId: request.id });
      done();
    });
  },
  { name: "calendar-api-observe" },
);
