import type { RepoRef } from "../domain/job.js";

/**
 * `required_tools` work on one pull request head: `open` creates the check run when the head
 * appears; `settle` (a delayed job at the timeout) completes it if no analysis did.
 */
export interface RequiredToolsJob extends RepoRef {
  kind: "required-tools";
  step: "open" | "settle";
  deliveryId: string;
  prNumber: number;
  headSha: string;
  /** One queued job per head and step: a newer one takes its place. */
  singletonKey: string;
}

declare module "../domain/job.js" {
  interface JobKinds {
    "required-tools": RequiredToolsJob;
  }
}

export function requiredToolsJob(
  step: RequiredToolsJob["step"],
  where: RepoRef & { prNumber: number; headSha: string; deliveryId: string },
): RequiredToolsJob {
  const repo = `${where.owner}/${where.repo}`.toLowerCase();
  return {
    kind: "required-tools",
    step,
    installationId: where.installationId,
    owner: where.owner,
    repo: where.repo,
    deliveryId: where.deliveryId,
    prNumber: where.prNumber,
    headSha: where.headSha,
    singletonKey: `required-tools:${step}:${repo}:${where.headSha}`,
  };
}
