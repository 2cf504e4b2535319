import type { AppDeps } from "../app-deps.js";

/** Gauges read from the store at scrape time rather than kept in memory (several instances agree). */
export async function refreshGauges(deps: AppDeps): Promise<void> {
  const counts = await deps.queue.counts();
  for (const state of ["queued", "active", "completed", "failed"] as const) {
    deps.metrics.queueDepth.set({ state }, counts[state] ?? 0);
  }
  const stats = await deps.store.baselines.stats();
  if (stats.meanTimeToRemediateSeconds !== null) {
    deps.metrics.meanTimeToRemediate.set(stats.meanTimeToRemediateSeconds);
  }
  deps.metrics.escapeRate.set(
    stats.firstSeenTotal === 0 ? 0 : stats.escaped / stats.firstSeenTotal,
  );
}
