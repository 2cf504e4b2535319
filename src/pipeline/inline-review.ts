import { getPullRequest, type PullRequestRef } from "../github/pull-requests.js";
import { postReview, type ReviewComment } from "../github/reviews.js";
import type { JobContext } from "./job-context.js";
import { suggestionFor } from "../report/comment-body.js";
import { renderLocationComment } from "../report/location-comment.js";
import type { PlannedComment } from "../report/plan.js";
import type { TriagedFinding } from "../triage/disposition.js";

export interface InlineOutcome {
  posted: number;
  /** Findings planned inline that end up as annotations instead (rejected, or the head moved). */
  rejected: TriagedFinding[];
}

/**
 * The one review of an analysis: posted only while the analysed commit is still the PR head;
 * comments GitHub refuses come back as `rejected` so the check run can show them instead.
 */
export async function postInlineReview(
  ctx: JobContext,
  where: { owner: string; repo: string; pr: PullRequestRef; headSha: string; marker: string },
  planned: PlannedComment[],
): Promise<InlineOutcome> {
  if (planned.length === 0) return { posted: 0, rejected: [] };
  const { owner, repo, pr } = where;
  const current = await getPullRequest(ctx.github, { owner, repo, pullNumber: pr.number });
  // The head moved on: a review pinned to an old commit would be outdated at once.
  if (current.headSha !== where.headSha)
    return { posted: 0, rejected: planned.flatMap((c) => c.findings) };

  const comments: ReviewComment[] = planned.map(toReviewComment);
  const result = await postReview(
    ctx.github,
    { owner, repo, pullNumber: pr.number, commitId: where.headSha },
    {
      body: reviewBody(planned.flatMap((c) => c.findings).length, where.marker),
      bodyMarker: where.marker,
      comments,
    },
  );
  const rejectedKeys = new Set(result.rejected.map((c) => c.key));
  return {
    posted: result.posted.length,
    rejected: planned
      .filter((c) => rejectedKeys.has(c.triaged.finding.fingerprint))
      .flatMap((c) => c.findings),
  };
}

function toReviewComment(c: PlannedComment): ReviewComment {
  const lines = { startLine: c.startLine ?? c.line, line: c.line };
  return {
    key: c.triaged.finding.fingerprint,
    path: c.path,
    line: c.line,
    ...(c.startLine !== undefined ? { start_line: c.startLine } : {}),
    // A suggestion replaces the comment's lines, so it is offered only when one finding owns them.
    body: renderLocationComment(
      c.findings.map(({ finding }) => ({
        finding,
        suggestion: c.findings.length === 1 ? suggestionFor(finding, lines) : undefined,
      })),
    ),
  };
}

function reviewBody(count: number, marker: string): string {
  const noun = count === 1 ? "finding" : "findings";
  return `**Guardrail**: ${count} new ${noun} on lines this pull request changes. The check run has the full summary.\n\n${marker}`;
}
