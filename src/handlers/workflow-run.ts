import type { Context } from "probot";
import type { AppDeps } from "../app-deps.js";
import { enqueueDelivery, ignoreDelivery } from "./enqueue-delivery.js";

/** `workflow_run.completed`: queue an analysis of the run's SARIF artifacts. */
export async function onWorkflowRunCompleted(
  context: Context<"workflow_run.completed">,
  deps: AppDeps,
): Promise<void> {
  const { workflow_run: run, repository, installation } = context.payload;
  if (!installation) return ignoreDelivery(context, deps, "no installation");
  // A cancelled or skipped run uploaded nothing worth reading; a failed one often did (scanners
  // exit non-zero when they find something), so it is analysed.
  if (run.conclusion === "cancelled" || run.conclusion === "skipped") {
    return ignoreDelivery(context, deps, `run ${run.conclusion}`);
  }
  await enqueueDelivery(context, deps, {
    kind: "analyse-run",
    installationId: installation.id,
    owner: repository.owner.login,
    repo: repository.name,
    runId: run.id,
    runAttempt: run.run_attempt ?? 1,
    deliveryId: context.id,
    defaultBranch: repository.default_branch,
    completedAt: run.updated_at,
    supersede: {
      workflowId: run.workflow_id,
      headRepo: run.head_repository?.full_name ?? repository.full_name,
      headBranch: run.head_branch ?? "",
    },
  });
}
