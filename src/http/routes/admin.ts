/** Operator routes: cache statistics and clearing, the effective configuration (secrets masked). */
import type { FastifyInstance } from "fastify";
import type { HttpDeps } from "../deps.js";

export async function adminRoutes(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  // Under `serve --workers N` these cover every worker's cache, whichever worker answers.
  app.get("/cache/stats", { config: { scope: "read" } }, async () => {
    const s = await deps.cacheAdmin.stats();
    return { hits: s.hits, misses: s.misses, hit_ratio: s.hitRatio, entries: s.entries, bytes: s.bytes };
  });
  app.delete("/cache/clear", { config: { scope: "admin" } }, async () => ({ cleared: await deps.cacheAdmin.clear() }));
  app.get("/config", { config: { scope: "admin" } }, async () => deps.redactedConfig());
}
