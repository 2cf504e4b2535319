import { describe, expect, it } from "@jest/globals";
import { createRequire } from "node:module";
import nock from "nock";
import {
  capture,
  captureCheckRun,
  captureReview,
  mockOrgConfig,
  mockPullAnalysis,
  mockPullFiles,
  REPO_PATH,
  type PullFile,
} from "../helpers/github-mocks.js";
import { deliverRun, useTestApp } from "../helpers/integration.js";
import { HEAD_SHA, OWNER, REPO, workflowRunCompleted } from "../helpers/payloads.js";
import { DB_PATCH, sarifLog } from "../helpers/sarif.js";
import { API, INSTALLATION_ID } from "../helpers/test-app.js";

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as {
  name: string;
  examples: Record<string, unknown>[];
}[];

const harness = useTestApp();
const RAW = { "content-type": "application/vnd.github.raw; charset=utf-8" };
const SCANNER_CHECK = "Guardrail · required scanners";
const SEMGREP = sarifLog(
  [{ uri: "src/db.js", startLine: 12, level: "note", lineHash: "1:1" }],
  "Semgrep OSS",
);
const FILES: PullFile[] = [{ filename: "src/db.js", patch: DB_PATCH }];

/** A real pull_request payload (@octokit/webhooks-examples) pointed at acme/shop#7, head HEAD_SHA. */
function pullRequestEvent(action: "opened" | "synchronize" | "reopened"): Record<string, unknown> {
  const payload = structuredClone(
    examples.find((e) => e.name === "pull_request")!.examples.find((e) => e.action === action)!,
  );
  const pull = payload.pull_request as Record<string, unknown>;
  const { repository } = workflowRunCompleted();
  return {
    ...payload,
    number: 7,
    installation: { id: INSTALLATION_ID, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNzc=" },
    repository,
    pull_request: {
      ...pull,
      number: 7,
      state: "open",
      head: { ...(pull.head as object), sha: HEAD_SHA, ref: "feature" },
      base: { ...(pull.base as object), ref: "main" },
    },
  };
}

function mockRepoConfig(yaml: string): void {
  nock(API).get(`${REPO_PATH}/contents/.github%2Fguardrail.yml`).reply(200, yaml, RAW);
  mockOrgConfig(null);
}

function mockHeadRuns(statuses: string[]): void {
  nock(API)
    .get(`${REPO_PATH}/actions/runs`)
    .query({ head_sha: HEAD_SHA, per_page: "100" })
    .reply(200, {
      total_count: statuses.length,
      workflow_runs: statuses.map((status, i) => ({ id: 9001 + i, status, head_sha: HEAD_SHA })),
    });
}

interface CheckBody {
  name?: string;
  status: string;
  conclusion?: string;
  head_sha?: string;
  output: { title: string; summary: string };
}

/** pull_request event → the open job: the scanner check is created in progress. */
async function openPullRequest(yaml: string, files = FILES): Promise<CheckBody[]> {
  mockRepoConfig(yaml);
  mockPullFiles(7, files);
  const created = capture<CheckBody>("post", `${REPO_PATH}/check-runs`, () => [201, { id: 5150 }]);
  await harness.app.probot.receive({
    id: `pr-${Math.random()}`,
    name: "pull_request",
    payload: pullRequestEvent("opened") as never,
  });
  await harness.app.runJobs();
  return created;
}

/** A Semgrep workflow run of the head is analysed: Guardrail's own check, then the tick. */
async function analyseSemgrep(yaml: string): Promise<void> {
  mockPullAnalysis({ run: { pullNumbers: [7] }, sarif: SEMGREP, files: FILES, config: yaml });
  captureReview(7);
  captureCheckRun();
  await deliverRun(harness.app, { pullNumbers: [7] });
  await harness.app.runJobs();
}

function scannerUpdates(): CheckBody[] {
  return capture<CheckBody>("patch", `${REPO_PATH}/check-runs/5150`, () => [200, { id: 5150 }]);
}

describe("required_tools: Guardrail · required scanners", () => {
  it("both tools present → success, as soon as the last one reports", async () => {
    const yaml = "required_tools: [Semgrep, semgrep oss]\n";
    const [created] = await openPullRequest(yaml);
    expect(created).toMatchObject({
      name: SCANNER_CHECK,
      head_sha: HEAD_SHA,
      status: "in_progress",
      output: {
        summary: expect.stringMatching(
          /^waiting for: `Semgrep`, `semgrep oss`/,
        ) as unknown as string,
      },
    });
    const updates = scannerUpdates();
    await analyseSemgrep(yaml);
    expect(updates).toEqual([
      expect.objectContaining({ status: "completed", conclusion: "success" }),
    ]);
    expect(await harness.app.store.requiredTools.get(`${OWNER}/${REPO}`, HEAD_SHA)).toMatchObject({
      status: "completed",
      conclusion: "success",
    });
  });

  it("a missing tool fails with its name once every workflow run of the head completed, and says the PR edited a workflow", async () => {
    const yaml = "required_tools: [Semgrep, Trivy]\n";
    await openPullRequest(yaml, [
      ...FILES,
      { filename: ".github/workflows/trivy.yml", status: "removed", patch: "@@ -1 +0,0 @@\n-x" },
    ]);
    mockHeadRuns(["completed", "completed"]);
    const updates = scannerUpdates();
    await analyseSemgrep(yaml);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      status: "completed",
      conclusion: "failure",
      output: { title: "Missing: Trivy" },
    });
    expect(updates[0]!.output.summary).toContain(
      "❌ Missing required scanner: `Trivy` — every workflow run of this commit has completed without them.",
    );
    expect(updates[0]!.output.summary).toContain(
      "⚠️ This pull request deletes or edits workflow files: `.github/workflows/trivy.yml`.",
    );
    // guardrail_required_tool_missing_total{repo,tool}
    const missing = await harness.app.store.db
      .selectFrom("required_tool_missing")
      .selectAll()
      .execute();
    expect(missing.map((m) => [m.repo, m.tool, Number(m.count)])).toEqual([
      ["acme/shop", "trivy", 1],
    ]);
  });

  it("while other runs are still going the check keeps waiting, naming what it waits for", async () => {
    const yaml = "required_tools: [Semgrep, Trivy]\n";
    await openPullRequest(yaml);
    mockHeadRuns(["completed", "in_progress"]);
    const updates = scannerUpdates();
    await analyseSemgrep(yaml);
    expect(updates).toEqual([
      expect.objectContaining({
        status: "in_progress",
        output: expect.objectContaining({
          summary: expect.stringMatching(/^waiting for: `Trivy`\n\nReported: `Semgrep`\./),
        }),
      }),
    ]);
  });

  it("never stays in progress: at required_tools_timeout the delayed job fails it naming each missing tool", async () => {
    const yaml = "required_tools: [Semgrep, Trivy]\nrequired_tools_timeout: 1s\n";
    await openPullRequest(yaml);
    expect(await harness.app.runJobs()).toBe(0); // the timeout job is not due yet
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    mockHeadRuns(["in_progress"]);
    const updates = scannerUpdates();
    expect(await harness.app.runJobs()).toBe(1);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      status: "completed",
      conclusion: "failure",
      output: { title: "Missing: Semgrep, Trivy" },
    });
    expect(updates[0]!.output.summary).toContain(
      "- `Semgrep` did not report on this commit\n- `Trivy` did not report on this commit",
    );
    expect(updates[0]!.output.summary).toContain("had not reported within required_tools_timeout");
  });

  it("a repository without required tools gets no scanner check", async () => {
    mockRepoConfig("comment_on: added\n");
    await harness.app.probot.receive({
      id: "pr-none",
      name: "pull_request",
      payload: pullRequestEvent("synchronize") as never,
    });
    expect(await harness.app.runJobs()).toBe(1);
  });
});
