/** The IngestStore contract on PostgreSQL, when DATABASE_URL is a postgres:// URL: each test in its own schema. */
import { describe, it } from "vitest";
import { KyselyIngestStore } from "../../src/adapters/store/kyselyIngestStore.js";
import { openStores } from "../../src/adapters/store/open.js";
import { translateStoreErrors } from "../../src/adapters/store/translateErrors.js";
import { systemClock } from "../../src/ports/clock.js";
import { ingestStoreContract } from "./ingestStoreContract.js";
import { postgresSchemas, postgresSkipReason } from "./postgresSchemas.js";

const skip = postgresSkipReason();

if (skip !== null) {
  describe.skip(`IngestStore contract: postgres (skipped: ${skip})`, () => {
    it("runs against PostgreSQL", () => undefined);
  });
} else {
  const schemas = postgresSchemas(process.env.DATABASE_URL!, "calendar_ingest");
  ingestStoreContract(
    "postgres",
    async () => {
      const { events, database } = await openStores({ databaseUrl: await schemas.next(), dataDir: "unused" });
      return { events, ingest: translateStoreErrors(new KyselyIngestStore(database.db, database.backend, systemClock)) };
    },
    () => schemas.dropAll(),
  );
}
