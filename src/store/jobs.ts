import type { Kysely } from "kysely";
import type { Database, StoreKind } from "./database.js";
import { recordDeliveriesWithJobs } from "./delivery-jobs.js";
import type { DeliveryJob } from "./delivery-jobs.js";
import { claimJob } from "./job-claim.js";
import { enqueueJob } from "./job-enqueue.js";
import { completeJob, failJob, releaseJob } from "./job-finish.js";
import { fromJobRow, JOB_STATES } from "./job.js";
import type { EnqueueInput, Job, JobState } from "./job.js";

export interface JobStore {
  /** With a singletonKey that already has a queued job, replaces that job's payload instead. */
  enqueue(input: EnqueueInput): Promise<{ id: number; created: boolean }>;
  /**
   * Records webhook deliveries and queues the jobs of the new ones in one transaction (group
   * commit); per item, whether its delivery was new. Redeliveries queue nothing.
   */
  enqueueForDeliveries(items: readonly DeliveryJob[], now?: Date): Promise<boolean[]>;
  /** The next runnable job, now active and leased to `workerId` until now + leaseMs. */
  claim(workerId: string, leaseMs: number, now: Date): Promise<Job | null>;
  complete(id: number, now?: Date): Promise<void>;
  /** Retries at `retryAt` unless it is null or the attempts are used up: then `failed`. */
  fail(id: number, error: string, retryAt: Date | null, now?: Date): Promise<void>;
  /** Extends the lease; false when the job is no longer active (finished, failed, released). */
  heartbeat(id: number, leaseMs: number, now?: Date): Promise<boolean>;
  /** Hands an active job back on shutdown without spending an attempt. */
  release(id: number, now?: Date): Promise<void>;
  /**
   * Ends the lease of every active job, so the next claim takes it over (or fails it when its
   * attempts are used up) at once. Only for a sole worker process starting up: every active job
   * then belongs to a process that died. Returns how many there were.
   */
  expireLeases(now?: Date): Promise<number>;
  get(id: number): Promise<Job | null>;
  counts(): Promise<Record<JobState, number>>;
  /** Deletes completed and failed jobs finished before `olderThan`; returns how many. */
  prune(olderThan: Date): Promise<number>;
}

export function createJobStore(db: Kysely<Database>, kind: StoreKind): JobStore {
  return {
    enqueue: (input) => enqueueJob(db, kind, input),
    enqueueForDeliveries: (items, now = new Date()) =>
      recordDeliveriesWithJobs(db, kind, items, now),
    claim: (workerId, leaseMs, now) => claimJob(db, kind, workerId, leaseMs, now),
    complete: (id, now = new Date()) => completeJob(db, id, now),
    fail: (id, error, retryAt, now = new Date()) => failJob(db, id, error, retryAt, now),
    release: (id, now = new Date()) => releaseJob(db, id, now),

    async heartbeat(id, leaseMs, now = new Date()) {
      const extended = await db
        .updateTable("jobs")
        .set({ locked_until: now.getTime() + leaseMs })
        .where("id", "=", id)
        .where("state", "=", "active")
        .returning("id")
        .execute();
      return extended.length === 1;
    },

    async expireLeases(now = new Date()) {
      const result = await db
        .updateTable("jobs")
        .set({ locked_until: now.getTime() })
        .where("state", "=", "active")
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async get(id) {
      const row = await db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirst();
      return row === undefined ? null : fromJobRow(row);
    },

    async counts() {
      const rows = await db
        .selectFrom("jobs")
        .select((eb) => ["state", eb.fn.countAll<number | string>().as("count")])
        .groupBy("state")
        .execute();
      const counts = { queued: 0, active: 0, completed: 0, failed: 0 };
      for (const { state, count } of rows) {
        const known = JOB_STATES.find((candidate) => candidate === state);
        if (known !== undefined) counts[known] = Number(count);
      }
      return counts;
    },

    async prune(olderThan) {
      const result = await db
        .deleteFrom("jobs")
        .where("state", "in", ["completed", "failed"])
        .where("finished_at", "<", olderThan.getTime())
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
