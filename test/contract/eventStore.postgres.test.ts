/**
 * The EventStore contract on PostgreSQL, when DATABASE_URL is a postgres:// URL. Each test gets its own
 * schema (`calendar_test_<pid>_<random>_<n>`, selected with search_path), dropped when the suite ends, so
 * parallel suites and other data in the database are never touched.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, it } from "vitest";
import { openEventStore } from "../../src/adapters/store/open.js";
import { eventStoreContract } from "./eventStoreContract.js";

const url = process.env.DATABASE_URL;

if (url === undefined || !/^postgres(ql)?:\/\//i.test(url)) {
  const why = url === undefined || url === "" ? "DATABASE_URL is not set" : "DATABASE_URL is not a postgres:// URL";
  describe.skip(`EventStore contract: postgres (skipped: ${why}; set DATABASE_URL=postgres://… to run)`, () => {
    it("runs against PostgreSQL", () => undefined);
  });
} else {
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  const run = `calendar_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const schemas: string[] = [];

  /** The same URL with `search_path` set to `schema` (pg passes `options` to the server). */
  const inSchema = (schema: string): string => {
    const withPath = new URL(url);
    withPath.searchParams.set("options", `-c search_path=${schema}`);
    return withPath.toString();
  };

  eventStoreContract(
    "postgres",
    async () => {
      const schema = `${run}_${schemas.length + 1}`;
      await admin.query(`create schema "${schema}"`);
      schemas.push(schema);
      return openEventStore({ databaseUrl: inSchema(schema), dataDir: "unused" });
    },
    async () => {
      for (const schema of schemas) await admin.query(`drop schema if exists "${schema}" cascade`);
      await admin.end();
    },
  );
}
