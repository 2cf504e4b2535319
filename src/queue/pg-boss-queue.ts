import PgBoss from "pg-boss";
import type { Logger } from "pino";
import type { Job } from "../domain/job.js";
import { isRetryable } from "../domain/errors.js";
import { enqueueSuperseding } from "./pg-boss-enqueue.js";
import { groupCommit } from "./group-commit.js";
import type { Delivery, JobQueue, JobRunner, RunningJob } from "./queue.js";
import type { DeliveryStore } from "../store/deliveries.js";

export interface PgBossQueueOptions {
  connectionString: string;
  workers: number;
  maxAttempts: number;
  log: Logger;
  /** Where webhook deliveries are recorded (the store's): pg-boss keeps only the jobs. */
  deliveries: Pick<DeliveryStore, "recordDeliveries" | "forgetDeliveries">;
  /** A job still active after this long (its process died) is handed to another instance. */
  expireInSeconds?: number;
  schema?: string;
}

const QUEUE = "guardrail-jobs";

/**
 * The queue on PostgreSQL: pg-boss hands each job to exactly one of any number of instances, and
 * retries with backoff. A non-retryable error completes the job (its outcome is already reported).
 */
export async function createPgBossQueue(options: PgBossQueueOptions): Promise<JobQueue> {
  const schema = options.schema ?? "pgboss";
  const boss = new PgBoss({ connectionString: options.connectionString, schema, max: 4 });
  boss.on("error", (error) => options.log.error({ err: error }, "pg-boss error"));
  await boss.start();
  const queueOptions: PgBoss.Queue = {
    name: QUEUE,
    // At most one created job per singleton key: enqueue supersedes it (see pg-boss-enqueue.ts).
    policy: "short",
    retryLimit: options.maxAttempts - 1,
    retryDelay: 2,
    retryBackoff: true,
    expireInSeconds: options.expireInSeconds ?? 600,
  };
  await boss.createQueue(QUEUE, queueOptions);
  // createQueue leaves an existing queue as it was: bring one made by an older release up to date.
  await boss.updateQueue(QUEUE, queueOptions);

  const handle = async (run: JobRunner, job: PgBoss.JobWithMetadata<Job>): Promise<void> => {
    const running: RunningJob = {
      id: job.id,
      job: job.data,
      attempt: job.retryCount + 1,
      maxAttempts: options.maxAttempts,
    };
    try {
      await run(running);
    } catch (error) {
      if (isRetryable(error)) throw error;
      options.log.warn({ err: error, job: job.id }, "job ended without retry");
    }
  };

  // Deliveries of a group are recorded in one statement; their jobs go to pg-boss one by one.
  const acceptDelivery = groupCommit(async (items: { delivery: Delivery; job: Job }[]) => {
    const fresh = await options.deliveries.recordDeliveries(items.map((item) => item.delivery));
    const accepted = items.filter((_, i) => fresh[i]);
    try {
      for (const { job } of accepted) {
        await enqueueSuperseding(boss, { queue: QUEUE, schema, job, options: {} });
      }
    } catch (error) {
      await options.deliveries.forgetDeliveries(accepted.map(({ delivery }) => delivery.id));
      throw error;
    }
    return fresh;
  });

  return {
    acceptDelivery: (delivery, job) => acceptDelivery({ delivery, job }),
    async enqueue(job, enqueueOptions = {}) {
      await enqueueSuperseding(boss, { queue: QUEUE, schema, job, options: enqueueOptions });
    },
    async start(run) {
      for (let i = 0; i < options.workers; i += 1) {
        await boss.work<Job>(
          QUEUE,
          { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: 0.5 },
          async ([job]) => {
            if (job) await handle(run, job);
          },
        );
      }
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 25_000 });
    },
    async ping() {
      try {
        await boss.getQueueSize(QUEUE);
        return true;
      } catch {
        return false;
      }
    },
    async counts() {
      const queued = await boss.getQueueSize(QUEUE);
      return { queued };
    },
    async drain(run) {
      let count = 0;
      for (;;) {
        const [job] = await boss.fetch<Job>(QUEUE, { includeMetadata: true, batchSize: 1 });
        if (!job) return count;
        try {
          await handle(run, job);
          await boss.complete(QUEUE, job.id);
        } catch (error) {
          await boss.fail(QUEUE, job.id, { message: String(error) });
        }
        count += 1;
      }
    },
  };
}
