/**
 * The EventStore contract: one suite every backend must pass, run per adapter by eventStore.<backend>.test.ts.
 * Each test gets a fresh store from `makeStore`, migrates it, and closes it afterwards.
 */
import { afterAll, afterEach, beforeEach, describe } from "vitest";
import type { MigratableEventStore } from "../../src/adapters/store/open.js";
import type { ContractContext } from "./contractFixtures.js";
import { crudCases } from "./crudCases.js";
import { queryCases } from "./queryCases.js";
import { windowCases } from "./windowCases.js";

/** Makes a fresh, empty, not yet migrated store; called once per test. */
export type StoreFactory = () => Promise<MigratableEventStore>;

/** Registers the contract for one backend; `cleanup` runs once after the last test (drop schemas, remove files). */
export function eventStoreContract(name: string, makeStore: StoreFactory, cleanup: () => Promise<void> = async () => undefined): void {
  describe(`EventStore contract: ${name}`, () => {
    const ctx = { applied: [] as string[], list: (query) => ctx.store.list({ limit: 500, ...query }) } as ContractContext;

    beforeEach(async () => {
      ctx.store = await makeStore();
      ctx.applied = await ctx.store.migrate();
    });
    afterEach(async () => {
      await ctx.store.close();
    });
    afterAll(async () => {
      await cleanup();
    });

    crudCases(ctx);
    windowCases(ctx);
    queryCases(ctx);
  });
}
