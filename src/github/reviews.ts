import { RequestError } from "@octokit/request-error";
import type { GitHub } from "./octokit.js";

export interface ReviewComment {
  path: string;
  line: number;
  /** Only for multi-line comments (GitHub 422s a start_line equal to line). */
  start_line?: number;
  body: string;
  /** Caller's handle on the comment (not sent). */
  key: string;
}

export interface ReviewResult {
  reviewId: number | null;
  posted: ReviewComment[];
  /** Comments GitHub would not place: the caller shows them as annotations instead. */
  rejected: ReviewComment[];
}

interface Where {
  owner: string;
  repo: string;
  pullNumber: number;
  commitId: string;
}

/**
 * Posts one COMMENT review (never a pending one: it would block every later review). One comment
 * GitHub cannot place 422s the whole review, so on a 422 the batch is bisected with pending-review
 * probes (created and deleted at once) to find the culprits; the rest is posted. The review body
 * carries `bodyMarker`, so after a 5xx whose write went through we find it rather than post twice.
 */
export async function postReview(
  github: GitHub,
  where: Where,
  review: { body: string; bodyMarker: string; comments: ReviewComment[] },
): Promise<ReviewResult> {
  const first = await tryPost(github, where, review.body, review.bodyMarker, review.comments);
  if (first.ok) return { reviewId: first.id, posted: review.comments, rejected: [] };
  const rejected = await findRejected(github, where, review.comments, true);
  const good = review.comments.filter((c) => !rejected.includes(c));
  if (good.length === 0) return { reviewId: null, posted: [], rejected };
  const second = await tryPost(github, where, review.body, review.bodyMarker, good);
  if (!second.ok) return { reviewId: null, posted: [], rejected: review.comments };
  return { reviewId: second.id, posted: good, rejected };
}

type Attempt = { ok: true; id: number } | { ok: false };

async function tryPost(
  github: GitHub,
  where: Where,
  body: string,
  marker: string,
  comments: ReviewComment[],
): Promise<Attempt> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const { data } = await github.rest.pulls.createReview({
        ...params(where),
        commit_id: where.commitId,
        event: "COMMENT",
        body,
        comments: comments.map(toApi),
        // Our own retry below checks for the review first: a blind re-POST could duplicate it.
        request: { retries: 0 },
      });
      return { ok: true, id: data.id };
    } catch (error) {
      if (error instanceof RequestError && error.status === 422) return { ok: false };
      if (!isServerError(error)) throw error;
      const existing = await findReview(github, where, marker);
      if (existing !== null) return { ok: true, id: existing };
      if (attempt >= 2) throw error;
    }
  }
}

/** Bisects `comments` with pending reviews (deleted at once) to find those GitHub rejects. */
async function findRejected(
  github: GitHub,
  where: Where,
  comments: ReviewComment[],
  knownToFail = false,
): Promise<ReviewComment[]> {
  if (comments.length === 0) return [];
  if (!knownToFail && (await probe(github, where, comments))) return [];
  if (comments.length === 1) return comments;
  const middle = Math.ceil(comments.length / 2);
  return [
    ...(await findRejected(github, where, comments.slice(0, middle))),
    ...(await findRejected(github, where, comments.slice(middle))),
  ];
}

async function probe(github: GitHub, where: Where, comments: ReviewComment[]): Promise<boolean> {
  try {
    const { data } = await github.rest.pulls.createReview({
      ...params(where),
      commit_id: where.commitId,
      comments: comments.map(toApi),
      request: { retries: 0 },
    });
    await github.rest.pulls.deletePendingReview({ ...params(where), review_id: data.id });
    return true;
  } catch (error) {
    if (error instanceof RequestError && error.status === 422) return false;
    throw error;
  }
}

async function findReview(github: GitHub, where: Where, marker: string): Promise<number | null> {
  const reviews = await github.paginate(github.rest.pulls.listReviews, {
    ...params(where),
    per_page: 100,
  });
  return reviews.find((r) => r.body?.includes(marker))?.id ?? null;
}

function params(where: Where) {
  return { owner: where.owner, repo: where.repo, pull_number: where.pullNumber };
}

function toApi(comment: ReviewComment) {
  return {
    path: comment.path,
    line: comment.line,
    side: "RIGHT",
    ...(comment.start_line !== undefined
      ? { start_line: comment.start_line, start_side: "RIGHT" }
      : {}),
    body: comment.body,
  };
}

function isServerError(error: unknown): boolean {
  if (error instanceof RequestError) return error.status >= 500;
  return error instanceof TypeError; // fetch's network failure
}
