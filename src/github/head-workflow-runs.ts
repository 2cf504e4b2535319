import type { GitHub } from "./octokit.js";

/**
 * True when every workflow run of the commit has completed (and there is at least one): then no
 * scanner is still to report. One page of 100 is plenty: a commit has a handful of runs.
 */
export async function allHeadRunsCompleted(
  github: GitHub,
  where: { owner: string; repo: string; headSha: string },
): Promise<boolean> {
  const { data } = await github.rest.actions.listWorkflowRunsForRepo({
    owner: where.owner,
    repo: where.repo,
    head_sha: where.headSha,
    per_page: 100,
  });
  const runs = data.workflow_runs;
  return runs.length > 0 && runs.every((run) => run.status === "completed");
}

/** Files under .github/workflows/ the pull request deletes or edits (renames included). */
export function workflowChanges(
  files: readonly { filename: string; status: string; previous_filename?: string }[],
): string[] {
  const isWorkflow = (path: string | undefined) => path?.startsWith(".github/workflows/") === true;
  return files
    .filter(
      (f) => f.status !== "added" && (isWorkflow(f.filename) || isWorkflow(f.previous_filename)),
    )
    .map((f) =>
      isWorkflow(f.previous_filename) ? (f.previous_filename ?? f.filename) : f.filename,
    );
}
