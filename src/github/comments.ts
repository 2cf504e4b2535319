import type { GitHub } from "./octokit.js";

interface Repo {
  owner: string;
  repo: string;
}

/** A reply in an inline review thread. */
export async function replyInThread(
  github: GitHub,
  where: Repo & { pullNumber: number; commentId: number; body: string },
): Promise<void> {
  await github.rest.pulls.createReplyForReviewComment({
    owner: where.owner,
    repo: where.repo,
    pull_number: where.pullNumber,
    comment_id: where.commentId,
    body: where.body,
  });
}

/** A comment in the PR conversation. */
export async function commentOnPull(
  github: GitHub,
  where: Repo & { pullNumber: number; body: string },
): Promise<void> {
  await github.rest.issues.createComment({
    owner: where.owner,
    repo: where.repo,
    issue_number: where.pullNumber,
    body: where.body,
  });
}

/** Acknowledge a command at once, before the work. */
export async function react(
  github: GitHub,
  where: Repo & {
    source: "issue_comment" | "review_comment";
    commentId: number;
    content: "eyes" | "+1" | "-1" | "confused";
  },
): Promise<void> {
  const params = {
    owner: where.owner,
    repo: where.repo,
    comment_id: where.commentId,
    content: where.content,
  };
  if (where.source === "issue_comment") await github.rest.reactions.createForIssueComment(params);
  else await github.rest.reactions.createForPullRequestReviewComment(params);
}

export async function getReviewComment(
  github: GitHub,
  where: Repo & { commentId: number },
): Promise<{ body: string; authorLogin: string; authorType: string }> {
  const { data } = await github.rest.pulls.getReviewComment({
    owner: where.owner,
    repo: where.repo,
    comment_id: where.commentId,
  });
  return { body: data.body, authorLogin: data.user.login, authorType: data.user.type };
}
