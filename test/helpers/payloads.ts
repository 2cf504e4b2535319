import { createRequire } from "node:module";
import { INSTALLATION_ID } from "./test-app.js";

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as {
  name: string;
  examples: Record<string, unknown>[];
}[];

function example(name: string, action: string): Record<string, unknown> {
  const found = examples.find((e) => e.name === name)?.examples.find((e) => e.action === action);
  if (!found) throw new Error(`no ${name}.${action} example`);
  return structuredClone(found);
}

export const OWNER = "acme";
export const REPO = "shop";
export const HEAD_SHA = "a".repeat(40);
export const BASE_SHA = "b".repeat(40);
export const RUN_ID = 9001;

function repository(): Record<string, unknown> {
  const repo = example("workflow_run", "completed").repository as Record<string, unknown>;
  return {
    ...repo,
    id: 1296269,
    name: REPO,
    full_name: `${OWNER}/${REPO}`,
    default_branch: "main",
    owner: { ...(repo.owner as object), login: OWNER, type: "Organization" },
  };
}

export interface RunOptions {
  runId?: number;
  runAttempt?: number;
  headSha?: string;
  headBranch?: string;
  /** `owner/name` of the head repository; a fork when it differs from acme/shop. */
  headRepo?: string;
  event?: string;
  pullNumbers?: number[];
  conclusion?: string;
  /** The workflow's name (default "Security scan"). */
  name?: string;
}

/** A real `workflow_run.completed` payload (from @octokit/webhooks-examples), pointed at acme/shop. */
export function workflowRunCompleted(options: RunOptions = {}): Record<string, unknown> {
  const payload = example("workflow_run", "completed");
  const run = payload.workflow_run as Record<string, unknown>;
  const headRepo = options.headRepo ?? `${OWNER}/${REPO}`;
  const [headOwner, headName] = headRepo.split("/");
  return {
    ...payload,
    installation: { id: INSTALLATION_ID, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNzc=" },
    repository: repository(),
    workflow_run: {
      ...run,
      id: options.runId ?? RUN_ID,
      run_attempt: options.runAttempt ?? 1,
      name: options.name ?? "Security scan",
      workflow_id: 555,
      event: options.event ?? "pull_request",
      status: "completed",
      conclusion: options.conclusion ?? "success",
      head_sha: options.headSha ?? HEAD_SHA,
      head_branch: options.headBranch ?? "feature",
      updated_at: new Date().toISOString(),
      head_repository: {
        ...(run.head_repository as object),
        full_name: headRepo,
        name: headName,
        owner: { login: headOwner },
      },
      repository: repository(),
      pull_requests: (options.pullNumbers ?? []).map((number) => ({
        number,
        id: number,
        url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${number}`,
        head: {
          ref: options.headBranch ?? "feature",
          sha: options.headSha ?? HEAD_SHA,
          repo: { id: 1296269, name: REPO, url: "" },
        },
        base: { ref: "main", sha: BASE_SHA, repo: { id: 1296269, name: REPO, url: "" } },
      })),
    },
  };
}

/** The REST shape of the same run (GET /repos/{owner}/{repo}/actions/runs/{id}). */
export function workflowRunApi(options: RunOptions = {}): Record<string, unknown> {
  return workflowRunCompleted(options).workflow_run as Record<string, unknown>;
}

export interface PullOptions {
  number: number;
  headSha?: string;
  headRef?: string;
  headRepo?: string;
  base?: string;
  author?: string;
}

/** A pull request as `GET /repos/{owner}/{repo}/pulls/{n}` returns it (the fields Guardrail reads). */
export function pullRequestApi(options: PullOptions): Record<string, unknown> {
  const headRepo = options.headRepo ?? `${OWNER}/${REPO}`;
  return {
    number: options.number,
    state: "open",
    user: { login: options.author ?? "dev", type: "User" },
    head: {
      sha: options.headSha ?? HEAD_SHA,
      ref: options.headRef ?? "feature",
      repo: { full_name: headRepo },
    },
    base: { ref: options.base ?? "main", sha: BASE_SHA, repo: { full_name: `${OWNER}/${REPO}` } },
  };
}

export function issueCommentCreated(options: {
  pullNumber: number;
  body: string;
  login?: string;
  userType?: string;
  commentId?: number;
}): Record<string, unknown> {
  const payload = example("issue_comment", "created");
  const comment = payload.comment as Record<string, unknown>;
  const issue = payload.issue as Record<string, unknown>;
  const id = options.commentId ?? 5001;
  return {
    ...payload,
    installation: { id: INSTALLATION_ID, node_id: "x" },
    repository: repository(),
    issue: {
      ...issue,
      number: options.pullNumber,
      pull_request: {
        url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${options.pullNumber}`,
      },
    },
    comment: {
      ...comment,
      id,
      body: options.body,
      html_url: `https://github.com/${OWNER}/${REPO}/pull/${options.pullNumber}#issuecomment-${id}`,
      user: {
        ...(comment.user as object),
        login: options.login ?? "alice",
        type: options.userType ?? "User",
      },
    },
    sender: {
      ...(payload.sender as object),
      login: options.login ?? "alice",
      type: options.userType ?? "User",
    },
  };
}

export function reviewCommentCreated(options: {
  pullNumber: number;
  body: string;
  inReplyToId?: number;
  login?: string;
  commentId?: number;
}): Record<string, unknown> {
  const payload = example("pull_request_review_comment", "created");
  const comment = payload.comment as Record<string, unknown>;
  const pr = payload.pull_request as Record<string, unknown>;
  const id = options.commentId ?? 6001;
  return {
    ...payload,
    installation: { id: INSTALLATION_ID, node_id: "x" },
    repository: repository(),
    pull_request: { ...pr, number: options.pullNumber },
    comment: {
      ...comment,
      id,
      body: options.body,
      in_reply_to_id: options.inReplyToId,
      html_url: `https://github.com/${OWNER}/${REPO}/pull/${options.pullNumber}#discussion_r${id}`,
      user: { ...(comment.user as object), login: options.login ?? "alice", type: "User" },
    },
    sender: { ...(payload.sender as object), login: options.login ?? "alice", type: "User" },
  };
}

/** `check_run.rerequested` for a Guardrail check run ("Re-run" in the checks tab). */
export function checkRunRerequested(options: {
  externalId: string;
  name?: string;
}): Record<string, unknown> {
  const payload = example("check_run", "rerequested");
  return {
    ...payload,
    installation: { id: INSTALLATION_ID, node_id: "x" },
    repository: repository(),
    check_run: {
      ...(payload.check_run as object),
      name: options.name ?? "Guardrail",
      external_id: options.externalId,
      head_sha: HEAD_SHA,
    },
  };
}
