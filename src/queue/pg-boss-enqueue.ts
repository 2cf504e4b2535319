import type PgBoss from "pg-boss";
import type { Job } from "../domain/job.js";
import { singletonKeyOf } from "../domain/job.js";
import type { EnqueueOptions } from "./queue.js";

/** Rounds of supersede-or-insert before giving up: each lost race means another enqueuer won. */
const ROUNDS = 5;

/**
 * Enqueues on a queue with pg-boss's `short` policy (at most one created job per singleton key),
 * matching the embedded queue: a created job with the key takes the new payload and start time
 * (a newer head supersedes an older queued analysis); otherwise a new job is inserted. An insert
 * that loses to a concurrent enqueuer of the same key returns null, and the next round updates it.
 */
export async function enqueueSuperseding(
  boss: PgBoss,
  input: { queue: string; schema: string; job: Job; options: EnqueueOptions },
): Promise<void> {
  const { queue, schema, job, options } = input;
  const singletonKey = singletonKeyOf(job);
  const startAfter = options.startAfter;
  for (let round = 0; round < ROUNDS; round += 1) {
    const { rows } = await boss.getDb().executeSql(
      `UPDATE ${quoteIdent(schema)}.job
          SET data = $3::jsonb, start_after = COALESCE($4::timestamptz, now())
        WHERE name = $1 AND singleton_key = $2 AND state = 'created' AND policy = 'short'
        RETURNING id`,
      [queue, singletonKey, JSON.stringify(job), startAfter?.toISOString() ?? null],
    );
    if (rows.length > 0) return;
    const id = await boss.send(queue, job, {
      singletonKey,
      ...(startAfter === undefined ? {} : { startAfter }),
    });
    if (id !== null) return;
  }
  throw new Error(`could not enqueue job ${singletonKey}: the singleton key stays contended`);
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
