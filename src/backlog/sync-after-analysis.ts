import type { JobContext } from "../pipeline/job-context.js";
import {
  defaultBranchPush,
  repoWebUrlOf,
  type AnalysisOutcome,
} from "../pipeline/analysis-outcome.js";
import { syncBacklog } from "./sync-backlog.js";

/**
 * After each analysis of a default-branch push, with `backlog.enabled`: the backlog issues
 * follow what the branch has. A failure (rate limits beyond the retries) never fails the
 * analysis: the next push brings them up to date.
 */
export async function syncBacklogAfter(ctx: JobContext, outcome: AnalysisOutcome): Promise<void> {
  const push = defaultBranchPush(outcome);
  if (push === undefined || !outcome.config.backlog.enabled) return;
  const { run } = outcome.analysis;
  try {
    await syncBacklog(
      { github: ctx.github, log: ctx.log, backlog: ctx.deps.store.backlog, appSlug: ctx.appSlug },
      {
        owner: run.owner,
        repo: run.repo,
        sha: run.headSha,
        branch: run.headBranch,
        repoUrl: repoWebUrlOf(outcome.analysis),
        config: outcome.config,
        triaged: push.triaged,
      },
    );
  } catch (error) {
    ctx.log.warn({ err: error }, "could not bring the backlog issues up to date");
  }
}
