import type { GuardrailConfig } from "../config/schema.js";
import type { PullRequestRef } from "../domain/pull-request.js";
import { listGuardrailThreads } from "../github/review-threads.js";
import { planThreads, type CommandChange } from "../report/thread-plan.js";
import type { TriagedFinding } from "../triage/disposition.js";
import type { StoredAnalysis } from "./analysis-codec.js";
import type { Evaluation } from "./evaluate.js";
import { executeThreadPlan } from "./follow-threads.js";
import type { JobContext } from "./job-context.js";
import { rejudge } from "./rejudge.js";
import { diffOf } from "./targets.js";

export interface Rejudged {
  workflowName: string;
  evaluation: Evaluation;
}

/**
 * After a command changed suppressions: every stored analysis of the PR (one per scanner workflow)
 * is judged again into that PR's own check run, then the PR's threads follow all the judgements.
 */
export async function rejudgePull(
  ctx: JobContext,
  input: {
    where: { owner: string; repo: string };
    pr: PullRequestRef;
    analyses: readonly StoredAnalysis[];
    config: GuardrailConfig;
    change: CommandChange;
  },
): Promise<Rejudged[]> {
  const { where, pr } = input;
  const reported = input.analyses.flatMap((stored) => {
    const checkRun = stored.checkRuns.find((c) => c.pr === pr.number);
    // The job's spelling of the repository: the store keeps it lower-cased.
    const analysis = { ...stored.analysis, run: { ...stored.analysis.run, ...where } };
    return checkRun ? [{ analysis, checkRun }] : [];
  });
  if (reported.length === 0) return [];
  const [threads, diff] = await Promise.all([
    listGuardrailThreads(ctx.github, { ...where, pullNumber: pr.number, appSlug: ctx.appSlug }),
    diffOf(ctx, reported[0]!.analysis, pr),
  ]);
  const commented = new Set(threads.flatMap((t) => t.fingerprints));
  const results: Rejudged[] = [];
  const judged: TriagedFinding[] = [];
  for (const { analysis, checkRun } of reported) {
    const target = { pr, diff, checkName: checkRun.checkName, checkRunId: checkRun.checkRunId };
    const evaluation = await rejudge(ctx, { analysis, target, config: input.config, commented });
    results.push({ workflowName: analysis.run.workflowName, evaluation });
    judged.push(...evaluation.triaged);
  }
  const plan = planThreads({ threads, judged, change: input.change, headSha: pr.headSha });
  await executeThreadPlan(ctx, { ...where, pullNumber: pr.number }, plan);
  return results;
}
