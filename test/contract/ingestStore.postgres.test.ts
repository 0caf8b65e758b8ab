/**
 * The IngestStore contract on PostgreSQL, when DATABASE_URL is a postgres:// URL: each test in its own
 * schema (selected with search_path), dropped when the suite ends.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, it } from "vitest";
import { KyselyIngestStore } from "../../src/adapters/store/kyselyIngestStore.js";
import { openStores } from "../../src/adapters/store/open.js";
import { translateStoreErrors } from "../../src/adapters/store/translateErrors.js";
import { systemClock } from "../../src/ports/clock.js";
import { ingestStoreContract } from "./ingestStoreContract.js";

const url = process.env.DATABASE_URL;

if (url === undefined || !/^postgres(ql)?:\/\//i.test(url)) {
  const why = url === undefined || url === "" ? "DATABASE_URL is not set" : "DATABASE_URL is not a postgres:// URL";
  describe.skip(`IngestStore contract: postgres (skipped: ${why}; set DATABASE_URL=postgres://… to run)`, () => {
    it("runs against PostgreSQL", () => undefined);
  });
} else {
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  const run = `calendar_ingest_${process.pid}_${randomBytes(4).toString("hex")}`;
  const schemas: string[] = [];
  const inSchema = (schema: string): string => {
    const withPath = new URL(url);
    withPath.searchParams.set("options", `-c search_path=${schema}`);
    return withPath.toString();
  };

  ingestStoreContract(
    "postgres",
    async () => {
      const schema = `${run}_${schemas.length + 1}`;
      await admin.query(`create schema "${schema}"`);
      schemas.push(schema);
      const { events, database } = await openStores({ databaseUrl: inSchema(schema), dataDir: "unused" });
      return { events, ingest: translateStoreErrors(new KyselyIngestStore(database.db, database.backend, systemClock)) };
    },
    async () => {
      for (const schema of schemas) await admin.query(`drop schema if exists "${schema}" cascade`);
      await admin.end();
    },
  );
}
