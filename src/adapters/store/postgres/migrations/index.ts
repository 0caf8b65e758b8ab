/** PostgreSQL migrations by ordered name; append new ones, never edit an applied one. */
import type { Migration } from "kysely";
import { events0001 } from "./0001_events.js";
import { jobs0002 } from "./0002_jobs.js";
import { ingest0003 } from "./0003_ingest.js";

export const postgresMigrations: Readonly<Record<string, Migration>> = Object.freeze({
  "0001_events": events0001,
  "0002_jobs": jobs0002,
  "0003_ingest": ingest0003,
});
