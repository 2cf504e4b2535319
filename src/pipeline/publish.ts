import type { GuardrailConfig } from "../config/schema.js";
import type { Analysis, Target } from "../domain/analysis.js";
import { upsertCheckRun } from "../github/check-runs.js";
import { listGuardrailComments } from "../github/review-comments.js";
import { renderAnnotation } from "../report/annotation.js";
import { annotationLine } from "../report/plan.js";
import { checkOutputOf } from "./check-output.js";
import type { Evaluation } from "./evaluate.js";
import { followThreads } from "./follow-threads.js";
import { postInlineReview } from "./inline-review.js";
import type { JobContext } from "./job-context.js";
import { judge } from "./judge.js";

export interface Published {
  checkRunId: number;
  evaluation: Evaluation;
}

/**
 * Pipeline step 7, for one target: one review with the new inline comments, one check run with
 * everything else (created, or brought up to date when an earlier try of this analysis made it),
 * and the threads of fixed findings resolved.
 */
export async function publish(
  ctx: JobContext,
  analysis: Analysis,
  target: Target,
  config: GuardrailConfig,
): Promise<Published> {
  const { github } = ctx;
  const { owner, repo, headSha } = analysis.run;
  const comments = target.pr
    ? await listGuardrailComments(github, {
        owner,
        repo,
        pullNumber: target.pr.number,
        appSlug: ctx.appSlug,
      })
    : [];
  const commented = new Set(comments.flatMap((c) => c.fingerprints));
  const evaluation = await judge(ctx, { analysis, target, config, commented });
  const { plan } = evaluation;
  const inline = target.pr
    ? await postInlineReview(
        ctx,
        { owner, repo, pr: target.pr, headSha, marker: reviewMarkerOf(analysis, target) },
        plan.comments,
      )
    : { posted: 0, rejected: [] };

  const annotated = [...inline.rejected, ...plan.annotations];
  const checkRunId = await upsertCheckRun(github, {
    owner,
    repo,
    headSha,
    name: target.checkName,
    externalId: analysis.externalId,
    appSlug: ctx.appSlug,
    checkRunId: target.checkRunId,
    conclusion: evaluation.gate.conclusion,
    output: checkOutputOf(analysis, evaluation, {
      inline: inline.posted,
      annotations: annotated.length,
    }),
    annotations: annotated.map((t) => renderAnnotation(t, annotationLine(t.finding.location))),
  });

  if (target.pr) {
    const at = { owner, repo, pullNumber: target.pr.number, headSha };
    await followThreads(ctx, at, { judged: evaluation.triaged, change: null, comments });
  }
  return { checkRunId, evaluation };
}

/** The review's hidden marker, so a retried POST after a 5xx is found rather than repeated. */
function reviewMarkerOf(analysis: Analysis, target: Target): string {
  const { runId, runAttempt } = analysis.run;
  return `<!-- guardrail:review run=${runId}:${runAttempt} pr=${target.pr?.number ?? 0} -->`;
}
