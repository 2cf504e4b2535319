import type { Context } from "probot";
import type { AppDeps } from "../app-deps.js";
import { requiredToolsJob } from "../pipeline/required-tools-job.js";
import { enqueueDelivery, ignoreDelivery } from "./enqueue-delivery.js";

type PullRequestEvent =
  "pull_request.opened" | "pull_request.synchronize" | "pull_request.reopened";

/**
 * `pull_request` opened / synchronize / reopened: a new head to wait on for `required_tools`
 * (the job reads the config; most repositories have none and it ends there).
 */
export async function onPullRequestHead(
  context: Context<PullRequestEvent>,
  deps: AppDeps,
): Promise<void> {
  const { pull_request: pull, repository, installation } = context.payload;
  if (!installation) return ignoreDelivery(context, deps, "no installation");
  if (pull.state !== "open") return ignoreDelivery(context, deps, "pull request not open");
  await enqueueDelivery(
    context,
    deps,
    requiredToolsJob("open", {
      installationId: installation.id,
      owner: repository.owner.login,
      repo: repository.name,
      prNumber: pull.number,
      headSha: pull.head.sha,
      deliveryId: context.id,
    }),
  );
}
