import type { Logger } from "pino";
import type { AppDeps } from "../app-deps.js";
import type { RepoRef } from "../domain/job.js";
import type { GuardrailConfig } from "../config/schema.js";
import { notifierFor, type Notifier } from "./notifier.js";
import { queueNotifications } from "./queue-notifications.js";
import { expiringEvent, suppressionEvent, type SuppressionNotice } from "./suppression-events.js";

/** `expiring` looks this far ahead (design.md: "ends within 7 days"). */
export const EXPIRING_WITHIN_MS = 7 * 24 * 3600 * 1000;

/**
 * For the approvals feature: call after a suppression was recorded as a request
 * (`suppression_request`) or approved (`suppression_approved`). Sent once per suppression and
 * kind, only if the repository's `notify.on` lists the kind (and the finding, when given, is at
 * or above `min_severity`). Never throws. `origin` is the command job (its installation runs
 * the drain job); a JobContext fits `ctx`.
 */
export async function notifySuppressionEvent(
  ctx: { deps: AppDeps; log: Logger },
  origin: RepoRef,
  config: Pick<GuardrailConfig, "notify">,
  notice: SuppressionNotice,
): Promise<void> {
  const notifier = notifierFor(ctx.deps, origin);
  await queueNotifications(notifier, config, [suppressionEvent(notice)], ctx.log);
}

/** `expiring`: each active suppression of the repository that ends within 7 days, once. */
export async function notifyExpiring(
  ctx: { notifier: Notifier | undefined; log: Logger },
  config: Pick<GuardrailConfig, "notify">,
  repo: string,
  now = new Date(),
): Promise<void> {
  const { notifier } = ctx;
  if (notifier === undefined || !config.notify.on.includes("expiring")) return;
  try {
    const ending = await notifier.store.expiringSuppressions(
      now,
      new Date(now.getTime() + EXPIRING_WITHIN_MS),
      repo,
    );
    await queueNotifications(notifier, config, ending.map(expiringEvent), ctx.log, now);
  } catch (error) {
    ctx.log.warn({ err: error }, "could not check for expiring suppressions");
  }
}
