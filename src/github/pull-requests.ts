import type { PullRequestRef } from "../domain/pull-request.js";
import type { GitHub } from "./octokit.js";

export type { PullRequestRef };

export interface RunHead {
  owner: string;
  repo: string;
  headSha: string;
  headBranch: string;
  /** `owner/name` of the head repository; differs from the repo for fork PRs. */
  headRepo: string;
  /** `workflow_run.pull_requests[].number` (empty for fork PRs). */
  pullNumbers: number[];
}

/**
 * The open pull requests whose head is the analysed commit, from the API only (never from artifact
 * content). `workflow_run.pull_requests` is empty for forks, and `commits/{sha}/pulls` returns []
 * for them, so fork heads are found by listing PRs by `<fork owner>:<branch>`.
 */
export async function resolvePullRequests(
  github: GitHub,
  head: RunHead,
): Promise<PullRequestRef[]> {
  const { owner, repo } = head;
  if (head.pullNumbers.length > 0) {
    const pulls = await Promise.all(
      head.pullNumbers.map((pull_number) =>
        github.rest.pulls.get({ owner, repo, pull_number }).then((r) => r.data),
      ),
    );
    return pulls.filter((p) => p.state === "open" && p.head.sha === head.headSha).map(toRef);
  }
  // A same-repository head is listed in `pull_requests` when it has a PR; only forks need the search.
  const isFork = head.headRepo.toLowerCase() !== `${owner}/${repo}`.toLowerCase();
  if (!isFork || !head.headBranch) return [];
  const headOwner = head.headRepo.split("/")[0] ?? owner;
  const pulls = await github.paginate(github.rest.pulls.list, {
    owner,
    repo,
    state: "open",
    head: `${headOwner}:${head.headBranch}`,
    per_page: 100,
  });
  return pulls.filter((p) => p.head.sha === head.headSha).map(toRef);
}

export async function getPullRequest(
  github: GitHub,
  where: { owner: string; repo: string; pullNumber: number },
): Promise<PullRequestRef & { state: string }> {
  const { data } = await github.rest.pulls.get({
    owner: where.owner,
    repo: where.repo,
    pull_number: where.pullNumber,
  });
  return { ...toRef(data), state: data.state };
}

interface ApiPull {
  number: number;
  base: { ref: string };
  head: { sha: string; ref: string; repo: { full_name: string } | null };
  user: { login: string } | null;
}

function toRef(pull: ApiPull): PullRequestRef {
  return {
    number: pull.number,
    baseRef: pull.base.ref,
    headSha: pull.head.sha,
    headRef: pull.head.ref,
    headRepo: pull.head.repo?.full_name ?? "",
    authorLogin: pull.user?.login ?? "",
  };
}
