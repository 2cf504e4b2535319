import type { Context } from "probot";
import type { AppDeps } from "../app-deps.js";
import type { CommandJob } from "../domain/job.js";
import { enqueueDelivery, ignoreDelivery } from "./enqueue-delivery.js";

/** Cheap pre-filter: a line that starts with one of Guardrail's commands (parsing happens in the job). */
const COMMAND_LINE = /^[ \t]*\/(?:fp|ar|wontfix|tests|other|open|approve|deny|guardrail)\b/im;

type CommentContext = Context<"issue_comment.created" | "pull_request_review_comment.created">;

/** `/guardrail …` in the PR conversation. */
export async function onIssueComment(
  context: Context<"issue_comment.created">,
  deps: AppDeps,
): Promise<void> {
  const { issue } = context.payload;
  if (!issue.pull_request) return ignoreDelivery(context, deps, "not a pull request");
  await queueCommand(context, deps, { pullNumber: issue.number, source: "issue_comment" });
}

/** `/fp <why>` and friends as replies in a Guardrail review thread. */
export async function onReviewComment(
  context: Context<"pull_request_review_comment.created">,
  deps: AppDeps,
): Promise<void> {
  const { pull_request: pr, comment } = context.payload;
  await queueCommand(context, deps, {
    pullNumber: pr.number,
    source: "review_comment",
    inReplyToId: comment.in_reply_to_id,
  });
}

/** Comments by people that hold a command line are queued; bots (Guardrail included) are not. */
async function queueCommand(
  context: CommentContext,
  deps: AppDeps,
  where: Pick<CommandJob, "pullNumber" | "source" | "inReplyToId">,
): Promise<void> {
  const { comment, repository, installation } = context.payload;
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
    commentId: comment.id,
    commentUrl: comment.html_url,
    body: comment.body,
    author: comment.user?.login ?? "",
    ...where,
  });
}
