import type { RunHead } from "./pull-requests.js";
import type { GitHub } from "./octokit.js";

export interface WorkflowRun extends RunHead {
  id: number;
  name: string;
  event: string;
  htmlUrl: string;
  defaultBranch: string;
}

/** The run as GitHub knows it now: head SHA, branch and PR numbers come from here, never from artifacts. */
export async function getWorkflowRun(
  github: GitHub,
  where: { owner: string; repo: string; runId: number; defaultBranch: string },
): Promise<WorkflowRun> {
  const { data } = await github.rest.actions.getWorkflowRun({
    owner: where.owner,
    repo: where.repo,
    run_id: where.runId,
  });
  return {
    id: data.id,
    owner: where.owner,
    repo: where.repo,
    name: data.name ?? "",
    event: data.event,
    htmlUrl: data.html_url,
    headSha: data.head_sha,
    headBranch: data.head_branch ?? "",
    headRepo: data.head_repository?.full_name ?? `${where.owner}/${where.repo}`,
    pullNumbers: (data.pull_requests ?? [])
      .filter((p) => p.base.repo.id === data.repository.id)
      .map((p) => p.number),
    defaultBranch: where.defaultBranch,
  };
}
