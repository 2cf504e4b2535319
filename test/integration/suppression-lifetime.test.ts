import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { openStore } from "../../src/store/open-store.js";
import {
  capture,
  captureCheckRun,
  captureReview,
  mockConfig,
  mockPull,
  mockPullFiles,
  mockThreads,
  REPO_PATH,
  mockPullAnalysis,
} from "../helpers/github-mocks.js";
import { deliverRun } from "../helpers/integration.js";
import { checkRunRerequested, issueCommentCreated } from "../helpers/payloads.js";
import { DB_PATCH, sarifLog } from "../helpers/sarif.js";
import { API, createTestApp, mockAppAuth, type TestApp } from "../helpers/test-app.js";

const SARIF = sarifLog([
  { uri: "src/db.js", startLine: 12, lineHash: "1:1" },
  // in a file the PR does not touch: reported only in the summary, never commented
  { uri: "src/legacy.js", startLine: 40, ruleId: "js.xss", lineHash: "9:1" },
]);
let dir: string;

beforeAll(() => {
  nock.disableNetConnect();
  dir = mkdtempSync(join(tmpdir(), "guardrail-lifetime-"));
});
afterAll(() => {
  nock.enableNetConnect();
  rmSync(dir, { recursive: true, force: true });
});

async function appOnDisk(file = "g.db"): Promise<TestApp> {
  const app = await createTestApp({ store: await openStore(`sqlite:${join(dir, file)}`) });
  mockAppAuth();
  return app;
}

function analysisOf(pull: number, runId: number, pullReads = 2): void {
  const files = [{ filename: "src/db.js", patch: DB_PATCH }];
  mockPullAnalysis({ run: { runId, pullNumbers: [pull] }, sarif: SARIF, files, pullReads });
}

function done(): void {
  const pending = nock
    .pendingMocks()
    .filter((m) => !m.includes("/access_tokens") && !m.endsWith("/app"));
  nock.cleanAll();
  expect(pending).toEqual([]);
}

describe("a suppression's lifetime", () => {
  it("survives a restart and applies to the same finding in another PR", async () => {
    const first = await appOnDisk();
    analysisOf(7, 9001);
    const reviews = captureReview(7);
    captureCheckRun(1);
    await deliverRun(first, { runId: 9001, pullNumbers: [7] });
    await first.runJobs();
    const id = /GR-[0-9a-f]{8}/.exec(
      (reviews[0] as { comments: { body: string }[] }).comments[0]!.body,
    )![0];

    nock(API).post(`${REPO_PATH}/issues/comments/5001/reactions`).reply(201, {});
    nock(API)
      .get(`${REPO_PATH}/collaborators/alice/permission`)
      .reply(200, { permission: "write", role_name: "write" });
    mockConfig();
    mockPull({ number: 7 });
    mockPullFiles(7, [{ filename: "src/db.js", patch: DB_PATCH }]);
    mockThreads();
    capture("patch", `${REPO_PATH}/check-runs/1`, () => [200, {}]);
    capture("post", `${REPO_PATH}/issues/7/comments`, () => [201, {}]);
    await first.probot.receive({
      id: "cmd",
      name: "issue_comment",
      payload: issueCommentCreated({
        pullNumber: 7,
        body: `/guardrail ignore ${id} fp escaped upstream`,
      }) as never,
    });
    await first.runJobs();
    await first.close();
    done();

    const second = await appOnDisk();
    analysisOf(8, 9002, 1);
    const checks = captureCheckRun(2);
    await deliverRun(second, { runId: 9002, pullNumbers: [8] });
    await second.runJobs();
    await second.close();
    done();

    // No review (nothing new and unsuppressed to comment on) and a green check.
    expect(checks[0]).toMatchObject({ conclusion: "success" });
    expect((checks[0] as { output: { summary: string } }).output.summary).toContain(
      "escaped upstream",
    );
  });

  it("an approval made before a restart still holds after it", async () => {
    const approval =
      'suppressions:\n  approval:\n    required_for: high\n    approvers: ["@acme/security"]\n';
    const first = await appOnDisk("approval.db");
    analysisOf(7, 9011);
    const reviews = captureReview(7);
    captureCheckRun(1);
    await deliverRun(first, { runId: 9011, pullNumbers: [7] });
    await first.runJobs();
    const id = /GR-[0-9a-f]{8}/.exec(
      (reviews[0] as { comments: { body: string }[] }).comments[0]!.body,
    )![0];

    const command = async (login: string, commentId: number, body: string) => {
      nock(API).post(`${REPO_PATH}/issues/comments/${commentId}/reactions`).reply(201, {});
      mockConfig(approval);
      mockPull({ number: 7 });
      mockPullFiles(7, [{ filename: "src/db.js", patch: DB_PATCH }]);
      mockThreads();
      const checks = capture("patch", `${REPO_PATH}/check-runs/1`, () => [200, {}]);
      capture("post", `${REPO_PATH}/issues/7/comments`, () => [201, {}]);
      await first.probot.receive({
        id: `cmd-${commentId}`,
        name: "issue_comment",
        payload: issueCommentCreated({ pullNumber: 7, body, login, commentId }) as never,
      });
      await first.runJobs();
      return checks;
    };
    nock(API)
      .get(`${REPO_PATH}/collaborators/alice/permission`)
      .reply(200, { permission: "write", role_name: "write" });
    const requested = await command("alice", 5001, `/guardrail ignore ${id} fp escaped upstream`);
    expect(requested[0]).toMatchObject({ conclusion: "failure" });
    nock(API)
      .get("/orgs/acme/teams/security/memberships/carol")
      .reply(200, { state: "active", role: "member" });
    const approved = await command("carol", 5002, `/guardrail approve ${id} checked`);
    expect(approved[0]).toMatchObject({ conclusion: "success" });
    await first.close();
    done();

    const second = await appOnDisk("approval.db");
    analysisOf(8, 9012, 1);
    const checks = captureCheckRun(2);
    await deliverRun(second, { runId: 9012, pullNumbers: [8] });
    await second.runJobs();
    await second.close();
    done();
    expect(checks[0]).toMatchObject({ conclusion: "success" });
  });

  it("check_run.rerequested analyses the same run attempt again and updates its check run", async () => {
    const app = await appOnDisk("rerun.db");
    analysisOf(9, 9003);
    nock(API)
      .get(/\/commits\/[0-9a-f]{40}\/check-runs/)
      .reply(200, {
        total_count: 1,
        check_runs: [{ id: 44, external_id: "9003:1", app: { slug: "guardrail" } }],
      });
    const updates = capture<{ conclusion: string }>("patch", `${REPO_PATH}/check-runs/44`, () => [
      200,
      {},
    ]);
    captureReview(9);
    await app.probot.receive({
      id: "rerun",
      name: "check_run",
      payload: checkRunRerequested({ externalId: "9003:1" }) as never,
    });
    await app.runJobs();
    await app.close();
    done();
    expect(updates[0]?.conclusion).toBe("failure");
  });
});
