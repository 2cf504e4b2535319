import { describe, expect, it } from "@jest/globals";
import nock from "nock";
import { API } from "../helpers/test-app.js";
import {
  capture,
  captureCheckRun,
  captureReview,
  mockArtifacts,
  mockConfig,
  mockPull,
  mockPullFiles,
  mockRun,
  mockReviewComments,
  REPO_PATH,
} from "../helpers/github-mocks.js";
import { deliverRun, emptyBaseline, useTestApp } from "../helpers/integration.js";
import { HEAD_SHA, pullRequestApi } from "../helpers/payloads.js";
import { DB_PATCH, sarifLog } from "../helpers/sarif.js";
import { zipOf } from "../helpers/zip.js";

const harness = useTestApp();

function artifactWith(results: Parameters<typeof sarifLog>[0]) {
  mockArtifacts([
    { id: 11, name: "semgrep-sarif", zip: zipOf({ "semgrep.sarif": sarifLog(results) }) },
  ]);
}

describe("pull requests from forks", () => {
  it("finds the PR by <fork owner>:<branch> and the head SHA, and reviews it", async () => {
    const fork = { headRepo: "mallory/shop", headBranch: "patch-1" };
    mockRun({ ...fork, pullNumbers: [] });
    mockConfig();
    artifactWith([{ uri: "src/db.js", startLine: 12, lineHash: "1:1" }]);
    nock(API)
      .get(`${REPO_PATH}/pulls`)
      .query({ state: "open", head: "mallory:patch-1", per_page: "100" })
      .reply(200, [
        pullRequestApi({
          number: 40,
          headSha: "f".repeat(40),
          headRepo: "mallory/shop",
          headRef: "patch-1",
        }),
        pullRequestApi({ number: 41, headRepo: "mallory/shop", headRef: "patch-1" }),
      ]);
    mockPull({ number: 41, headRepo: "mallory/shop", headRef: "patch-1" });
    mockPullFiles(41, [{ filename: "src/db.js", patch: DB_PATCH }]);
    mockReviewComments(41);
    const reviews = captureReview(41);
    const checks = captureCheckRun();

    await deliverRun(harness.app, { ...fork, pullNumbers: [] });
    await harness.app.runJobs();

    expect(reviews).toHaveLength(1);
    expect(checks[0]).toMatchObject({ head_sha: HEAD_SHA, conclusion: "failure" });
  });
});

describe("placing comments", () => {
  it("never comments on a file without a patch, and annotates it instead", async () => {
    await emptyBaseline(harness.app);
    mockRun({ pullNumbers: [7] });
    mockConfig();
    artifactWith([{ uri: "dist/bundle.min.js", startLine: 1, lineHash: "1:1" }]);
    mockPull({ number: 7 });
    mockPullFiles(7, [{ filename: "dist/bundle.min.js" }]);
    mockReviewComments(7);
    const checks = captureCheckRun();

    await deliverRun(harness.app, { pullNumbers: [7] });
    await harness.app.runJobs();

    const output = (checks[0] as { output: { annotations: Record<string, unknown>[] } }).output;
    expect(output.annotations).toEqual([
      expect.objectContaining({ path: "dist/bundle.min.js", start_line: 1 }),
    ]);
  });

  it("spans a multi-line finding with start_line inside one hunk", async () => {
    const patch = "@@ -1,2 +1,5 @@\n keep\n+one\n+two\n+three\n keep";
    mockRun({ pullNumbers: [7] });
    mockConfig();
    artifactWith([{ uri: "app.js", startLine: 2, endLine: 4, lineHash: "1:1" }]);
    mockPull({ number: 7 }, 2);
    mockPullFiles(7, [{ filename: "app.js", patch }]);
    mockReviewComments(7);
    const reviews = captureReview(7);
    captureCheckRun();

    await deliverRun(harness.app, { pullNumbers: [7] });
    await harness.app.runJobs();

    const comments = (reviews[0] as { comments: Record<string, unknown>[] }).comments;
    expect(comments[0]).toMatchObject({
      path: "app.js",
      start_line: 2,
      start_side: "RIGHT",
      line: 4,
      side: "RIGHT",
    });
  });

  it("posts the check run but no review when the PR head moved on", async () => {
    mockRun({ pullNumbers: [7] });
    mockConfig();
    artifactWith([{ uri: "src/db.js", startLine: 12, lineHash: "1:1" }]);
    mockPull({ number: 7 });
    nock(API)
      .get(`${REPO_PATH}/pulls/7`)
      .reply(200, pullRequestApi({ number: 7, headSha: "e".repeat(40) }));
    mockPullFiles(7, [{ filename: "src/db.js", patch: DB_PATCH }]);
    mockReviewComments(7);
    const checks = captureCheckRun();

    await deliverRun(harness.app, { pullNumbers: [7] });
    await harness.app.runJobs();

    const output = checks[0] as {
      head_sha: string;
      output: { annotations: Record<string, unknown>[] };
    };
    expect(output.head_sha).toBe(HEAD_SHA);
    expect(output.output.annotations).toEqual([
      expect.objectContaining({ path: "src/db.js", start_line: 12 }),
    ]);
  });
});

describe("GitHub refusing or failing a review", () => {
  // On two lines, so two comments (findings on one line share one comment).
  const VIEW_PATCH = "@@ -1,2 +1,3 @@\n a\n+b\n c";
  const results = [
    { uri: "src/db.js", startLine: 12, lineHash: "1:1" },
    { uri: "src/view.js", startLine: 2, ruleId: "js.xss", lineHash: "2:1" },
  ];

  it("moves the one comment GitHub rejects (422) to an annotation and posts the rest", async () => {
    mockRun({ pullNumbers: [7] });
    mockConfig();
    artifactWith(results);
    mockPull({ number: 7 }, 2);
    mockPullFiles(7, [
      { filename: "src/db.js", patch: DB_PATCH },
      { filename: "src/view.js", patch: VIEW_PATCH },
    ]);
    mockReviewComments(7);
    const isXss = (body: { comments: { body: string }[] }) =>
      body.comments.some((c) => c.body.includes("js.xss"));
    const posted = capture<{ event?: string; comments: { body: string }[] }>(
      "post",
      `${REPO_PATH}/pulls/7/reviews`,
      (body) =>
        isXss(body)
          ? [422, { message: "Unprocessable Entity", errors: ["Line could not be resolved"] }]
          : [200, { id: body.event ? 900 : 901 }],
      4,
    );
    nock(API).delete(`${REPO_PATH}/pulls/7/reviews/901`).reply(200, {});
    const checks = captureCheckRun();
    // The check run is written before the review (so the review can link to it); the refused
    // comment reaches it in one more write.
    const updates = capture("patch", `${REPO_PATH}/check-runs/31337`, () => [200, { id: 31337 }]);

    await deliverRun(harness.app, { pullNumbers: [7] });
    await harness.app.runJobs();

    const final = posted.at(-1);
    expect(final?.event).toBe("COMMENT");
    expect(final?.comments).toHaveLength(1);
    expect(final?.comments[0]?.body).toContain("js.sqli");
    expect(checks).toHaveLength(1);
    const annotations = (updates[0] as { output: { annotations: { title: string }[] } }).output
      .annotations;
    expect(annotations.map((a) => a.title).join()).toContain("js.xss");
    expect((updates[0] as { output: { summary: string } }).output.summary).toContain(
      "In the diff: 1 inline comment, 1 annotation.",
    );
  });

  it("does not post a duplicate review when a 502 hid a review that was created", async () => {
    mockRun({ pullNumbers: [7] });
    mockConfig();
    artifactWith(results.slice(0, 1));
    mockPull({ number: 7 }, 2);
    mockPullFiles(7, [{ filename: "src/db.js", patch: DB_PATCH }]);
    mockReviewComments(7);
    const posted = capture("post", `${REPO_PATH}/pulls/7/reviews`, () => [
      502,
      { message: "Bad Gateway" },
    ]);
    nock(API)
      .get(`${REPO_PATH}/pulls/7/reviews`)
      .query({ per_page: "100" })
      .reply(200, [{ id: 77, body: "Guardrail <!-- guardrail:review run=9001:1 pr=7 -->" }]);
    captureCheckRun();

    await deliverRun(harness.app, { pullNumbers: [7] });
    await harness.app.runJobs();
    expect(posted).toHaveLength(1);
  });
});
