import type { Context } from "probot";
import type { Job } from "../domain/job.js";
import type { AppDeps } from "../app-deps.js";

/**
 * Record the delivery and queue its job: all a webhook handler does, so GitHub's 10 s budget is
 * never at risk. A redelivered webhook (same X-GitHub-Delivery) queues nothing.
 */
export async function enqueueDelivery(context: Context, deps: AppDeps, job: Job): Promise<void> {
  const event = context.name;
  // Recorded and queued in one commit with the deliveries arriving alongside (group commit);
  // if that fails, nothing is recorded and GitHub's redelivery will be accepted.
  const first = await deps.queue.acceptDelivery({ id: context.id, event }, job);
  if (!first) {
    deps.metrics.deliveries.inc({ event, outcome: "duplicate" });
    context.log.info({ delivery: context.id }, "duplicate delivery ignored");
    return;
  }
  deps.metrics.deliveries.inc({ event, outcome: "queued" });
  context.log.info({ delivery: context.id, job: job.kind }, "queued");
}

export function ignoreDelivery(context: Context, deps: AppDeps, why: string): void {
  deps.metrics.deliveries.inc({ event: context.name, outcome: "ignored" });
  context.log.debug({ delivery: context.id, why }, "delivery ignored");
}
