import type { GuardrailConfig } from "../config/schema.js";
import type { DiffMap } from "../diff/diff-map.js";
import type { Finding, Note } from "../findings/finding.js";
import { createCheckRun, findCheckRun, updateCheckRun } from "../github/check-runs.js";
import { replyInThread } from "../github/comments.js";
import { getPullRequest, type PullRequestRef } from "../github/pull-requests.js";
import {
  listGuardrailThreads,
  setThreadResolved,
  type GuardrailThread,
} from "../github/review-threads.js";
import { postReview, type ReviewComment } from "../github/reviews.js";
import type { JobContext } from "../jobs/job-context.js";
import { renderAnnotation } from "../report/annotation.js";
import { renderCommentBody, suggestionFor } from "../report/comment-body.js";
import { annotationLine } from "../report/plan.js";
import { renderCheckOutput } from "../report/summary.js";
import type { TriagedFinding } from "../triage/disposition.js";
import { evaluate, type Evaluation } from "./evaluate.js";

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
 * Pipeline step 7: one review with the new inline comments (only while the analysed commit is
 * still the PR head), one check run with everything else, and threads of fixed findings resolved.
 */
export async function publish(ctx: JobContext, input: PublishInput): Promise<Published> {
  const { github } = ctx;
  const where = { owner: input.owner, repo: input.repo };
  const threads = input.pr
    ? await listGuardrailThreads(github, {
        ...where,
        pullNumber: input.pr.number,
        appSlug: ctx.appSlug,
      })
    : [];
  const evaluation = await evaluateStored(ctx, input, threads);
  const { plan } = evaluation;

  let rejected: TriagedFinding[] = [];
  let inlineCount = 0;
  if (input.pr && plan.comments.length > 0) {
    const current = await getPullRequest(github, { ...where, pullNumber: input.pr.number });
    if (current.headSha === input.headSha) {
      const comments: ReviewComment[] = plan.comments.map((c) => ({
        key: c.triaged.finding.fingerprint,
        path: c.path,
        line: c.line,
        ...(c.startLine !== undefined ? { start_line: c.startLine } : {}),
        body: renderCommentBody({
          finding: c.triaged.finding,
          suggestion: suggestionFor(c.triaged.finding, {
            startLine: c.startLine ?? c.line,
            line: c.line,
          }),
        }),
      }));
      const result = await postReview(
        github,
        { ...where, pullNumber: input.pr.number, commitId: input.headSha },
        {
          body: reviewBody(comments.length, input.reviewMarker),
          bodyMarker: input.reviewMarker,
          comments,
        },
      );
      inlineCount = result.posted.length;
      const rejectedKeys = new Set(result.rejected.map((c) => c.key));
      rejected = plan.comments
        .filter((c) => rejectedKeys.has(c.triaged.finding.fingerprint))
        .map((c) => c.triaged);
    } else {
      // The head moved on: a review pinned to an old commit would be outdated at once.
      rejected = plan.comments.map((c) => c.triaged);
    }
  }

  const annotated = [...rejected, ...plan.annotations];
  const output = renderCheckOutput({
    gate: evaluation.gate,
    triaged: evaluation.triaged,
    notes: input.notes,
    omitted: plan.omitted,
    inlineCount,
    annotationCount: annotated.length,
    headSha: input.headSha,
    runUrl: input.runUrl,
    toolNames: input.toolNames,
  });
  const existing = await findCheckRun(github, {
    ...where,
    headSha: input.headSha,
    name: input.checkName,
    externalId: input.externalId,
    appSlug: ctx.appSlug,
  });
  const checkRunId =
    existing === null
      ? await createCheckRun(github, {
          ...where,
          name: input.checkName,
          headSha: input.headSha,
          externalId: input.externalId,
          conclusion: evaluation.gate.conclusion,
          output,
          annotations: annotated.map((t) =>
            renderAnnotation(t, annotationLine(t.finding.location)),
          ),
        })
      : // A retry of this very analysis: the earlier try's check run is brought up to date.
        (await updateCheckRun(github, {
          ...where,
          checkRunId: existing,
          conclusion: evaluation.gate.conclusion,
          output,
        }),
        existing);

  if (input.pr)
    await reconcileThreads(
      ctx,
      { ...where, pullNumber: input.pr.number, headSha: input.headSha },
      threads,
      evaluation,
    );
  return { checkRunId, evaluation };
}

/** Re-evaluation after a command: same judgement on the stored findings, check run updated in place. */
export async function republish(
  ctx: JobContext,
  input: PublishInput & { checkRunId: number },
): Promise<{ evaluation: Evaluation; threads: GuardrailThread[] }> {
  const threads = input.pr
    ? await listGuardrailThreads(ctx.github, {
        owner: input.owner,
        repo: input.repo,
        pullNumber: input.pr.number,
        appSlug: ctx.appSlug,
      })
    : [];
  const evaluation = await evaluateStored(ctx, input, threads);
  const output = renderCheckOutput({
    gate: evaluation.gate,
    triaged: evaluation.triaged,
    notes: input.notes,
    omitted: evaluation.plan.omitted,
    inlineCount: evaluation.plan.existingComments.length,
    annotationCount: evaluation.plan.annotations.length,
    headSha: input.headSha,
    runUrl: input.runUrl,
    toolNames: input.toolNames,
  });
  await updateCheckRun(ctx.github, {
    owner: input.owner,
    repo: input.repo,
    checkRunId: input.checkRunId,
    conclusion: evaluation.gate.conclusion,
    output,
  });
  return { evaluation, threads };
}

async function evaluateStored(
  ctx: JobContext,
  input: PublishInput,
  threads: GuardrailThread[],
): Promise<Evaluation> {
  const repoKey = `${input.owner}/${input.repo}`.toLowerCase();
  const now = new Date();
  const baseBranch = input.pr?.baseRef ?? input.defaultBranch;
  const [baseline, suppressions, expiredSuppressions] = await Promise.all([
    ctx.deps.store.baselines.get(repoKey, baseBranch),
    ctx.deps.store.suppressions.listActive(repoKey, now),
    ctx.deps.store.suppressions.listExpiredSince(
      repoKey,
      new Date(now.getTime() - EXPIRED_LOOKBACK_MS),
      now,
    ),
  ]);
  return evaluate({
    findings: input.findings,
    diff: input.diff,
    baseline,
    suppressions,
    expiredSuppressions,
    config: input.config,
    isFork: input.isFork,
    baseBranch,
    defaultBranch: input.defaultBranch,
    readErrors: input.readErrors,
    alreadyCommented: new Set(threads.map((t) => t.fingerprint)),
    now,
  });
}

/** How far back an expiry is still worth mentioning in the summary. */
const EXPIRED_LOOKBACK_MS = 30 * 24 * 3600 * 1000;

/**
 * A thread whose finding is gone is resolved with a reply naming the fixing commit; one whose
 * finding is now suppressed is resolved quietly (the command already replied).
 */
async function reconcileThreads(
  ctx: JobContext,
  where: { owner: string; repo: string; pullNumber: number; headSha: string },
  threads: GuardrailThread[],
  evaluation: Evaluation,
): Promise<void> {
  const present = new Map(evaluation.triaged.map((t) => [t.finding.fingerprint, t]));
  for (const thread of threads) {
    if (thread.isResolved) continue;
    const triaged = present.get(thread.fingerprint);
    if (!triaged) {
      await replyInThread(ctx.github, {
        ...where,
        commentId: thread.commentId,
        body: `✅ ${thread.findingId} is no longer reported as of ${where.headSha.slice(0, 7)}: resolving.`,
      });
      await setThreadResolved(ctx.github, thread.threadId, true);
    } else if (triaged.suppressedBy) {
      await setThreadResolved(ctx.github, thread.threadId, true);
    }
  }
}

function reviewBody(count: number, marker: string): string {
  const noun = count === 1 ? "finding" : "findings";
  return `**Guardrail**: ${count} new ${noun} on lines this pull request changes. The check run has the full summary.\n\n${marker}`;
}
