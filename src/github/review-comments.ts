import { ourMarker } from "./our-comment.js";
import type { GitHub } from "./octokit.js";

export interface GuardrailComment {
  /** REST id of the thread's first comment. */
  commentId: number;
  /** Every finding the marker carries, most severe first; `ids[i]` is `fingerprints[i]`'s. */
  fingerprints: string[];
  ids: string[];
  fingerprint: string;
  findingId: string;
}

/**
 * Guardrail's inline comments on a PR, from the REST list (a read: Probot's throttle spaces
 * GraphQL queries 1 s apart like writes, so the thread query is made only when something must be
 * resolved). Recognised by the App's login, or any bot's when the slug is unknown, and the marker.
 */
export async function listGuardrailComments(
  github: GitHub,
  where: { owner: string; repo: string; pullNumber: number; appSlug: string },
): Promise<GuardrailComment[]> {
  const comments = await github.paginate(github.rest.pulls.listReviewComments, {
    owner: where.owner,
    repo: where.repo,
    pull_number: where.pullNumber,
    per_page: 100,
  });
  const mine: GuardrailComment[] = [];
  for (const comment of comments) {
    if (comment.in_reply_to_id !== undefined) continue;
    const author = { login: comment.user?.login, type: comment.user?.type };
    const marker = ourMarker(comment.body, author, where.appSlug);
    if (marker)
      mine.push({
        commentId: comment.id,
        fingerprints: marker.fingerprints,
        ids: marker.ids,
        fingerprint: marker.fingerprint,
        findingId: marker.id,
      });
  }
  return mine;
}
