import { sql } from "kysely";
import type { Kysely } from "kysely";
import type { Database, StoreKind } from "./database.js";
import { DEFAULT_MAX_ATTEMPTS } from "./job.js";
import type { EnqueueInput } from "./job.js";
import { inWriteTransaction } from "./write-transaction.js";

/**
 * Adds a job, or, when its singleton key already has a queued job, replaces that job's payload
 * (a newer head supersedes an older queued analysis) and starts its attempts afresh. An active
 * job with the key does not count: the new one queues and waits for it.
 */
export function enqueueJob(
  db: Kysely<Database>,
  kind: StoreKind,
  input: EnqueueInput,
): Promise<{ id: number; created: boolean }> {
  return inWriteTransaction(db, kind, async (trx) => {
    const key = input.singletonKey ?? null;
    const job = {
      name: input.name,
      payload: JSON.stringify(input.payload ?? null),
      attempts: 0,
      max_attempts: input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      run_after: (input.runAfter ?? new Date()).getTime(),
      last_error: null,
    };
    // One guarded UPDATE, not read-then-write: a claimer may take the queued job in between.
    const replaced =
      key === null
        ? undefined
        : await trx
            .updateTable("jobs")
            .set(job)
            .where("singleton_key", "=", key)
            .where("state", "=", "queued")
            .returning("id")
            .executeTakeFirst();
    if (replaced !== undefined) return { id: replaced.id, created: false };
    const { id } = await trx
      .insertInto("jobs")
      .values({
        ...job,
        singleton_key: key,
        state: "queued",
        locked_by: null,
        locked_until: null,
        created_at: Date.now(),
        finished_at: null,
      })
      // Two PostgreSQL enqueuers racing on one key: the second replaces (and says created).
      // The predicate is a literal so SQLite can match it to the partial unique index.
      .onConflict((oc) =>
        oc.column("singleton_key").where("state", "=", sql.lit("queued")).doUpdateSet(job),
      )
      .returning("id")
      .executeTakeFirstOrThrow();
    return { id, created: true };
  });
}
