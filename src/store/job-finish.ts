import type { Kysely } from "kysely";
import type { Database } from "./database.js";
import { isUniqueViolation } from "./unique-violation.js";

const UNLOCKED = { locked_by: null, locked_until: null } as const;
const SUPERSEDED = "superseded: a newer job with the same singleton key is queued";

export async function completeJob(db: Kysely<Database>, id: number, now: Date): Promise<void> {
  await db
    .updateTable("jobs")
    .set({ ...UNLOCKED, state: "completed", finished_at: now.getTime() })
    .where("id", "=", id)
    .execute();
}

export async function failJob(
  db: Kysely<Database>,
  id: number,
  error: string,
  retryAt: Date | null,
  now: Date,
): Promise<void> {
  const job = await db
    .selectFrom("jobs")
    .select(["attempts", "max_attempts"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (job === undefined) throw new Error(`job ${id} does not exist`);
  if (retryAt !== null && job.attempts < job.max_attempts) {
    return requeue(db, id, { run_after: retryAt.getTime(), last_error: error }, now);
  }
  await db
    .updateTable("jobs")
    .set({ ...UNLOCKED, state: "failed", last_error: error, finished_at: now.getTime() })
    .where("id", "=", id)
    .execute();
}

/** Hands an active job back (shutdown) without counting the interrupted attempt. */
export async function releaseJob(db: Kysely<Database>, id: number, now: Date): Promise<void> {
  const job = await db
    .selectFrom("jobs")
    .select(["attempts", "state"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (job?.state !== "active") return;
  await requeue(db, id, { attempts: Math.max(0, job.attempts - 1) }, now);
}

/**
 * Back to the queue. If a newer job took the key's one queued slot meanwhile, it carries the
 * newer payload and will do the work, so this one is closed as completed (superseded).
 * A single statement, not a transaction: on PostgreSQL the violation would abort one.
 */
async function requeue(
  db: Kysely<Database>,
  id: number,
  set: { run_after?: number; attempts?: number; last_error?: string },
  now: Date,
): Promise<void> {
  try {
    await db
      .updateTable("jobs")
      .set({ ...set, ...UNLOCKED, state: "queued" })
      .where("id", "=", id)
      .execute();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const lastError =
      set.last_error === undefined ? SUPERSEDED : `${set.last_error}; ${SUPERSEDED}`;
    await db
      .updateTable("jobs")
      .set({ ...UNLOCKED, state: "completed", last_error: lastError, finished_at: now.getTime() })
      .where("id", "=", id)
      .execute();
  }
}
