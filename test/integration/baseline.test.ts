import { describe, expect, it } from "@jest/globals";
import {
  captureCheckRun,
  captureReview,
  mockArtifacts,
  mockConfig,
  mockPull,
  mockPullFiles,
  mockRun,
  mockReviewComments,
} from "../helpers/github-mocks.js";
import nock from "nock";
import { REPO_PATH } from "../helpers/github-mocks.js";
import { deliverRun, useTestApp } from "../helpers/integration.js";
import { API } from "../helpers/test-app.js";
import { BASE_SHA } from "../helpers/payloads.js";
import { sarifLog, type ResultSpec } from "../helpers/sarif.js";
import { zipOf } from "../helpers/zip.js";

const harness = useTestApp();
const OLD: ResultSpec = { uri: "src/db.js", startLine: 12, lineHash: "1111:1" };
const NEW: ResultSpec = {
  uri: "src/db.js",
  startLine: 13,
  ruleId: "js.xss",
  level: "note",
  lineHash: "2222:1",
};
const PATCH = "@@ -10,2 +10,4 @@\n a\n b\n+old finding, moved here by the PR\n+new finding";

function analysis(run: Parameters<typeof mockRun>[0], results: ResultSpec[]) {
  mockRun(run);
  mockConfig();
  mockArtifacts(
    [
      {
        id: run?.runId ?? 1,
        name: "semgrep-sarif",
        zip: zipOf({ "semgrep.sarif": sarifLog(results) }),
      },
    ],
    run?.runId,
  );
}

/** A push reads the files of findings new to the baseline: the tracker keeps their lines. */
function mockSource(sha: string): void {
  const source = Array.from({ length: 14 }, (_, i) => `line ${i + 1}`).join("\n");
  const blob = "b".repeat(40);
  nock(API)
    .get(`${REPO_PATH}/git/trees/${sha}`)
    .query({ recursive: "true" })
    .reply(200, {
      sha,
      truncated: false,
      tree: [{ path: "src/db.js", type: "blob", sha: blob, size: source.length }],
    });
  nock(API)
    .get(`${REPO_PATH}/git/blobs/${blob}`)
    .reply(200, { sha: blob, encoding: "base64", content: Buffer.from(source).toString("base64") });
}

describe("baselines", () => {
  it("a push to the default branch sets the baseline; a PR then gates only on what is new", async () => {
    const push = {
      runId: 500,
      event: "push",
      headBranch: "main",
      headSha: BASE_SHA,
      pullNumbers: [],
    };
    analysis(push, [OLD]);
    mockSource(BASE_SHA);
    const pushChecks = captureCheckRun(1);
    await deliverRun(harness.app, push);
    await harness.app.runJobs();
    expect(pushChecks[0]).toMatchObject({ head_sha: BASE_SHA, conclusion: "success" });
    expect((await harness.app.store.baselines.get("acme/shop", "main"))?.get("semgrep")?.size).toBe(
      1,
    );

    const pr = { runId: 501, pullNumbers: [7] };
    analysis(pr, [OLD, NEW]);
    mockPull({ number: 7 }, 2);
    mockPullFiles(7, [{ filename: "src/db.js", patch: PATCH }]);
    mockReviewComments(7);
    const reviews = captureReview(7);
    const prChecks = captureCheckRun(2);
    await deliverRun(harness.app, pr);
    await harness.app.runJobs();

    // The old high finding sits on an added line, but the baseline knows it: it neither gates nor is commented.
    const comments = (reviews[0] as { comments: { body: string }[] }).comments;
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain("js.xss");
    expect(prChecks[0]).toMatchObject({ conclusion: "neutral" });
  });
});
