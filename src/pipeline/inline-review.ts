import { getPullRequest, type PullRequestRef } from "../github/pull-requests.js";
import { postReview, type ReviewComment } from "../github/reviews.js";
import type { JobContext } from "./job-context.js";
import { suggestionFor } from "../report/comment-body.js";
import { renderLocationComment } from "../report/location-comment.js";
import { safeUrl } from "../report/sanitize.js";
import type { PlannedComment } from "../report/plan.js";
import type { TriagedFinding } from "../triage/disposition.js";

export interface InlineOutcome {
  posted: number;
  /** Findings planned inline that end up as annotations instead: GitHub rejected their comment. */
  rejected: TriagedFinding[];
}

/**
 * Whether the analysed commit is still the PR head: a review pinned to an old commit would be
 * outdated at once, so its comments become annotations instead. Asked before the check run is
 * written, so that write already carries them.
 */
export async function isStillHead(
  ctx: JobContext,
  where: { owner: string; repo: string; pr: PullRequestRef; headSha: string },
): Promise<boolean> {
  const { owner, repo, pr } = where;
  const current = await getPullRequest(ctx.github, { owner, repo, pullNumber: pr.number });
  return current.headSha === where.headSha;
}

/**
 * The one review of an analysis (the caller checked {@link isStillHead}); comments GitHub refuses
 * come back as `rejected` so the check run can show them instead.
 */
export async function postInlineReview(
  ctx: JobContext,
  where: {
    owner: string;
    repo: string;
    pr: PullRequestRef;
    headSha: string;
    marker: string;
    /** The check run's page: the review body links to it. */
    checkRunUrl?: string | undefined;
  },
  planned: PlannedComment[],
): Promise<InlineOutcome> {
  if (planned.length === 0) return { posted: 0, rejected: [] };
  const { owner, repo, pr } = where;
  const comments: ReviewComment[] = planned.map(toReviewComment);
  const result = await postReview(
    ctx.github,
    { owner, repo, pullNumber: pr.number, commitId: where.headSha },
    {
      body: reviewBody(planned.flatMap((c) => c.findings).length, where),
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

function reviewBody(
  count: number,
  where: { marker: string; checkRunUrl?: string | undefined },
): string {
  const noun = count === 1 ? "finding" : "findings";
  const url = safeUrl(where.checkRunUrl);
  const check = url === undefined ? "The check run" : `[The check run](${url})`;
  return `**Guardrail**: ${count} new ${noun} on lines this pull request changes. ${check} has the full summary.\n\n${where.marker}`;
}
