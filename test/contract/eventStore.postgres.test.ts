/**
 * The EventStore contract on PostgreSQL, when DATABASE_URL is a postgres:// URL. Each test gets its own
 * schema (see postgresSchemas.ts), dropped when the suite ends, so parallel suites and other data in the
 * database are never touched.
 */
import { describe, it } from "vitest";
import { openEventStore } from "../../src/adapters/store/open.js";
import { eventStoreContract } from "./eventStoreContract.js";
import { postgresSchemas, postgresSkipReason } from "./postgresSchemas.js";

const skip = postgresSkipReason();

if (skip !== null) {
  describe.skip(`EventStore contract: postgres (skipped: ${skip})`, () => {
    it("runs against PostgreSQL", () => undefined);
  });
} else {
  const schemas = postgresSchemas(process.env.DATABASE_URL!, "calendar_test");
  eventStoreContract("postgres", async () => openEventStore({ databaseUrl: await schemas.next(), dataDir: "unused" }), () => schemas.dropAll());
}
