/**
 * buildApp(deps): the Fastify application, not listening (tests use inject(); main/server.ts listens).
 * Plugin order: request ids and observation, security headers and CORS, keys and rate limits, OpenAPI, routes;
 * one error handler turns every error into problem+json.
 */
import { randomUUID } from "node:crypto";
import cors from "@fastify/cors";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, LogController } from "fastify";
import { CalendarError } from "../core/events/errors.js";
import { CacheUnavailableError } from "../ports/cache.js";
import { StoreUnavailableError } from "../ports/eventStore.js";
import type { HttpDeps } from "./deps.js";
import { ApiError, type ApiErrorCode, problem } from "./errors.js";
import { observePlugin } from "./plugins/observe.js";
import { securityPlugin } from "./plugins/security.js";
import { securityHeadersPlugin } from "./plugins/securityHeaders.js";
import { adminRoutes } from "./routes/admin.js";
import { alertRoutes } from "./routes/alerts.js";
import { calendarRoutes } from "./routes/calendar.js";
import { eventRoutes } from "./routes/events.js";
import { healthRoutes } from "./routes/health.js";
import { ingestRoutes } from "./routes/ingest.js";
import { jobRoutes } from "./routes/jobs.js";
import { provenanceRoutes } from "./routes/provenance.js";
import { sourceRoutes } from "./routes/sources.js";
import { parseRoutes } from "./routes/parse.js";

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Maps any thrown error to a code, a detail and the offending field. */
function classify(error: unknown): { code: ApiErrorCode; detail: string; field?: string; headers?: Record<string, string> } {
  if (error instanceof ApiError) return { code: error.code, detail: error.message, field: error.field, headers: error.headers };
  if (error instanceof CalendarError) return { code: error.code, detail: error.message, field: error.field };
  if (error instanceof StoreUnavailableError) return { code: "STORE_UNAVAILABLE", detail: "the database could not be reached; nothing was changed", headers: { "Retry-After": "5" } };
  if (error instanceof CacheUnavailableError) return { code: "CACHE_UNAVAILABLE", detail: `the cache of every worker process could not be reached: ${error.message}`, headers: { "Retry-After": "5" } };
  const e = error as FastifyError;
  if (e?.validation) {
    const first = e.validation[0];
    const params = first?.params as { missingProperty?: string; additionalProperty?: string } | undefined;
    const field = (first?.instancePath?.replace(/^\//, "").replace(/\//g, ".") || params?.missingProperty || params?.additionalProperty) ?? e.validationContext;
    if (params?.additionalProperty) return { code: "VALIDATION_FAILED", detail: `${e.validationContext ?? "request"}: unknown property ${JSON.stringify(params.additionalProperty)}`, field: params.additionalProperty };
    return { code: "VALIDATION_FAILED", detail: `${e.validationContext ?? "request"}${field ? ` ${field}` : ""}: ${first?.message ?? e.message}`, field: field || undefined };
  }
  switch (e?.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return { code: "INVALID_JSON", detail: e.message };
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return { code: "PAYLOAD_TOO_LARGE", detail: e.message };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return { code: "UNSUPPORTED_MEDIA_TYPE", detail: e.message };
    // @fastify/multipart (uploads)
    case "FST_REQ_FILE_TOO_LARGE":
      return { code: "PAYLOAD_TOO_LARGE", detail: "the file is larger than the upload limit", field: "file" };
    case "FST_PARTS_LIMIT":
    case "FST_FILES_LIMIT":
    case "FST_FIELDS_LIMIT":
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
    case "FST_MULTIPART_INVALID_FORM":
      return { code: "VALIDATION_FAILED", detail: e.message, field: "file" };
  }
  if (e instanceof SyntaxError && e.statusCode === 400) return { code: "INVALID_JSON", detail: `body is not valid JSON: ${e.message}` };
  return { code: "INTERNAL", detail: "An unexpected error occurred." };
}

export async function buildApp(deps: HttpDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.config.server.bodyLimitBytes,
    trustProxy: deps.config.server.trustProxy,
    requestIdHeader: false,
    // While closing, requests still reach the app, which refuses them as problem+json (see the hook below).
    return503OnClosing: false,
    // One line per request is written by the observer (performance log, with route, status and duration);
    // Fastify's own "incoming request" / "request completed" pair would double the logging cost.
    logController: new LogController({ requestIdLogLabel: "requestId", disableRequestLogging: true }),
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: "array", allErrors: false } },
  });

  app.setErrorHandler(async (error, request, reply) => {
    const { code, detail, field, headers } = classify(error);
    if (code === "INTERNAL") request.log.error({ err: error }, "unhandled error");
    else request.log.info({ code, field }, "request refused");
    deps.observer.apiError(code);
    const body = problem(code, detail, { field, requestId: request.id, instance: request.url.split("?")[0] });
    return reply.status(body.status).headers(headers ?? {}).type("application/problem+json").send(body);
  });
  app.setNotFoundHandler(async (request, reply) => {
    deps.observer.apiError("NOT_FOUND");
    const body = problem("NOT_FOUND", `no route for ${request.method} ${request.url.split("?")[0]}`, { requestId: request.id });
    return reply.status(404).type("application/problem+json").send(body);
  });

  await app.register(observePlugin, deps);
  // A callback hook, not an async one: it runs on every request.
  app.addHook("onRequest", (request, _reply, done) => {
    if (!deps.accepting() && request.routeOptions.config?.scope !== "public") return done(new ApiError("NOT_READY", "the service is shutting down; retry on another instance"));
    done();
  });
  // helmet's headers (CSP off) from a fixed table: helmet rebuilds its middleware chain on every request.
  await app.register(securityHeadersPlugin);
  await app.register(cors, {
    origin: deps.config.security.corsOrigins.includes("*") ? true : deps.config.security.corsOrigins,
    methods: ["GET", "POST", "PATCH", "DELETE", "OPTIONS"],
    allowedHeaders: ["Content-Type", "Authorization", "X-API-Key", "X-Request-Id"],
    exposedHeaders: ["X-Request-Id", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Retry-After"],
  });
  await app.register(securityPlugin, deps);
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Calendar API", version: deps.version, description: "Turns the messy ways people announce events into clean calendar events." },
      components: { securitySchemes: { apiKey: { type: "apiKey", in: "header", name: "X-API-Key" }, bearer: { type: "http", scheme: "bearer" } } },
      security: [{ apiKey: [] }, { bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: "/docs", uiConfig: { docExpansion: "list" } });

  await app.register(healthRoutes, deps);
  await app.register(parseRoutes, deps);
  await app.register(eventRoutes, deps);
  await app.register(calendarRoutes, deps);
  await app.register(adminRoutes, deps);
  await app.register(alertRoutes, deps);
  if (deps.ingestion) {
    const ingestion = deps.ingestion;
    await app.register(jobRoutes, ingestion);
    await app.register(sourceRoutes, ingestion);
    await app.register(ingestRoutes, ingestion);
    await app.register(provenanceRoutes, { ...ingestion, store: deps.store });
  }
  app.get("/openapi.json", { config: { scope: "public" }, schema: { hide: true } }, async () => app.swagger());
  return app;
}
