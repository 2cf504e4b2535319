import type { GuardrailConfig } from "../config/schema.js";
import type { DiffMap } from "../diff/diff-map.js";
import type { Finding, Note } from "../findings/finding.js";
import { createCheckRun, findCheckRun, updateCheckRun } from "../github/check-runs.js";
import type { PullRequestRef } from "../github/pull-requests.js";
import { listGuardrailComments } from "../github/review-comments.js";
import { listGuardrailThreads, type GuardrailThread } from "../github/review-threads.js";
import type { JobContext } from "../jobs/job-context.js";
import { renderAnnotation } from "../report/annotation.js";
import { annotationLine } from "../report/plan.js";
import { renderCheckOutput } from "../report/summary.js";
import type { Evaluation } from "./evaluate.js";
import { evaluateStored } from "./evaluate-stored.js";
import { postInlineReview } from "./inline-review.js";
import { reconcileThreads } from "./reconcile-threads.js";

export interface PublishInput {
  owner: string;
  repo: string;
  /** The analysed commit. */
  headSha: string;
  pr: PullRequestRef | null;
  diff: DiffMap | null;
  findings: Finding[];
  notes: Note[];
  readErrors: number;
  toolNames: string[];
  config: GuardrailConfig;
  defaultBranch: string;
  isFork: boolean;
  checkName: string;
  externalId: string;
  runUrl?: string | undefined;
  /** The review's hidden marker, so a retried POST after a 5xx is found rather than repeated. */
  reviewMarker: string;
}

export interface Published {
  checkRunId: number;
  evaluation: Evaluation;
}

/**
 * Pipeline step 7: one review with the new inline comments, one check run with everything else
 * (created, or brought up to date when an earlier try of this analysis made it), and the threads
 * of fixed findings resolved.
 */
export async function publish(ctx: JobContext, input: PublishInput): Promise<Published> {
  const { github } = ctx;
  const where = { owner: input.owner, repo: input.repo };
  const comments = input.pr
    ? await listGuardrailComments(github, {
        ...where,
        pullNumber: input.pr.number,
        appSlug: ctx.appSlug,
      })
    : [];
  const evaluation = await evaluateStored(ctx, input, new Set(comments.map((c) => c.fingerprint)));
  const { plan } = evaluation;
  const inline = input.pr
    ? await postInlineReview(
        ctx,
        { ...where, pr: input.pr, headSha: input.headSha, marker: input.reviewMarker },
        plan.comments,
      )
    : { posted: 0, rejected: [] };

  const annotated = [...inline.rejected, ...plan.annotations];
  const output = outputOf(input, evaluation, {
    inline: inline.posted,
    annotations: annotated.length,
  });
  const check = {
    ...where,
    headSha: input.headSha,
    name: input.checkName,
    externalId: input.externalId,
  };
  const existing = await findCheckRun(github, { ...check, appSlug: ctx.appSlug });
  let checkRunId: number;
  if (existing === null) {
    checkRunId = await createCheckRun(github, {
      ...check,
      conclusion: evaluation.gate.conclusion,
      output,
      annotations: annotated.map((t) => renderAnnotation(t, annotationLine(t.finding.location))),
    });
  } else {
    checkRunId = existing;
    await updateCheckRun(github, {
      ...where,
      checkRunId,
      conclusion: evaluation.gate.conclusion,
      output,
    });
  }

  if (input.pr) {
    const at = { ...where, pullNumber: input.pr.number, headSha: input.headSha };
    await reconcileThreads(ctx, at, comments, evaluation);
  }
  return { checkRunId, evaluation };
}

/** Re-evaluation after a command: same judgement on the stored findings, check run updated in place. */
export async function republish(
  ctx: JobContext,
  input: PublishInput & { checkRunId: number },
): Promise<{ evaluation: Evaluation; threads: GuardrailThread[] }> {
  const threads = await threadsOf(ctx, input);
  const evaluation = await evaluateStored(ctx, input, new Set(threads.map((t) => t.fingerprint)));
  const { plan } = evaluation;
  await updateCheckRun(ctx.github, {
    owner: input.owner,
    repo: input.repo,
    checkRunId: input.checkRunId,
    conclusion: evaluation.gate.conclusion,
    output: outputOf(input, evaluation, {
      inline: plan.existingComments.length,
      annotations: plan.annotations.length,
    }),
  });
  return { evaluation, threads };
}

function threadsOf(ctx: JobContext, input: PublishInput): Promise<GuardrailThread[]> {
  if (!input.pr) return Promise.resolve([]);
  return listGuardrailThreads(ctx.github, {
    owner: input.owner,
    repo: input.repo,
    pullNumber: input.pr.number,
    appSlug: ctx.appSlug,
  });
}

function outputOf(
  input: PublishInput,
  evaluation: Evaluation,
  shown: { inline: number; annotations: number },
) {
  return renderCheckOutput({
    gate: evaluation.gate,
    triaged: evaluation.triaged,
    notes: input.notes,
    omitted: evaluation.plan.omitted,
    inlineCount: shown.inline,
    annotationCount: shown.annotations,
    headSha: input.headSha,
    runUrl: input.runUrl,
    toolNames: input.toolNames,
  });
}
