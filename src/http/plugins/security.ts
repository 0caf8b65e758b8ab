/**
 * API keys with scopes and per-key-or-address rate limits. A route says what it needs in its config
 * (`scope: "read" | "write" | "admin" | "public"`); probes and metrics are public. Keys are accepted from
 * `X-API-Key` or `Authorization: Bearer`. Rate limits answer 429 with Retry-After and RateLimit headers.
 */
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { ApiKey, Scope } from "../../config/types.js";
import type { HttpDeps, RateLimitDecision } from "../deps.js";
import { ApiError } from "../errors.js";

export type RouteScope = Scope | "public";

declare module "fastify" {
  interface FastifyContextConfig {
    /** What the route needs; default "read". */
    scope?: RouteScope;
  }
  interface FastifyRequest {
    /** The API key's name, when one was given. */
    apiKeyName?: string;
  }
}

function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers["x-api-key"];
  if (typeof header === "string" && header.length > 0) return header;
  const auth = request.headers.authorization;
  if (typeof auth === "string" && /^bearer\s+/i.test(auth)) return auth.replace(/^bearer\s+/i, "").trim();
  return undefined;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Admin includes write includes read. */
function grants(key: ApiKey, needed: Scope): boolean {
  if (key.scopes.includes("admin")) return true;
  if (needed === "read") return key.scopes.includes("read") || key.scopes.includes("write");
  return key.scopes.includes(needed);
}

export const securityPlugin = fp(
  async (app: FastifyInstance, deps: Pick<HttpDeps, "config" | "rateLimiter" | "clock">) => {
    const { apiKeys, requireApiKeys } = deps.config.security;
    /** Sets the RateLimit headers of a decision; the refusal when it is over the limit. */
    const limited = (reply: FastifyReply, decision: RateLimitDecision): ApiError | undefined => {
      reply.header("RateLimit-Limit", decision.limit);
      reply.header("RateLimit-Remaining", decision.remaining);
      reply.header("RateLimit-Reset", decision.resetSeconds);
      if (decision.allowed) return undefined;
      return new ApiError("RATE_LIMITED", `limit of ${decision.limit} requests reached; retry in ${decision.resetSeconds} s`, { headers: { "Retry-After": String(decision.resetSeconds) } });
    };
    /**
     * The refusal for this request, if any. A limiter that decides in this process answers at once; one that
     * asks elsewhere (the cluster's primary) answers with a promise.
     */
    const refusal = (request: FastifyRequest, reply: FastifyReply): ApiError | undefined | Promise<ApiError | undefined> => {
      const scope: RouteScope = request.routeOptions.config?.scope ?? "read";
      const presented = presentedKey(request);
      const key = presented === undefined ? undefined : apiKeys.find((k) => sameSecret(k.key, presented));
      if (key) request.apiKeyName = key.name;
      if (scope === "public") return undefined;
      if (presented !== undefined && !key && requireApiKeys) return new ApiError("UNAUTHORIZED", "the API key given is not valid");
      if (requireApiKeys && !key) return new ApiError("UNAUTHORIZED");
      if (requireApiKeys && key && !grants(key, scope)) return new ApiError("FORBIDDEN", `this route needs the ${scope} scope`);
      const decision = deps.rateLimiter.hit(key ? `key:${key.name}` : `ip:${request.ip}`, deps.clock.now());
      return decision instanceof Promise ? decision.then((d) => limited(reply, d)) : limited(reply, decision);
    };
    // A callback hook: it runs on every request, and an async one costs a promise and a microtask each time.
    app.addHook("onRequest", (request, reply, done) => {
      const outcome = refusal(request, reply);
      if (outcome instanceof Promise) outcome.then((error) => done(error), (error: Error) => done(error));
      else done(outcome);
    });
  },
  { name: "calendar-api-security" },
);
