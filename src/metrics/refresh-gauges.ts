import type { AppDeps } from "../app-deps.js";
import { partOneGauges, refreshLifecycle } from "./refresh-lifecycle.js";

/** Gauges read from the store at scrape time rather than kept in memory (several instances agree). */
export async function refreshGauges(deps: AppDeps): Promise<void> {
  const counts = await deps.queue.counts();
  for (const state of ["queued", "active", "completed", "failed"] as const) {
    deps.metrics.queueDepth.set({ state }, counts[state] ?? 0);
  }
  const snapshot = await deps.store.lifecycle.snapshot();
  refreshLifecycle(deps.metrics.lifecycle, snapshot);
  const partOne = partOneGauges(snapshot);
  if (partOne.meanTimeToRemediateSeconds !== null) {
    deps.metrics.meanTimeToRemediate.set(partOne.meanTimeToRemediateSeconds);
  }
  deps.metrics.escapeRate.set(partOne.escapeRate);
}
