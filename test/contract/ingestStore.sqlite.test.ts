/** The IngestStore contract on SQLite: a fresh file per test in a temporary directory. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KyselyIngestStore } from "../../src/adapters/store/kyselyIngestStore.js";
import { openStores } from "../../src/adapters/store/open.js";
import { translateStoreErrors } from "../../src/adapters/store/translateErrors.js";
import { systemClock } from "../../src/ports/clock.js";
import { ingestStoreContract } from "./ingestStoreContract.js";

const dir = mkdtempSync(join(tmpdir(), "calendar-ingest-contract-"));
let n = 0;

ingestStoreContract(
  "sqlite",
  async () => {
    const { events, database } = await openStores({ databaseUrl: `sqlite:${join(dir, `store-${++n}.db`)}`, dataDir: dir });
    return { events, ingest: translateStoreErrors(new KyselyIngestStore(database.db, database.backend, systemClock)) };
  },
  async () => rmSync(dir, { recursive: true, force: true }),
);
