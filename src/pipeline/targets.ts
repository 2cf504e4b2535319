import type { Analysis, Target } from "../domain/analysis.js";
import type { PullRequestRef } from "../domain/pull-request.js";
import { buildDiffMap } from "../diff/build-diff-map.js";
import { listPullFiles } from "../github/pull-files.js";
import type { JobContext } from "./job-context.js";

/**
 * Where an analysis is reported: each PR whose head it analysed, each with its own check run (a
 * head shared by several PRs gets `<name> (#n)` per PR), or the commit alone for a push.
 */
export async function targetsOf(
  ctx: JobContext,
  analysis: Analysis,
  pulls: readonly PullRequestRef[],
): Promise<Target[]> {
  if (pulls.length === 0)
    return [{ pr: null, diff: null, checkName: analysis.checkName, checkRunId: null }];
  const targets: Target[] = [];
  for (const pr of pulls) {
    targets.push({
      pr,
      diff: await diffOf(ctx, analysis, pr),
      checkName: targetCheckName(analysis.checkName, pr.number, pulls.length),
      checkRunId: null,
    });
  }
  return targets;
}

export function targetCheckName(checkName: string, pr: number, pullCount: number): string {
  return pullCount > 1 ? `${checkName} (#${pr})` : checkName;
}

/** The PR's changed lines, from the API. */
export async function diffOf(ctx: JobContext, analysis: Analysis, pr: PullRequestRef) {
  const { owner, repo } = analysis.run;
  return buildDiffMap(await listPullFiles(ctx.github, { owner, repo, pullNumber: pr.number }));
}
