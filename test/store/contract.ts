import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import type { Store } from "../../src/store/open-store.js";
import { analysesContract } from "./contract-analyses.js";
import { baselineEntriesContract } from "./contract-baseline-entries.js";
import { baselinesContract } from "./contract-baselines.js";
import { jobsContract } from "./contract-jobs.js";
import { lifecycleContract } from "./contract-lifecycle.js";
import { notificationsContract } from "./contract-notifications.js";
import { requiredToolsContract } from "./contract-required-tools.js";
import { suppressionsContract } from "./contract-suppressions.js";

/**
 * The one store contract (style.md principle 9): every implementation runs exactly this suite.
 * `open` must return a fresh, empty, migrated store each time.
 */
export function describeStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`store contract: ${name}`, () => {
    let store: Store | undefined;
    const current = (): Store => {
      if (store === undefined) throw new Error("store not open");
      return store;
    };
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    describe("store", () => {
      it("answers ping while open", async () => {
        expect(await current().ping()).toBe(true);
      });

      it("has every table migrated", async () => {
        const jobs = await current().jobs.counts();
        expect(jobs).toEqual({ queued: 0, active: 0, completed: 0, failed: 0 });
        expect(await current().baselines.get("o/r", "main")).toBeNull();
      });
    });

    describe("deliveries", () => {
      it("records a delivery id only the first time", async () => {
        const { deliveries } = current();
        expect(await deliveries.recordDelivery("d-1", "workflow_run")).toBe(true);
        expect(await deliveries.recordDelivery("d-1", "workflow_run")).toBe(false);
        expect(await deliveries.recordDelivery("d-2", "issue_comment")).toBe(true);
      });

      it("gives exactly one true to concurrent recorders of one id", async () => {
        const { deliveries } = current();
        const results = await Promise.all(
          Array.from({ length: 8 }, () => deliveries.recordDelivery("same", "push")),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it("forgets one delivery so that it counts as new again", async () => {
        const { deliveries } = current();
        await deliveries.recordDelivery("d-1", "push");
        await deliveries.recordDelivery("d-2", "push");
        await deliveries.forgetDelivery("d-1");
        expect(await deliveries.recordDelivery("d-1", "push")).toBe(true);
        expect(await deliveries.recordDelivery("d-2", "push")).toBe(false);
      });

      it("prunes deliveries received before the cut-off", async () => {
        const { deliveries } = current();
        await deliveries.recordDelivery("old", "push", new Date("2024-01-01T00:00:00Z"));
        await deliveries.recordDelivery("new", "push", new Date("2024-03-01T00:00:00Z"));
        expect(await deliveries.pruneDeliveries(new Date("2024-02-01T00:00:00Z"))).toBe(1);
        expect(await deliveries.recordDelivery("old", "push")).toBe(true);
        expect(await deliveries.recordDelivery("new", "push")).toBe(false);
      });
    });

    suppressionsContract(current);
    analysesContract(current);
    baselinesContract(current);
    baselineEntriesContract(current);
    jobsContract(current);
    lifecycleContract(current);
    notificationsContract(current);
    requiredToolsContract(current);
  });
}
