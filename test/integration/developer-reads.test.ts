import { describe, expect, it } from "@jest/globals";
import nock from "nock";
import { parseMarker } from "../../src/report/marker.js";
import {
  capture,
  mockArtifacts,
  mockConfig,
  mockNoCheckRuns,
  mockPull,
  mockPullFiles,
  mockRun,
  mockThreads,
  REPO_PATH,
} from "../helpers/github-mocks.js";
import { deliverRun, useTestApp } from "../helpers/integration.js";
import { BASE_SHA, reviewCommentCreated } from "../helpers/payloads.js";
import { API } from "../helpers/test-app.js";
import { zipOf } from "../helpers/zip.js";
import { addedPatch, mockSourceAt } from "./identity-mocks.js";
import { analysePull, fixture, lines } from "./real-sarif.js";

const harness = useTestApp();
const TF = "modules/storage_account/main.tf";
const CHECKOV = fixture("sarif/checkov/checkov-3.2.495-terraform-azure.sarif");
const THREAD = 100;

async function checkovThread(): Promise<{ body: string; ids: string[] }> {
  const { reviews } = await analysePull(harness.app, {
    sarif: CHECKOV,
    files: { [TF]: lines(12) },
  });
  const body = reviews[0]?.comments[0]?.body ?? "";
  return { body, ids: parseMarker(body)?.ids ?? [] };
}

/** A reply in the grouped thread by a writer, with the re-judgement it triggers. */
async function replyInThread(root: string, text: string) {
  nock(API)
    .get(`${REPO_PATH}/pulls/comments/${THREAD}`)
    .reply(200, { id: THREAD, body: root, user: { login: "guardrail[bot]", type: "Bot" } });
  nock(API).post(`${REPO_PATH}/pulls/comments/6001/reactions`).reply(201, { id: 1 });
  nock(API)
    .get(`${REPO_PATH}/collaborators/alice/permission`)
    .reply(200, { permission: "write", role_name: "write", user: { login: "alice" } });
  mockConfig();
  mockPull({ number: 7 });
  mockPullFiles(7, [{ filename: TF, patch: addedPatch(lines(12)) }]);
  mockThreads([{ id: "T1", commentId: THREAD, body: root }]);
  const patches = capture<{ conclusion: string; output: { title: string } }>(
    "patch",
    `${REPO_PATH}/check-runs/1`,
    () => [200, { id: 1 }],
  );
  const resolved = capture("post", "/graphql", () => [200, { data: {} }]);
  const replies = capture<{ body: string }>(
    "post",
    `${REPO_PATH}/pulls/7/comments/${THREAD}/replies`,
    () => [201, { id: 6002 }],
  );
  const payload = reviewCommentCreated({ pullNumber: 7, body: text, inReplyToId: THREAD });
  await harness.app.probot.receive({
    id: "cmd",
    name: "pull_request_review_comment",
    payload: payload as never,
  });
  await harness.app.runJobs();
  return { patches, resolved, replies };
}

describe("commands in a grouped comment", () => {
  it("naming ids suppresses only those; the thread stays open while others remain", async () => {
    const { body, ids } = await checkovThread();
    const [first, second] = ids;
    const { patches, resolved, replies } = await replyInThread(
      body,
      `/fp ${first} ${second} both are enforced by the subscription's policy`,
    );
    const stored = await harness.app.store.suppressions.listActive("acme/shop", new Date());
    expect(stored.map((s) => s.findingId).sort()).toEqual([first, second].sort());
    expect(replies[0]?.body.match(/🔕 Suppressed/g)).toHaveLength(2);
    expect(patches[0]?.output.title).toBe("9 high block");
    nock.cleanAll(); // the resolve mutation was offered, and must not have been called
    expect(resolved).toEqual([]);
  });

  it("without ids applies to every finding and resolves the thread", async () => {
    const { body } = await checkovThread();
    const { patches, resolved } = await replyInThread(
      body,
      "/ar sandbox subscription, deleted nightly",
    );
    expect(await harness.app.store.suppressions.listActive("acme/shop", new Date())).toHaveLength(
      11,
    );
    expect(patches[0]).toMatchObject({ conclusion: "success" });
    expect(resolved).toHaveLength(1);
  });
});

describe("what the check run and review say", () => {
  it("a scanner failure is named in the summary and the check is not success", async () => {
    const { checks } = await analysePull(harness.app, {
      sarif: fixture("sarif/semgrep/semgrep-snapshot-errors-no-results.sarif"),
      files: {},
    });
    expect(checks[0]?.conclusion).toBe("neutral");
    expect(checks[0]?.output.title).toBe("Incomplete: Semgrep OSS did not analyse every file");
    expect(checks[0]?.output.summary).toContain(
      "Semgrep OSS reported errors while it ran, so some files were not analysed: 1 error: “File not found: targets/basic/inexistent.py”",
    );
  });

  it("ESLint that could not parse 3 files (executionSuccessful false): not a silent green", async () => {
    // Its results name absolute paths: the commit's tree places them; every one is suppressed.
    mockSourceAt("a".repeat(40), {
      "src/iframeResizer.js": lines(1100),
      "src/iframeResizer.contentWindow.js": lines(1200),
    });
    const { checks } = await analysePull(harness.app, {
      sarif: fixture("sarif-derived/eslint-8.56.0-parse-errors.sarif"),
      files: {},
    });
    expect(checks[0]?.conclusion).toBe("neutral");
    expect(checks[0]?.output.title).toBe("Incomplete: ESLint did not analyse every file");
    expect(checks[0]?.output.summary).toMatch(
      /ESLint reported that it did not complete \(executionSuccessful: false\), so some files were not analysed: 3 errors in 3 files: “Parsing error: Unexpected token \.”/,
    );
    expect(checks[0]?.output.summary).toContain("### Suppressed (12)");
  });

  it("the review links to its check run, written first", async () => {
    mockRun({ pullNumbers: [7] });
    mockConfig();
    mockArtifacts([{ id: 9001, name: "scan-sarif", zip: zipOf({ "scan.sarif": CHECKOV }) }]);
    mockPull({ number: 7 }, 2);
    mockPullFiles(7, [{ filename: TF, patch: addedPatch(lines(12)) }]);
    nock(API).get(`${REPO_PATH}/pulls/7/comments`).query(true).reply(200, []);
    mockSourceAt("a".repeat(40), { [TF]: lines(12) });
    mockNoCheckRuns();
    const url = "https://github.com/acme/shop/runs/4242";
    capture("post", `${REPO_PATH}/check-runs`, () => [201, { id: 4242, html_url: url }]);
    const reviews = capture<{ body: string }>("post", `${REPO_PATH}/pulls/7/reviews`, () => [
      200,
      { id: 1 },
    ]);
    await deliverRun(harness.app, { pullNumbers: [7] });
    await harness.app.runJobs();
    expect(reviews[0]?.body).toContain(`[The check run](${url}) has the full summary.`);
  });

  it("a push speaks of the branch, never of a diff", async () => {
    const push = {
      runId: 500,
      event: "push",
      headBranch: "main",
      headSha: BASE_SHA,
      pullNumbers: [],
    };
    mockRun(push);
    mockConfig();
    mockArtifacts([{ id: 500, name: "scan-sarif", zip: zipOf({ "scan.sarif": CHECKOV }) }], 500);
    mockSourceAt(BASE_SHA, { [TF]: lines(12) });
    mockNoCheckRuns();
    const checks = capture<{ output: { title: string; summary: string; text?: string } }>(
      "post",
      `${REPO_PATH}/check-runs`,
      () => [201, { id: 1 }],
    );
    await deliverRun(harness.app, push);
    await harness.app.runJobs();
    const { title, summary, text } = checks[0]?.output ?? { title: "", summary: "" };
    expect(summary).toContain("on `main`");
    expect(summary).toContain("The branch as pushed, no pull request");
    expect(`${title}\n${summary}\n${text ?? ""}`).not.toMatch(/\bdiff\b|this pull request/i);
  });
});
