import type { PullRequestFile } from "../diff/build-diff-map.js";
import type { GitHub } from "./octokit.js";

/** Every file of a PR (GitHub lists at most 3,000); `patch` is absent for binary or large files. */
export async function listPullFiles(
  github: GitHub,
  where: { owner: string; repo: string; pullNumber: number },
): Promise<PullRequestFile[]> {
  const files = await github.paginate(github.rest.pulls.listFiles, {
    owner: where.owner,
    repo: where.repo,
    pull_number: where.pullNumber,
    per_page: 100,
  });
  return files.map((f) => ({
    filename: f.filename,
    status: f.status,
    ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
    ...(f.patch !== undefined ? { patch: f.patch } : {}),
  }));
}
