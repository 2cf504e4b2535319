import { sql } from "kysely";
import type { Kysely } from "kysely";
import type { Database, StoreKind } from "./database.js";
import { DEFAULT_MAX_ATTEMPTS } from "./job.js";
import type { EnqueueInput } from "./job.js";
import { inWriteTransaction } from "./write-transaction.js";

export interface DeliveryJob {
  delivery: { id: string; event: string };
  job: EnqueueInput;
}

/**
 * Group commit for webhook acknowledgement: records deliveries that arrived together and queues
 * the jobs of the new ones in one transaction of two statements, whatever their number. Returns,
 * per item, whether its delivery was new (false: a redelivery, or a repeat within the batch).
 * A job whose singleton key has a queued job supersedes it, as enqueueJob does.
 */
export function recordDeliveriesWithJobs(
  db: Kysely<Database>,
  kind: StoreKind,
  items: readonly DeliveryJob[],
  now: Date,
): Promise<boolean[]> {
  if (items.length === 0) return Promise.resolve([]);
  return inWriteTransaction(db, kind, async (trx) => {
    const inserted = await trx
      .insertInto("deliveries")
      .values(items.map(({ delivery }) => ({ ...delivery, received_at: now.getTime() })))
      .onConflict((oc) => oc.column("id").doNothing())
      .returning("id")
      .execute();
    const fresh = new Set(inserted.map((row) => row.id));
    const isNew = items.map(({ delivery }) => fresh.delete(delivery.id));
    // One row per key, the last one winning: PostgreSQL refuses to upsert a row twice in one go.
    const byKey = new Map<string, EnqueueInput>();
    items.forEach(({ job }, i) => {
      if (isNew[i]) byKey.set(job.singletonKey ?? `\0${i}`, job);
    });
    if (byKey.size === 0) return isNew;
    const at = now.getTime();
    await trx
      .insertInto("jobs")
      .values(
        [...byKey.values()].map((job) => ({
          name: job.name,
          payload: JSON.stringify(job.payload ?? null),
          singleton_key: job.singletonKey ?? null,
          state: "queued",
          attempts: 0,
          max_attempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
          run_after: (job.runAfter ?? now).getTime(),
          locked_by: null,
          locked_until: null,
          last_error: null,
          created_at: at,
          finished_at: null,
        })),
      )
      // The literal predicate lets SQLite match the partial unique index (as in job-enqueue.ts).
      .onConflict((oc) =>
        oc
          .column("singleton_key")
          .where("state", "=", sql.lit("queued"))
          .doUpdateSet((eb) => ({
            name: eb.ref("excluded.name"),
            payload: eb.ref("excluded.payload"),
            attempts: 0,
            max_attempts: eb.ref("excluded.max_attempts"),
            run_after: eb.ref("excluded.run_after"),
            last_error: null,
          })),
      )
      .execute();
    return isNew;
  });
}
