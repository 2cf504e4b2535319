import { describe, expect, it } from "@jest/globals";
import nock from "nock";
import { API, createTestApp } from "../helpers/test-app.js";
import {
  capture,
  captureCheckRun,
  captureReview,
  REPO_PATH,
  mockPullAnalysis,
  mockThreads,
  type ThreadMock,
} from "../helpers/github-mocks.js";
import { deliverRun, useTestApp } from "../helpers/integration.js";
import { DB_PATCH, sarifLog, type ResultSpec } from "../helpers/sarif.js";

const harness = useTestApp();
// On two lines, so two threads (findings on one line share one comment: grouped-comments.test.ts).
const VIEW_PATCH = "@@ -1,2 +1,3 @@\n a\n+b\n c";
const TWO: ResultSpec[] = [
  { uri: "src/db.js", startLine: 12, lineHash: "1:1" },
  { uri: "src/view.js", startLine: 2, ruleId: "js.xss", lineHash: "2:1" },
];

/** One analysis of run `runAttempt` reporting `results`; Guardrail's existing threads as given. */
function analyse(runAttempt: number, results: ResultSpec[], threads: ThreadMock[] = []) {
  mockPullAnalysis({
    run: { pullNumbers: [7], runAttempt },
    sarif: sarifLog(results),
    files: [
      { filename: "src/db.js", patch: DB_PATCH },
      { filename: "src/view.js", patch: VIEW_PATCH },
    ],
    pullReads: threads.length === 0 ? 2 : 1,
    threads,
  });
}

async function firstRun(): Promise<{ body: string }[]> {
  analyse(1, TWO);
  const reviews = captureReview(7);
  captureCheckRun(1);
  await deliverRun(harness.app, { pullNumbers: [7], runAttempt: 1 });
  await harness.app.runJobs();
  return (reviews[0] as { comments: { body: string }[] }).comments;
}

describe("re-runs", () => {
  it("writes nothing but the check run when the findings are unchanged", async () => {
    const comments = await firstRun();
    analyse(
      2,
      TWO,
      comments.map((c, i) => ({ id: `T${i}`, commentId: 100 + i, body: c.body })),
    );
    const checks = captureCheckRun(2);

    await deliverRun(harness.app, { pullNumbers: [7], runAttempt: 2 });
    await harness.app.runJobs();

    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ external_id: "9001:2", conclusion: "failure" });
  });

  it("resolves the thread of a fixed finding with a reply naming the commit", async () => {
    const comments = await firstRun();
    const xss = comments.findIndex((c) => c.body.includes("js.xss"));
    const threads = comments.map((c, i) => ({ id: `T${i}`, commentId: 100 + i, body: c.body }));
    analyse(
      2,
      TWO.filter((r) => r.ruleId !== "js.xss"),
      threads,
    );
    // Something to resolve: only now are the threads themselves (GraphQL) asked for.
    mockThreads(threads);
    captureCheckRun(2);
    const replies = capture<{ body: string }>(
      "post",
      `${REPO_PATH}/pulls/7/comments/${100 + xss}/replies`,
      () => [201, { id: 1 }],
    );
    const resolved = capture<{ query: string; variables: { id: string } }>(
      "post",
      "/graphql",
      () => [200, { data: { resolveReviewThread: { thread: { id: `T${xss}` } } } }],
    );

    await deliverRun(harness.app, { pullNumbers: [7], runAttempt: 2 });
    await harness.app.runJobs();

    expect(replies[0]?.body).toContain("aaaaaaa");
    expect(resolved[0]?.query).toContain("resolveReviewThread");
    expect(resolved[0]?.variables.id).toBe(`T${xss}`);
  });

  it("is not fooled by a marker in a thread someone else started", async () => {
    const comments = await firstRun();
    analyse(
      2,
      TWO,
      comments.map((c, i) => ({
        id: `T${i}`,
        commentId: 100 + i,
        body: c.body,
        author: "mallory",
      })),
    );
    nock(API)
      .get(`${REPO_PATH}/pulls/7`)
      .reply(200, {
        number: 7,
        state: "open",
        head: { sha: "a".repeat(40), ref: "feature", repo: { full_name: "acme/shop" } },
        base: { ref: "main" },
        user: { login: "dev" },
      });
    const reviews = captureReview(7);
    captureCheckRun(2);
    await deliverRun(harness.app, { pullNumbers: [7], runAttempt: 2 });
    await harness.app.runJobs();
    expect((reviews[0] as { comments: unknown[] }).comments).toHaveLength(2);
  });

  it("still knows its own threads when the App's slug cannot be read", async () => {
    const comments = await firstRun();
    nock.removeInterceptor({
      hostname: "api.github.com",
      path: "/app",
      method: "GET",
      proto: "https",
    });
    const slug = nock(API).get("/app").reply(404, { message: "Not Found" });
    // a new process: the slug is read again, and fails
    const fresh = await createTestApp({ store: harness.app.store });
    analyse(
      2,
      TWO,
      comments.map((c, i) => ({ id: `T${i}`, commentId: 100 + i, body: c.body })),
    );
    const checks = captureCheckRun(2);
    await deliverRun(fresh, { pullNumbers: [7], runAttempt: 2 });
    await fresh.runJobs();
    expect(slug.isDone()).toBe(true);
    expect(checks).toHaveLength(1); // and no second review: nock has no mock for one
  });
});
