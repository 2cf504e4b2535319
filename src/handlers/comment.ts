import type { Context } from "probot";
import type { AppDeps } from "../app-deps.js";
import { enqueueDelivery, ignoreDelivery } from "./enqueue-delivery.js";

/** Cheap pre-filter: a line that starts with one of Guardrail's commands (parsing happens in the job). */
const COMMAND_LINE = /^[ \t]*\/(?:fp|ar|wontfix|tests|other|open|guardrail)\b/im;

/** `/guardrail …` in the PR conversation. */
export async function onIssueComment(
  context: Context<"issue_comment.created">,
  deps: AppDeps,
): Promise<void> {
  const { comment, issue, repository, installation } = context.payload;
  if (!installation) return ignoreDelivery(context, deps, "no installation");
  if (!issue.pull_request) return ignoreDelivery(context, deps, "not a pull request");
  if (comment.user?.type === "Bot" || context.isBot)
    return ignoreDelivery(context, deps, "bot comment");
  if (!COMMAND_LINE.test(comment.body)) return ignoreDelivery(context, deps, "no command");
  await enqueueDelivery(context, deps, {
    kind: "command",
    installationId: installation.id,
    owner: repository.owner.login,
    repo: repository.name,
    deliveryId: context.id,
    pullNumber: issue.number,
    source: "issue_comment",
    commentId: comment.id,
    commentUrl: comment.html_url,
    body: comment.body,
    author: comment.user?.login ?? "",
  });
}

/** `/fp <why>` and friends as replies in a Guardrail review thread. */
export async function onReviewComment(
  context: Context<"pull_request_review_comment.created">,
  deps: AppDeps,
): Promise<void> {
  const { comment, pull_request: pr, repository, installation } = context.payload;
  if (!installation) return ignoreDelivery(context, deps, "no installation");
  if (comment.user?.type === "Bot" || context.isBot)
    return ignoreDelivery(context, deps, "bot comment");
  if (!COMMAND_LINE.test(comment.body)) return ignoreDelivery(context, deps, "no command");
  await enqueueDelivery(context, deps, {
    kind: "command",
    installationId: installation.id,
    owner: repository.owner.login,
    repo: repository.name,
    deliveryId: context.id,
    pullNumber: pr.number,
    source: "review_comment",
    commentId: comment.id,
    commentUrl: comment.html_url,
    body: comment.body,
    author: comment.user?.login ?? "",
    inReplyToId: comment.in_reply_to_id,
  });
}
