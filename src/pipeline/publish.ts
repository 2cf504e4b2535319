import type { GuardrailConfig } from "../config/schema.js";
import type { Analysis, Target } from "../domain/analysis.js";
import type { TriagedFinding } from "../triage/disposition.js";
import { updateCheckRun, upsertCheckRunLinked } from "../github/check-runs.js";
import { listGuardrailComments } from "../github/review-comments.js";
import { renderAnnotation } from "../report/annotation.js";
import { annotationLine } from "../report/plan.js";
import { checkOutputOf } from "./check-output.js";
import type { Evaluation } from "./evaluate.js";
import { followThreads } from "./follow-threads.js";
import { isStillHead, postInlineReview } from "./inline-review.js";
import type { JobContext } from "./job-context.js";
import { judge } from "./judge.js";
import { withScanProblems } from "./scan-problems.js";

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
  const evaluation = withScanProblems(
    await judge(ctx, { analysis, target, config, commented }),
    analysis.notes,
  );
  const { plan } = evaluation;
  const live =
    target.pr !== null &&
    plan.comments.length > 0 &&
    (await isStillHead(ctx, { owner, repo, pr: target.pr, headSha }));
  const planned = live ? plan.comments : [];
  // The head moved on (or a push): what was planned inline is annotated instead.
  const annotated = [
    ...(live ? [] : plan.comments.flatMap((c) => c.findings)),
    ...plan.annotations,
  ];
  const annotation = (t: TriagedFinding) => renderAnnotation(t, annotationLine(t.finding.location));
  // The check run first, so the review can link to it. Its counts assume every planned comment
  // is posted; only when GitHub refuses some is it written a second time.
  const check = await upsertCheckRunLinked(github, {
    owner,
    repo,
    headSha,
    name: target.checkName,
    externalId: analysis.externalId,
    appSlug: ctx.appSlug,
    checkRunId: target.checkRunId,
    conclusion: evaluation.gate.conclusion,
    output: checkOutputOf(analysis, evaluation, {
      inline: planned.length,
      annotations: annotated.length,
      branch: target.pr ? undefined : analysis.run.headBranch,
    }),
    annotations: annotated.map(annotation),
  });
  const checkRunId = check.id;
  const inline =
    target.pr && live
      ? await postInlineReview(
          ctx,
          {
            owner,
            repo,
            pr: target.pr,
            headSha,
            marker: reviewMarkerOf(analysis, target),
            checkRunUrl: check.htmlUrl,
          },
          planned,
        )
      : { posted: 0, rejected: [] };
  if (inline.posted !== planned.length || inline.rejected.length > 0) {
    await updateCheckRun(github, {
      owner,
      repo,
      checkRunId,
      conclusion: evaluation.gate.conclusion,
      output: checkOutputOf(analysis, evaluation, {
        inline: inline.posted,
        annotations: annotated.length + inline.rejected.length,
      }),
      annotations: inline.rejected.map(annotation),
    });
  }

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
