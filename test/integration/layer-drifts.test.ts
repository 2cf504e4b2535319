import { describe, expect, it } from "@jest/globals";
import nock from "nock";
import { collectFindings } from "../../src/cli/collect-findings.js";
import { readSarif } from "../../src/sarif/read-sarif.js";
import { API } from "../helpers/test-app.js";
import {
  capture,
  captureCheckRun,
  captureReview,
  mockArtifacts,
  mockConfig,
  mockNoCheckRuns,
  mockPull,
  mockPullFiles,
  mockReviewComments,
  mockRun,
  mockThreads,
  REPO_PATH,
} from "../helpers/github-mocks.js";
import { deliverRun, useTestApp } from "../helpers/integration.js";
import { HEAD_SHA, issueCommentCreated } from "../helpers/payloads.js";
import { DB_PATCH, sarifLog } from "../helpers/sarif.js";
import { zipOf } from "../helpers/zip.js";

const FILES = [{ filename: "src/db.js", patch: DB_PATCH }];
const SARIF = sarifLog([{ uri: "src/db.js", startLine: 12, lineHash: "1:1" }]);

describe("the final-failure report", () => {
  const harness = useTestApp({ maxAttempts: 1 });

  it("updates the analysis's own check run, named after its workflow, instead of adding a `Guardrail` one", async () => {
    // Another workflow reported on this commit first, so this one's check is "Guardrail · CodeQL".
    await harness.app.store.analyses.save({
      repo: "acme/shop",
      installationId: 77,
      runId: 8000,
      runAttempt: 1,
      workflowName: "Security scan",
      event: "pull_request",
      headSha: HEAD_SHA,
      headBranch: "feature",
      headRepo: "acme/shop",
      isFork: false,
      prNumbers: [],
      findings: [],
      notes: {},
      checkRunId: 40,
      createdAt: new Date(),
    });
    const codeql = { runId: 9002, name: "CodeQL", pullNumbers: [] };
    mockRun(codeql);
    mockConfig();
    nock(API)
      .get(`${REPO_PATH}/actions/runs/9002/artifacts`)
      .query(true)
      .reply(500, { message: "Server Error" });
    mockRun(codeql);
    // An earlier try of this analysis made its check run before failing.
    nock(API)
      .get(`${REPO_PATH}/commits/${HEAD_SHA}/check-runs`)
      .query({ check_name: "Guardrail · CodeQL", filter: "all", per_page: "100" })
      .reply(200, {
        total_count: 1,
        check_runs: [{ id: 55, external_id: "9002:1", app: { slug: "guardrail" } }],
      });
    const patches = capture("patch", `${REPO_PATH}/check-runs/55`, () => [200, { id: 55 }]);

    await deliverRun(harness.app, codeql);
    await harness.app.runJobs();

    expect(patches).toHaveLength(1);
    expect(patches[0]).toMatchObject({
      conclusion: "failure",
      output: { title: "Guardrail could not analyse this run" },
    });
  });
});

describe("two pull requests sharing a head", () => {
  const harness = useTestApp();

  it("a command on the second re-judges into the second's check run", async () => {
    mockRun({ pullNumbers: [7, 8] });
    mockConfig();
    mockArtifacts([{ id: 9001, name: "semgrep-sarif", zip: zipOf({ "semgrep.sarif": SARIF }) }]);
    for (const number of [7, 8]) {
      mockPull({ number }, 2);
      mockPullFiles(number, FILES);
      mockReviewComments(number);
      mockNoCheckRuns();
    }
    const reviews = [captureReview(7), captureReview(8)];
    const checks = capture("post", `${REPO_PATH}/check-runs`, (_, i) => [201, { id: i + 1 }], 2);
    await deliverRun(harness.app, { pullNumbers: [7, 8] });
    await harness.app.runJobs();
    expect(checks.map((c) => c.name)).toEqual(["Guardrail (#7)", "Guardrail (#8)"]);
    const body = (reviews[1]![0] as { comments: { body: string }[] }).comments[0]!.body;
    const id = /GR-[0-9a-f]{8}/.exec(body)![0];

    nock(API).post(`${REPO_PATH}/issues/comments/5001/reactions`).reply(201, { id: 1 });
    nock(API)
      .get(`${REPO_PATH}/collaborators/alice/permission`)
      .reply(200, { permission: "write", role_name: "write", user: { login: "alice" } });
    mockConfig();
    mockPull({ number: 8 });
    mockPullFiles(8, FILES);
    mockThreads();
    const patches = capture("patch", `${REPO_PATH}/check-runs/2`, () => [200, { id: 2 }]);
    const replies = capture<{ body: string }>("post", `${REPO_PATH}/issues/8/comments`, () => [
      201,
      {},
    ]);
    const payload = issueCommentCreated({
      pullNumber: 8,
      body: `/guardrail ignore ${id} fp escaped upstream`,
    });
    await harness.app.probot.receive({
      id: "pr-8",
      name: "issue_comment",
      payload: payload as never,
    });
    await harness.app.runJobs();

    expect(patches[0]).toMatchObject({ conclusion: "success" });
    expect(replies[0]?.body).toContain("Check run updated: **success**");
  });
});

describe("the app and the CLI", () => {
  const harness = useTestApp();

  it("report the same findings for two SARIF files that repeat one result", async () => {
    // One scanner's result written twice (a re-upload, or two configs of one tool).
    const files = { "first.sarif": SARIF, "second.sarif": SARIF };
    mockRun({ pullNumbers: [7] });
    mockConfig();
    mockArtifacts([{ id: 9001, name: "semgrep-sarif", zip: zipOf(files) }]);
    mockPull({ number: 7 }, 2);
    mockPullFiles(7, FILES);
    mockReviewComments(7);
    const reviews = captureReview(7);
    captureCheckRun();
    await deliverRun(harness.app, { pullNumbers: [7] });
    await harness.app.runJobs();
    expect((reviews[0] as { comments: unknown[] }).comments).toHaveLength(1);
    const stored = await harness.app.store.analyses.getByRun("acme/shop", 9001, 1);
    const app = (stored?.findings ?? []).map((f) => (f as { fingerprint: string }).fingerprint);

    const inputs = Object.entries(files).map(([path, text]) => {
      const read = readSarif(Buffer.from(text), path);
      if (!read.ok) throw new Error(`unreadable test SARIF ${path}`);
      return { path, log: read.log, warnings: [] };
    });
    const cli = await collectFindings(inputs, {
      roots: ["/work/repo"],
      listFiles: () => ["src/db.js"],
      getContent: () => Promise.resolve(null),
    });

    expect(app).toHaveLength(1);
    expect(app).toEqual(cli.findings.map((f) => f.fingerprint));
  });
});
