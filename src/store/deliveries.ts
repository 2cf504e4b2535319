import type { Kysely } from "kysely";
import type { Database } from "./database.js";

/** Webhook deliveries seen, so a redelivered `X-GitHub-Delivery` writes nothing. */
export interface DeliveryStore {
  /** True only the first time `id` is recorded, across every process sharing the store. */
  recordDelivery(id: string, event: string, at?: Date): Promise<boolean>;
  /** Several at once (one statement); per delivery, whether it was new (a repeat is not). */
  recordDeliveries(
    deliveries: readonly { id: string; event: string }[],
    at?: Date,
  ): Promise<boolean[]>;
  /** Forgets one delivery (its job could not be queued), so GitHub's redelivery is accepted. */
  forgetDelivery(id: string): Promise<void>;
  forgetDeliveries(ids: readonly string[]): Promise<void>;
  /** Forgets deliveries received before `olderThan`; returns how many. */
  pruneDeliveries(olderThan: Date): Promise<number>;
}

export function createDeliveryStore(db: Kysely<Database>): DeliveryStore {
  return {
    async recordDelivery(id, event, at = new Date()) {
      const inserted = await db
        .insertInto("deliveries")
        .values({ id, event, received_at: at.getTime() })
        .onConflict((oc) => oc.column("id").doNothing())
        .returning("id")
        .execute();
      return inserted.length === 1;
    },

    async recordDeliveries(deliveries, at = new Date()) {
      if (deliveries.length === 0) return [];
      const inserted = await db
        .insertInto("deliveries")
        .values(deliveries.map(({ id, event }) => ({ id, event, received_at: at.getTime() })))
        .onConflict((oc) => oc.column("id").doNothing())
        .returning("id")
        .execute();
      const fresh = new Set(inserted.map((row) => row.id));
      return deliveries.map(({ id }) => fresh.delete(id));
    },

    async forgetDelivery(id) {
      await db.deleteFrom("deliveries").where("id", "=", id).execute();
    },

    async forgetDeliveries(ids) {
      if (ids.length > 0) await db.deleteFrom("deliveries").where("id", "in", ids).execute();
    },

    async pruneDeliveries(olderThan) {
      const result = await db
        .deleteFrom("deliveries")
        .where("received_at", "<", olderThan.getTime())
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
