import type { Kysely } from "kysely";
import type { Database } from "./database.js";
import { suppressionsExpiringBy } from "./expiring-suppressions.js";
import { landedAt } from "./landed-fingerprints.js";
import { outboxClaims } from "./outbox-claims.js";
import type { Suppression } from "./suppression.js";

/** A chat message to send once: `dedupeKey` names channel, event and finding. */
export interface OutboxInput {
  dedupeKey: string;
  channel: string;
  repo: string;
  event: string;
  /** JSON of the event, rendered when it is sent. */
  payload: string;
  at: Date;
}

export interface OutboxEntry {
  id: number;
  repo: string;
  event: string;
  payload: string;
  attempts: number;
  dueAt: number;
  createdAt: number;
}

export interface NotificationStore {
  /** Adds what is not there yet (by dedupe key); returns how many were new. */
  add(entries: OutboxInput[]): Promise<number>;
  /** Unsent entries of a channel not claimed by a live sender, oldest first. */
  pending(channel: string, now: Date, limit?: number): Promise<OutboxEntry[]>;
  /** When each repository last had a message sent on this channel (epoch ms). */
  lastSent(channel: string, repos: string[]): Promise<Map<string, number>>;
  /** Claims entries for one send; returns the ids this caller won (another sender may hold some). */
  claim(ids: number[], token: string, until: Date, now: Date): Promise<number[]>;
  markSent(ids: number[], at: Date): Promise<void>;
  /** Hands claimed entries back, due again at `dueAt`; `failed` counts an attempt. */
  release(ids: number[], dueAt: Date, failed: { error: string } | null): Promise<void>;
  /** No request on this channel before the returned time (epoch ms, 0 when free). */
  notBefore(channel: string): Promise<number>;
  setNotBefore(channel: string, at: Date): Promise<void>;
  /** Active suppressions ending in (now, until], of one repository or all, for `expiring`. */
  expiringSuppressions(now: Date, until: Date, repo?: string): Promise<Suppression[]>;
  /** What a push to a tracked branch newly put there (the `escape` candidates). */
  landedAt(where: { repo: string; branch: string; sha: string }): Promise<Set<string>>;
  /** Forgets messages sent before `olderThan` (their events are long past re-runs); returns how many. */
  prune(olderThan: Date): Promise<number>;
}

export function createNotificationStore(db: Kysely<Database>): NotificationStore {
  return {
    async add(entries) {
      let added = 0;
      for (const e of entries) {
        const inserted = await db
          .insertInto("notification_outbox")
          .values({
            dedupe_key: e.dedupeKey,
            channel: e.channel,
            repo: e.repo,
            event: e.event,
            payload: e.payload,
            state: "pending",
            attempts: 0,
            due_at: e.at.getTime(),
            created_at: e.at.getTime(),
          })
          .onConflict((oc) => oc.column("dedupe_key").doNothing())
          .returning("id")
          .execute();
        added += inserted.length;
      }
      return added;
    },

    async pending(channel, now, limit = 500) {
      const rows = await db
        .selectFrom("notification_outbox")
        .select(["id", "repo", "event", "payload", "attempts", "due_at", "created_at"])
        .where("channel", "=", channel)
        .where("state", "=", "pending")
        .where((eb) =>
          eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", now.getTime())]),
        )
        .orderBy("id")
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: Number(r.id),
        repo: r.repo,
        event: r.event,
        payload: r.payload,
        attempts: r.attempts,
        dueAt: Number(r.due_at),
        createdAt: Number(r.created_at),
      }));
    },

    async lastSent(channel, repos) {
      if (repos.length === 0) return new Map();
      const rows = await db
        .selectFrom("notification_outbox")
        .select((eb) => ["repo", eb.fn.max("sent_at").as("last")])
        .where("channel", "=", channel)
        .where("repo", "in", repos)
        .where("sent_at", "is not", null)
        .groupBy("repo")
        .execute();
      return new Map(rows.map((r) => [r.repo, Number(r.last)]));
    },

    ...outboxClaims(db),

    expiringSuppressions: (now, until, repo) => suppressionsExpiringBy(db, now, until, repo),
    landedAt: (where) => landedAt(db, where),

    async prune(olderThan) {
      const result = await db
        .deleteFrom("notification_outbox")
        .where("state", "=", "sent")
        .where("sent_at", "<", olderThan.getTime())
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
