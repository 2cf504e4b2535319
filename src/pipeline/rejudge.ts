import type { GuardrailConfig } from "../config/schema.js";
import type { Analysis, Target } from "../domain/analysis.js";
import { upsertCheckRun } from "../github/check-runs.js";
import { checkOutputOf } from "./check-output.js";
import type { Evaluation } from "./evaluate.js";
import type { JobContext } from "./job-context.js";
import { judge } from "./judge.js";
import { withScanProblems } from "./scan-problems.js";

/**
 * Re-judges a stored analysis for one PR (after a suppression change or `/guardrail recheck`) and
 * updates that PR's check run in place: no artifact is downloaded again, no review is posted.
 */
export async function rejudge(
  ctx: JobContext,
  input: {
    analysis: Analysis;
    target: Target & { checkRunId: number };
    config: GuardrailConfig;
    commented: ReadonlySet<string>;
  },
): Promise<Evaluation> {
  const { analysis, target } = input;
  const evaluation = withScanProblems(await judge(ctx, input), analysis.notes);
  await upsertCheckRun(ctx.github, {
    owner: analysis.run.owner,
    repo: analysis.run.repo,
    headSha: analysis.run.headSha,
    name: target.checkName,
    externalId: analysis.externalId,
    appSlug: ctx.appSlug,
    checkRunId: target.checkRunId,
    conclusion: evaluation.gate.conclusion,
    output: checkOutputOf(analysis, evaluation, {
      inline: evaluation.plan.existingComments.length,
      annotations: evaluation.plan.annotations.length,
    }),
  });
  return evaluation;
}
