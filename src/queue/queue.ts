import type { Job } from "../domain/job.js";

export type JobState = "queued" | "active" | "completed" | "failed";

export interface RunningJob {
  id: string;
  job: Job;
  /** 1 for the first try. */
  attempt: number;
  maxAttempts: number;
}

/** Runs one job; throwing a TransientError asks for a retry with backoff. */
export type JobRunner = (running: RunningJob) => Promise<void>;

export interface Delivery {
  /** X-GitHub-Delivery. */
  id: string;
  event: string;
}

export interface EnqueueOptions {
  /** Not run before this time (a delayed job); due at once when absent or in the past. */
  startAfter?: Date;
}

/** A durable job queue: embedded (SQLite store) or pg-boss (PostgreSQL). */
export interface JobQueue {
  /**
   * Adds a job. A queued job with the same singleton key (see singletonKeyOf) is superseded: it
   * takes the new payload and the new startAfter, so at most one waits per key.
   */
  enqueue(job: Job, options?: EnqueueOptions): Promise<void>;
  /**
   * Records a webhook delivery and queues its job, in one commit with the deliveries arriving
   * alongside it (group commit). False, and nothing queued, for a delivery recorded before. When
   * it throws, the delivery is not recorded: GitHub's redelivery will be accepted.
   */
  acceptDelivery(delivery: Delivery, job: Job): Promise<boolean>;
  /** Starts workers that call `run` for each job. */
  start(run: JobRunner): Promise<void>;
  /** Stops taking jobs, waits for running ones (up to a grace period), hands the rest back. */
  stop(): Promise<void>;
  ping(): Promise<boolean>;
  counts(): Promise<Partial<Record<JobState, number>>>;
  /** For tests and the CLI: run queued jobs in-process until none is left. */
  drain(run: JobRunner): Promise<number>;
}
