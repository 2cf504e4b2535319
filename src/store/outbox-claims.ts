import type { Kysely } from "kysely";
import type { Database } from "./database.js";
import type { NotificationStore } from "./notifications.js";

type Claims = Pick<
  NotificationStore,
  "claim" | "markSent" | "release" | "notBefore" | "setNotBefore"
>;

/**
 * Sending an outbox entry: a claim (a token and a deadline) lets one sender at a time hold it,
 * across processes; a dead sender's claim lapses and another takes over.
 */
export function outboxClaims(db: Kysely<Database>): Claims {
  return {
    async claim(ids, token, until, now) {
      if (ids.length === 0) return [];
      await db
        .updateTable("notification_outbox")
        .set({ claim: token, claimed_until: until.getTime() })
        .where("id", "in", ids)
        .where("state", "=", "pending")
        .where((eb) =>
          eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", now.getTime())]),
        )
        .execute();
      const won = await db
        .selectFrom("notification_outbox")
        .select("id")
        .where("id", "in", ids)
        .where("claim", "=", token)
        .execute();
      return won.map((r) => Number(r.id));
    },

    async markSent(ids, at) {
      if (ids.length === 0) return;
      await db
        .updateTable("notification_outbox")
        .set({ state: "sent", sent_at: at.getTime(), claim: null, claimed_until: null })
        .where("id", "in", ids)
        .execute();
    },

    async release(ids, dueAt, failed) {
      if (ids.length === 0) return;
      await db
        .updateTable("notification_outbox")
        .set((eb) => ({
          claim: null,
          claimed_until: null,
          due_at: dueAt.getTime(),
          ...(failed
            ? { attempts: eb("attempts", "+", 1), last_error: failed.error.slice(0, 500) }
            : {}),
        }))
        .where("id", "in", ids)
        .execute();
    },

    async notBefore(channel) {
      const row = await db
        .selectFrom("notification_channels")
        .select("not_before")
        .where("channel", "=", channel)
        .executeTakeFirst();
      return row ? Number(row.not_before) : 0;
    },

    async setNotBefore(channel, at) {
      await db
        .insertInto("notification_channels")
        .values({ channel, not_before: at.getTime() })
        .onConflict((oc) => oc.column("channel").doUpdateSet({ not_before: at.getTime() }))
        .execute();
    },
  };
}
