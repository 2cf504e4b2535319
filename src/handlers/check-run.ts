import type { Context } from "probot";
import type { AppDeps } from "../app-deps.js";
import { parseExternalId } from "../report/external-id.js";
import { enqueueDelivery, ignoreDelivery } from "./enqueue-delivery.js";

/** "Re-run" on a Guardrail check analyses the same workflow run attempt again. */
export async function onCheckRunRerequested(
  context: Context<"check_run.rerequested">,
  deps: AppDeps,
): Promise<void> {
  const { check_run: checkRun, repository, installation } = context.payload;
  if (!installation) return ignoreDelivery(context, deps, "no installation");
  const run = parseExternalId(checkRun.external_id);
  if (!checkRun.name.startsWith("Guardrail") || !run) {
    return ignoreDelivery(context, deps, "not a Guardrail check run");
  }
  await enqueueDelivery(context, deps, {
    kind: "analyse-run",
    installationId: installation.id,
    owner: repository.owner.login,
    repo: repository.name,
    runId: run.runId,
    runAttempt: run.runAttempt,
    deliveryId: context.id,
    defaultBranch: repository.default_branch,
  });
}
