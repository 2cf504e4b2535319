import type { Kysely } from "kysely";
import type { Database, StoreKind } from "./database.js";
import { fromJobRow } from "./job.js";
import type { Job } from "./job.js";
import { inWriteTransaction } from "./write-transaction.js";

/**
 * Takes the next runnable job: the oldest queued one due by `now` whose singleton key has no
 * active job, or an active one whose lease ran out (its worker died). PostgreSQL claimers skip
 * rows another claimer has locked; SQLite claimers are serialised by BEGIN IMMEDIATE.
 */
export function claimJob(
  db: Kysely<Database>,
  kind: StoreKind,
  workerId: string,
  leaseMs: number,
  now: Date,
): Promise<Job | null> {
  const at = now.getTime();
  return inWriteTransaction(db, kind, async (trx) => {
    // A job that took its worker down on every attempt would otherwise crash workers forever.
    await trx
      .updateTable("jobs")
      .set({
        state: "failed",
        last_error: "lease expired on the last attempt: the worker crashed or hung",
        locked_by: null,
        locked_until: null,
        finished_at: at,
      })
      .where("state", "=", "active")
      .where("locked_until", "<=", at)
      .whereRef("attempts", ">=", "max_attempts")
      .execute();

    let next = trx
      .selectFrom("jobs as j")
      .select("j.id")
      .where((eb) =>
        eb.or([
          eb.and([
            eb("j.state", "=", "queued"),
            eb("j.run_after", "<=", at),
            eb.or([
              eb("j.singleton_key", "is", null),
              eb.not(
                eb.exists(
                  eb
                    .selectFrom("jobs as a")
                    .select("a.id")
                    .whereRef("a.singleton_key", "=", "j.singleton_key")
                    .where("a.state", "=", "active"),
                ),
              ),
            ]),
          ]),
          eb.and([eb("j.state", "=", "active"), eb("j.locked_until", "<=", at)]),
        ]),
      )
      .orderBy("j.run_after")
      .orderBy("j.id")
      .limit(1);
    if (kind === "postgres") next = next.forUpdate().skipLocked();
    const picked = await next.executeTakeFirst();
    if (picked === undefined) return null;

    const claimed = await trx
      .updateTable("jobs")
      .set((eb) => ({
        state: "active",
        attempts: eb("attempts", "+", 1),
        locked_by: workerId,
        locked_until: at + leaseMs,
      }))
      .where("id", "=", picked.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return fromJobRow(claimed);
  });
}
