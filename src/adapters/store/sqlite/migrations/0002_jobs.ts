/** 0002: the local job queue's table (filled in by the queue work). */
import type { Kysely, Migration } from "kysely";

export const jobs0002: Migration = {
  async up(_db: Kysely<unknown>): Promise<void> {},
  async down(_db: Kysely<unknown>): Promise<void> {},
};
