import { describe, expect, it } from "@jest/globals";
import { pruneStore, RETENTION } from "../../src/maintenance.js";
import { openStore } from "../../src/store/open-store.js";

describe("pruneStore", () => {
  it("deletes deliveries past their retention and keeps recent ones", async () => {
    const store = await openStore("sqlite::memory:");
    try {
      await store.deliveries.recordDelivery("old", "push");
      const later = new Date(Date.now() + RETENTION.deliveriesMs + 60_000);
      await store.deliveries.recordDelivery("recent", "push");
      const deleted = await pruneStore(store, later);
      expect(deleted.deliveries).toBe(2);
      expect(await pruneStore(store)).toMatchObject({ deliveries: 0 });
      // once pruned, a delivery id counts as new again
      expect(await store.deliveries.recordDelivery("old", "push")).toBe(true);
    } finally {
      await store.close();
    }
  });
});
