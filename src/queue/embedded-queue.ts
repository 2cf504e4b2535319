import type { Logger } from "pino";
import type { Job } from "../domain/job.js";
import { singletonKeyOf } from "../domain/job.js";
import { backoffMs, isRetryable } from "../domain/errors.js";
import type { Store } from "../store/store.js";
import { groupCommit } from "./group-commit.js";
import type { Delivery, EnqueueOptions, JobQueue, JobRunner } from "./queue.js";

export interface EmbeddedQueueOptions {
  workers: number;
  maxAttempts: number;
  log: Logger;
  /** How long a claimed job stays ours without a heartbeat; after that a restart takes it over. */
  leaseMs?: number;
  pollMs?: number;
  /**
   * This process is the store's only worker (SQLite): jobs still active at start() were left by a
   * process that died, and are taken over at once instead of after their lease.
   */
  takeOverOnStart?: boolean;
  /** How long stop() waits for running jobs before handing them back. */
  graceMs?: number;
  /** Delay before retry number `attempt` (exponential with jitter by default). */
  retryDelayMs?: (attempt: number) => number;
}

const JOB_NAME = "guardrail";

/** A durable queue in the embedded store: jobs survive restarts, interrupted ones are resumed. */
export function createEmbeddedQueue(store: Store, options: EmbeddedQueueOptions): JobQueue {
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 500;
  const workerId = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const running = new Map<number, Promise<void>>();
  let stopping = false;
  let wake: (() => void) | null = null;
  let loops: Promise<void>[] = [];

  async function runOne(run: JobRunner): Promise<boolean> {
    const claimed = await store.jobs.claim(workerId, leaseMs, new Date());
    if (!claimed) return false;
    const heartbeat = setInterval(
      () => void store.jobs.heartbeat(claimed.id, leaseMs),
      leaseMs / 3,
    );
    const task = (async () => {
      try {
        await run({
          id: String(claimed.id),
          job: claimed.payload as Job,
          attempt: claimed.attempts,
          maxAttempts: claimed.maxAttempts,
        });
        await store.jobs.complete(claimed.id);
      } catch (error) {
        const retry = isRetryable(error) && claimed.attempts < claimed.maxAttempts;
        const delay = (options.retryDelayMs ?? backoffMs)(claimed.attempts);
        const retryAt = retry ? new Date(Date.now() + delay) : null;
        options.log.debug(
          { err: error, job: claimed.id, attempt: claimed.attempts, retry },
          "job failed",
        );
        await store.jobs.fail(claimed.id, String((error as Error).message ?? error), retryAt);
      } finally {
        clearInterval(heartbeat);
      }
    })();
    running.set(claimed.id, task);
    await task;
    running.delete(claimed.id);
    return true;
  }

  async function loop(run: JobRunner): Promise<void> {
    while (!stopping) {
      const didWork = await runOne(run).catch((error: unknown) => {
        options.log.error({ err: error }, "queue worker error");
        return false;
      });
      if (!didWork && !stopping) await sleep(pollMs, (resume) => (wake = resume));
    }
  }

  const acceptDelivery = groupCommit(async (items: { delivery: Delivery; job: Job }[]) => {
    const fresh = await store.jobs.enqueueForDeliveries(
      items.map(({ delivery, job }) => ({
        delivery,
        job: {
          name: JOB_NAME,
          payload: job,
          singletonKey: singletonKeyOf(job),
          maxAttempts: options.maxAttempts,
        },
      })),
    );
    if (fresh.includes(true)) wake?.();
    return fresh;
  });

  return {
    acceptDelivery: (delivery, job) => acceptDelivery({ delivery, job }),
    async enqueue(job: Job, enqueueOptions: EnqueueOptions = {}) {
      const { startAfter } = enqueueOptions;
      await store.jobs.enqueue({
        name: JOB_NAME,
        payload: job,
        singletonKey: singletonKeyOf(job),
        maxAttempts: options.maxAttempts,
        ...(startAfter === undefined ? {} : { runAfter: startAfter }),
      });
      // A delayed job is picked up by the poll once due; waking now would find nothing.
      if (startAfter === undefined || startAfter.getTime() <= Date.now()) wake?.();
    },
    async start(run) {
      stopping = false;
      if (options.takeOverOnStart === true) {
        const abandoned = await store.jobs.expireLeases();
        if (abandoned > 0) options.log.info({ jobs: abandoned }, "taking over interrupted jobs");
      }
      loops = Array.from({ length: options.workers }, () => loop(run));
    },
    async stop() {
      stopping = true;
      wake?.();
      let endGrace = (): void => undefined;
      const grace = sleep(options.graceMs ?? 25_000, (resume) => (endGrace = resume));
      await Promise.race([Promise.all(loops), grace]);
      endGrace(); // its timer would otherwise hold the process open for the whole grace period
      // Whatever is still running is handed back, to be resumed by the next process.
      for (const id of running.keys()) await store.jobs.release(id);
    },
    async ping() {
      return store.ping();
    },
    async counts() {
      return await store.jobs.counts();
    },
    async drain(run) {
      let count = 0;
      while (await runOne(run)) count += 1;
      return count;
    },
  };
}

function sleep(ms: number, onWake: (resume: () => void) => void): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    onWake(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
