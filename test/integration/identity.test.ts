import { describe, expect, it } from "@jest/globals";
import nock from "nock";
import {
  capture,
  captureCheckRun,
  captureReview,
  mockConfig,
  mockArtifacts,
  mockPull,
  mockPullAnalysis,
  mockPullFiles,
  mockRun,
  mockReviewComments,
  mockThreads,
  REPO_PATH,
  type PullFile,
  type ThreadMock,
} from "../helpers/github-mocks.js";
import { deliverRun, emptyBaseline, useTestApp } from "../helpers/integration.js";
import { BASE_SHA, issueCommentCreated } from "../helpers/payloads.js";
import { sarifLog, type ResultSpec } from "../helpers/sarif.js";
import { API } from "../helpers/test-app.js";
import { zipOf } from "../helpers/zip.js";
import { addedPatch, mockSourceAt } from "./identity-mocks.js";

/**
 * Identity across real edits at the HTTP boundary (design.md Part 2 "Identity"). Findings carry
 * no line hash, as Trivy's or Checkov's do not: Guardrail computes it from the files it reads.
 */
const harness = useTestApp();
const HANDLER = [
  'const express = require("express");',
  "function handler(req, res) {",
  "  const config = load(req.query.config);",
  "  db.query(config);",
  '  return res.send("ok");',
  "}",
  "module.exports = { handler };",
  "",
].join("\n");

type Check = {
  conclusion: string;
  output: { summary: string; annotations?: { message: string }[] };
};

/** A push to main analysed: its findings become main's baseline. */
async function pushToMain(files: Record<string, string>, results: ResultSpec[]): Promise<void> {
  const push = {
    runId: 500,
    event: "push",
    headBranch: "main",
    headSha: BASE_SHA,
    pullNumbers: [],
  };
  mockRun(push);
  mockConfig();
  mockArtifacts(
    [{ id: 500, name: "semgrep-sarif", zip: zipOf({ "semgrep.sarif": sarifLog(results) }) }],
    500,
  );
  mockSourceAt(BASE_SHA, files);
  captureCheckRun(1);
  await deliverRun(harness.app, push);
  await harness.app.runJobs();
}

/** mockPullAnalysis, with the PR's head at the run's head (a push to the PR moves both). */
function pullRun(options: {
  run: { runId: number; pullNumbers: number[]; headSha: string };
  sarif: string;
  files: PullFile[];
  pullReads: number;
  threads: ThreadMock[];
}): void {
  const { run } = options;
  mockRun(run);
  mockConfig();
  mockArtifacts(
    [{ id: run.runId, name: "semgrep-sarif", zip: zipOf({ "semgrep.sarif": options.sarif }) }],
    run.runId,
  );
  mockPull({ number: 7, headSha: run.headSha }, options.pullReads);
  mockPullFiles(7, options.files);
  mockReviewComments(7, options.threads);
}

async function storedFindings(pr: number) {
  const record = await harness.app.store.analyses.latestForPr("acme/shop", pr);
  return (record?.findings ?? []) as {
    fingerprint: string;
    id: string;
    location: { region?: { startLine: number } };
  }[];
}

describe("identity across edits", () => {
  it("a baseline finding survives a rename plus an edit on the next line: not new, not gating, not commented", async () => {
    await pushToMain({ "src/app.js": HANDLER }, [{ uri: "src/app.js", startLine: 4 }]);
    const [base] = (await harness.app.store.baselines.entries("acme/shop", "main")) ?? [];
    const edited = HANDLER.replace('res.send("ok")', 'res.status(200).send("done")');
    const patch =
      '@@ -3,3 +3,3 @@\n   const config = load(req.query.config);\n   db.query(config);\n-  return res.send("ok");\n+  return res.status(200).send("done");';

    mockPullAnalysis({
      run: { pullNumbers: [7] },
      sarif: sarifLog([{ uri: "lib/handler.js", startLine: 4 }]),
      files: [
        { filename: "lib/handler.js", status: "renamed", previous_filename: "src/app.js", patch },
      ],
      pullReads: 1, // no review to post, so the PR is not read again
    });
    mockSourceAt("a".repeat(40), { "lib/handler.js": edited });
    const checks = captureCheckRun(2) as Check[];
    await deliverRun(harness.app, { pullNumbers: [7] });
    await harness.app.runJobs();

    expect(checks[0]?.conclusion).toBe("success");
    const [finding] = await storedFindings(7);
    expect(finding?.fingerprint).toBe(base?.fingerprint);
  });

  it("a copied block's finding is new and commented once; the original stays pre-existing", async () => {
    await pushToMain({ "src/app.js": HANDLER }, [{ uri: "src/app.js", startLine: 4 }]);
    const copy = HANDLER.split("\n").slice(1, 6).join("\n").replace("handler(", "handlerCopy(");
    const head = `${HANDLER}${copy}\n`;
    const run = (runAttempt: number, threads: { id: string; commentId: number; body: string }[]) =>
      mockPullAnalysis({
        run: { pullNumbers: [7], runAttempt },
        sarif: sarifLog([4, 11].map((startLine) => ({ uri: "src/app.js", startLine }))),
        files: [{ filename: "src/app.js", patch: addedPatch(`${copy}\n`, 8) }],
        pullReads: threads.length === 0 ? 2 : 1,
        threads,
      });
    run(1, []);
    mockSourceAt("a".repeat(40), { "src/app.js": head });
    const reviews = captureReview(7) as { comments: { line: number; body: string }[] }[];
    const checks = captureCheckRun(2) as Check[];
    await deliverRun(harness.app, { pullNumbers: [7] });
    await harness.app.runJobs();

    expect(reviews[0]?.comments.map((c) => c.line)).toEqual([11]);
    expect(checks[0]?.conclusion).toBe("failure");
    const [original, pasted] = await storedFindings(7);
    const [base] = (await harness.app.store.baselines.entries("acme/shop", "main")) ?? [];
    expect(original?.fingerprint).toBe(base?.fingerprint);
    expect(pasted?.fingerprint).not.toBe(base?.fingerprint);

    // A re-run sees its comment: nothing is posted again (nock has no second review).
    run(2, [{ id: "T1", commentId: 101, body: reviews[0]?.comments[0]?.body ?? "" }]);
    mockSourceAt("a".repeat(40), { "src/app.js": head }, true);
    const again = captureCheckRun(3) as Check[];
    await deliverRun(harness.app, { pullNumbers: [7], runAttempt: 2 });
    await harness.app.runJobs();
    expect(again[0]?.conclusion).toBe("failure");
  });

  it("a suppressed finding stays suppressed after lines inserted above and the next line edited: not re-posted, same GR- id", async () => {
    await emptyBaseline(harness.app);
    const first = [
      "function query(db, input) {",
      "  const sql = build(input);",
      "  db.query(sql);",
      "  return sql;",
      "}",
      "",
    ].join("\n");
    const second = `// Queries.\n"use strict";\n${first.replace("return sql;", "return sql.trim();")}`;
    const head1 = "1".repeat(40);
    const head2 = "2".repeat(40);

    pullRun({
      run: { runId: 9101, pullNumbers: [7], headSha: head1 },
      sarif: sarifLog([{ uri: "src/db.js", startLine: 3 }]),
      files: [{ filename: "src/db.js", status: "added", patch: addedPatch(first) }],
      pullReads: 2,
      threads: [],
    });
    mockSourceAt(head1, { "src/db.js": first });
    const reviews = captureReview(7) as { comments: { body: string }[] }[];
    captureCheckRun(1);
    await deliverRun(harness.app, { runId: 9101, pullNumbers: [7], headSha: head1 });
    await harness.app.runJobs();
    const comment = reviews[0]?.comments[0]?.body ?? "";
    const id = /GR-[0-9a-f]{8}/.exec(comment)?.[0];
    expect(id).toBeDefined();

    // /guardrail ignore, from the PR conversation.
    nock(API).post(`${REPO_PATH}/issues/comments/5001/reactions`).reply(201, {});
    nock(API)
      .get(`${REPO_PATH}/collaborators/alice/permission`)
      .reply(200, { permission: "write", role_name: "write" });
    mockConfig();
    mockPull({ number: 7, headSha: head1 });
    mockPullFiles(7, [{ filename: "src/db.js", status: "added", patch: addedPatch(first) }]);
    mockThreads();
    capture("patch", `${REPO_PATH}/check-runs/1`, () => [200, {}]);
    capture("post", `${REPO_PATH}/issues/7/comments`, () => [201, {}]);
    await harness.app.probot.receive({
      id: "ignore",
      name: "issue_comment",
      payload: issueCommentCreated({
        pullNumber: 7,
        body: `/guardrail ignore ${id} fp escaped upstream`,
      }) as never,
    });
    await harness.app.runJobs();

    // The push: two lines above, the line after edited. The finding is on an added line of the
    // PR, so were it a stranger it would be commented (and gate) again.
    pullRun({
      run: { runId: 9102, pullNumbers: [7], headSha: head2 },
      sarif: sarifLog([{ uri: "src/db.js", startLine: 5 }]),
      files: [{ filename: "src/db.js", status: "added", patch: addedPatch(second) }],
      pullReads: 1,
      threads: [{ id: "T1", commentId: 101, body: comment }],
    });
    mockSourceAt(head2, { "src/db.js": second });
    mockThreads([{ id: "T1", commentId: 101, body: comment, isResolved: true }]);
    const checks = captureCheckRun(2) as Check[];
    await deliverRun(harness.app, { runId: 9102, pullNumbers: [7], headSha: head2 });
    await harness.app.runJobs();

    expect(checks[0]?.conclusion).toBe("success");
    expect(checks[0]?.output.summary).toContain("escaped upstream");
    const [finding] = await storedFindings(7);
    expect([finding?.id, finding?.location.region?.startLine]).toEqual([id, 5]);
  });
});
