import type { ApplicationFunction } from "probot";
import type { AppDeps } from "./app-deps.js";
import { onCheckRunRerequested } from "./handlers/check-run.js";
import { onIssueComment, onReviewComment } from "./handlers/comment.js";
import { onPullRequestHead } from "./handlers/pull-request.js";
import { onPullRequestOpened } from "./handlers/pull-request-coverage.js";
import { onWorkflowRunCompleted } from "./handlers/workflow-run.js";

/** Guardrail's Probot app: registers the webhook handlers and nothing else. */
export function guardrail(deps: AppDeps): ApplicationFunction {
  return (app) => {
    app.on("workflow_run.completed", (context) => onWorkflowRunCompleted(context, deps));
    app.on("check_run.rerequested", (context) => onCheckRunRerequested(context, deps));
    app.on("issue_comment.created", (context) => onIssueComment(context, deps));
    app.on("pull_request_review_comment.created", (context) => onReviewComment(context, deps));
    app.on(["pull_request.opened", "pull_request.reopened"], (context) =>
      onPullRequestOpened(context, deps),
    );
    app.on(
      ["pull_request.opened", "pull_request.synchronize", "pull_request.reopened"],
      (context) => onPullRequestHead(context, deps),
    );
  };
}
