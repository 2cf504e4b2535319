import type { Logger } from "pino";
import type { Store } from "./store/store.js";

const DAY_MS = 24 * 3600 * 1000;

/** How long what the store keeps stays useful (env-configurable where users asked for it). */
export const RETENTION = {
  /** Long enough for any redelivery GitHub's UI allows (3 days) and then some. */
  deliveriesMs: 14 * DAY_MS,
  finishedJobsMs: 7 * DAY_MS,
  /** Commands re-evaluate a PR's latest analysis; old ones are history. */
  analysesMs: 90 * DAY_MS,
  analysesPerRepo: 5000,
  /** A sent chat message's key stops a re-run repeating it; half a year outlives any re-run. */
  notificationsMs: 180 * DAY_MS,
} as const;

/** Keeps the store bounded: old deliveries, finished jobs and stale analyses are deleted. */
export async function pruneStore(store: Store, now = new Date()): Promise<Record<string, number>> {
  const before = (ms: number) => new Date(now.getTime() - ms);
  return {
    deliveries: await store.deliveries.pruneDeliveries(before(RETENTION.deliveriesMs)),
    jobs: await store.jobs.prune(before(RETENTION.finishedJobsMs)),
    analyses: await store.analyses.prune({
      olderThan: before(RETENTION.analysesMs),
      keepPerRepo: RETENTION.analysesPerRepo,
    }),
    notifications: await store.notifications.prune(before(RETENTION.notificationsMs)),
  };
}

/** Prunes at start and then every few hours; the timer never keeps the process alive. */
export function scheduleMaintenance(
  store: Store,
  log: Logger,
  everyMs = 6 * 3600 * 1000,
): () => void {
  const run = () =>
    pruneStore(store).then(
      (deleted) => log.info({ deleted }, "store pruned"),
      (error: unknown) => log.warn({ err: error }, "store pruning failed"),
    );
  void run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
