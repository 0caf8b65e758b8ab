/** The EventStore contract on SQLite: a file in a temporary directory per test, and an in-memory database. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openEventStore } from "../../src/adapters/store/open.js";
import { eventStoreContract } from "./eventStoreContract.js";

const root = mkdtempSync(join(tmpdir(), "calendar-store-contract-"));
let n = 0;

// databaseUrl null: the default `<dataDir>/calendar.db`, its directory created on open.
eventStoreContract(
  "sqlite file",
  () => openEventStore({ databaseUrl: null, dataDir: join(root, `run-${++n}`, "data") }),
  async () => rmSync(root, { recursive: true, force: true }),
);

eventStoreContract("sqlite :memory:", () => openEventStore({ databaseUrl: "sqlite::memory:", dataDir: root }));
