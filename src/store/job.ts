import type { Selectable } from "kysely";
import type { JobsTable } from "./database.js";

export const JOB_STATES = ["queued", "active", "completed", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];

/** Attempts before a job that keeps failing (or keeps crashing its worker) is given up. */
export const DEFAULT_MAX_ATTEMPTS = 5;

export interface Job {
  id: number;
  name: string;
  /** As enqueued (JSON round-trip). */
  payload: unknown;
  /** At most one queued and one active job per key; null means no such limit. */
  singletonKey: string | null;
  state: JobState;
  /** Claims so far, including the current one. */
  attempts: number;
  maxAttempts: number;
  runAfter: Date;
  lockedBy: string | null;
  /** While active: the lease; past it the job counts as abandoned and may be claimed again. */
  lockedUntil: Date | null;
  lastError: string | null;
  createdAt: Date;
}

export interface EnqueueInput {
  name: string;
  payload: unknown;
  singletonKey?: string | null;
  runAfter?: Date;
  maxAttempts?: number;
}

export function fromJobRow(row: Selectable<JobsTable>): Job {
  return {
    id: row.id,
    name: row.name,
    payload: JSON.parse(row.payload) as unknown,
    singletonKey: row.singleton_key,
    state: JOB_STATES.find((state) => state === row.state) ?? "failed",
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAfter: new Date(row.run_after),
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until === null ? null : new Date(row.locked_until),
    lastError: row.last_error,
    createdAt: new Date(row.created_at),
  };
}
