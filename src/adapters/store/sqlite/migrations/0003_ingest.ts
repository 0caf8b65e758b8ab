/** 0003: sources, stored files and event provenance (filled in by the ingest work). */
import type { Kysely, Migration } from "kysely";

export const ingest0003: Migration = {
  async up(_db: Kysely<unknown>): Promise<void> {},
  async down(_db: Kysely<unknown>): Promise<void> {},
};
