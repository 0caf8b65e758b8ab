/** SQLite migrations by ordered name; append new ones, never edit an applied one. */
import type { Migration } from "kysely";
import { events0001 } from "./0001_events.js";

export const sqliteMigrations: Readonly<Record<string, Migration>> = Object.freeze({
  "0001_events": events0001,
});
