import type { Context } from "probot";
import type { AppDeps } from "../app-deps.js";

/**
 * Scan coverage counts pull requests opened (design.md Part 2): each is recorded once, reopened
 * ones included, so `guardrail_pull_requests_total{scanned="false"}` shows what no analysis saw.
 */
export async function onPullRequestOpened(
  context: Context<"pull_request.opened" | "pull_request.reopened">,
  deps: AppDeps,
): Promise<void> {
  const { pull_request: pull, repository } = context.payload;
  await deps.store.lifecycle.recordPullRequestOpened(
    repository.full_name,
    pull.number,
    new Date(pull.created_at),
  );
}
