/**
 * PostgreSQL for contract suites: whether DATABASE_URL names a server (and why not, for the skipped suite's
 * title), and a fresh schema per test (`<prefix>_<pid>_<random>_<n>`, selected with search_path), all dropped
 * when the suite ends, so parallel suites and other data in the database are never touched.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

/** Why the PostgreSQL suites skip, or null when DATABASE_URL is a postgres:// URL. */
export function postgresSkipReason(url = process.env.DATABASE_URL): string | null {
  if (url !== undefined && /^postgres(ql)?:\/\//i.test(url)) return null;
  return `${url === undefined || url === "" ? "DATABASE_URL is not set" : "DATABASE_URL is not a postgres:// URL"}; set DATABASE_URL=postgres://… to run`;
}

export interface PostgresSchemas {
  /** Creates a schema and returns the URL that selects it. */
  next(): Promise<string>;
  /** Drops every schema created and closes the admin pool. */
  dropAll(): Promise<void>;
}

export function postgresSchemas(url: string, prefix: string): PostgresSchemas {
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  const run = `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
  const schemas: string[] = [];
  return {
    async next() {
      const schema = `${run}_${schemas.length + 1}`;
      await admin.query(`create schema "${schema}"`);
      schemas.push(schema);
      // pg passes `options` to the server.
      const withPath = new URL(url);
      withPath.searchParams.set("options", `-c search_path=${schema}`);
      return withPath.toString();
    },
    async dropAll() {
      for (const schema of schemas) await admin.query(`drop schema if exists "${schema}" cascade`);
      await admin.end();
    },
  };
}
