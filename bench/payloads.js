/**
 * Real webhook payloads (from @octokit/webhooks-examples, as GitHub sends them) pointed at the
 * benchmark's repository, and how to deliver them signed.
 */
import { createHmac, randomUUID } from "node:crypto";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples/api.github.com/index.json");

export const OWNER = "acme";
export const REPO = "shop";
export const REPO_ID = 1296269;
export const INSTALLATION_ID = 77;
export const HEAD_SHA = "a".repeat(40);
export const PULL_NUMBER = 42;

function example(name, action) {
  const found = examples.find((e) => e.name === name)?.examples.find((e) => e.action === action);
  if (!found) throw new Error(`no ${name}.${action} example`);
  return structuredClone(found);
}

function repository() {
  const repo = example("workflow_run", "completed").repository;
  return {
    ...repo,
    id: REPO_ID,
    name: REPO,
    full_name: `${OWNER}/${REPO}`,
    default_branch: "main",
    owner: { ...repo.owner, login: OWNER, type: "Organization" },
  };
}

/** `workflow_run.completed` for run `runId`, attempt `runAttempt`, on the PR's head commit. */
export function workflowRunCompleted({ runId, runAttempt = 1 }) {
  const payload = example("workflow_run", "completed");
  const run = payload.workflow_run;
  return {
    ...payload,
    installation: { id: INSTALLATION_ID, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNzc=" },
    repository: repository(),
    workflow_run: {
      ...run,
      id: runId,
      run_attempt: runAttempt,
      name: "Security scan",
      workflow_id: 555,
      event: "pull_request",
      status: "completed",
      conclusion: "success",
      head_sha: HEAD_SHA,
      head_branch: "feature",
      updated_at: new Date().toISOString(),
      head_repository: {
        ...run.head_repository,
        full_name: `${OWNER}/${REPO}`,
        name: REPO,
        owner: { login: OWNER },
      },
      repository: repository(),
      pull_requests: [
        {
          number: PULL_NUMBER,
          id: PULL_NUMBER,
          url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${PULL_NUMBER}`,
          head: { ref: "feature", sha: HEAD_SHA, repo: { id: REPO_ID, name: REPO, url: "" } },
          base: { ref: "main", sha: "b".repeat(40), repo: { id: REPO_ID, name: REPO, url: "" } },
        },
      ],
    },
  };
}

/** A plain PR conversation comment (no command): Guardrail records the delivery and moves on. */
export function issueCommentCreated() {
  const payload = example("issue_comment", "created");
  return {
    ...payload,
    installation: { id: INSTALLATION_ID, node_id: "x" },
    repository: repository(),
    issue: {
      ...payload.issue,
      number: PULL_NUMBER,
      pull_request: { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${PULL_NUMBER}` },
    },
    comment: { ...payload.comment, body: "/guardrail list" },
  };
}

/** Headers GitHub sends with a delivery: event name, unique delivery id, HMAC-SHA256 signature. */
export function deliveryHeaders(event, body, secret, id = randomUUID()) {
  return {
    "content-type": "application/json",
    "x-github-event": event,
    "x-github-delivery": id,
    "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
  };
}
