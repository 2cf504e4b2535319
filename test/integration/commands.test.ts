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
  mockThreads,
  REPO_PATH,
  mockPullAnalysis,
} from "../helpers/github-mocks.js";
import { deliverRun, emptyBaseline, useTestApp } from "../helpers/integration.js";
import { issueCommentCreated, reviewCommentCreated } from "../helpers/payloads.js";
import { DB_PATCH, sarifLog, type ResultSpec } from "../helpers/sarif.js";
import { zipOf } from "../helpers/zip.js";

const harness = useTestApp();
const RESULTS: ResultSpec[] = [
  { uri: "src/db.js", startLine: 12, lineHash: "1:1" },
  // On a context line, with no baseline: pre-existing, shown in no comment, never gating.
  { uri: "src/db.js", startLine: 11, ruleId: "js.xss", lineHash: "2:1" },
];
const THREAD_COMMENT = 100;

/** Analyse PR 7 once (check run 1 fails on the high SQLi finding); returns the posted comment bodies. */
async function analysed(): Promise<{ sqli: string }> {
  const files = [{ filename: "src/db.js", patch: DB_PATCH }];
  mockPullAnalysis({ run: { pullNumbers: [7] }, sarif: sarifLog(RESULTS), files });
  const reviews = captureReview(7);
  const checks = captureCheckRun(1);
  await deliverRun(harness.app, { pullNumbers: [7] });
  await harness.app.runJobs();
  expect(checks[0]).toMatchObject({ conclusion: "failure" });
  const comments = (reviews[0] as { comments: { body: string }[] }).comments;
  expect(comments).toHaveLength(1);
  return { sqli: comments[0]!.body };
}

function mockRole(login: string, permission: string, roleName = permission): void {
  nock(API)
    .get(`${REPO_PATH}/collaborators/${login}/permission`)
    .reply(200, { permission, role_name: roleName, user: { login } });
}

function mockThreadRoot(body: string, login = "guardrail[bot]"): void {
  nock(API)
    .get(`${REPO_PATH}/pulls/comments/${THREAD_COMMENT}`)
    .reply(200, { id: THREAD_COMMENT, body, user: { login, type: "Bot" } });
}

function expectReaction(kind: "pulls" | "issues", commentId: number): void {
  nock(API)
    .post(`${REPO_PATH}/${kind}/comments/${commentId}/reactions`, { content: "eyes" })
    .reply(201, { id: 1 });
}

/** The re-evaluation after a change: PR, files, threads, then the check run PATCH. */
function expectReevaluation(threads: Parameters<typeof mockThreads>[0]): Record<string, unknown>[] {
  mockPull({ number: 7 });
  mockPullFiles(7, [{ filename: "src/db.js", patch: DB_PATCH }]);
  mockThreads(threads);
  return capture("patch", `${REPO_PATH}/check-runs/1`, () => [200, { id: 1 }]);
}

function threadReply(commentId = 6001): { body: string }[] {
  return capture("post", `${REPO_PATH}/pulls/7/comments/${THREAD_COMMENT}/replies`, () => [
    201,
    { id: commentId + 1 },
  ]);
}

async function reply(body: string, login = "alice", id = "cmd-1", commentId = 6001): Promise<void> {
  const payload = reviewCommentCreated({
    pullNumber: 7,
    body,
    inReplyToId: THREAD_COMMENT,
    login,
    commentId,
  });
  await harness.app.probot.receive({
    id,
    name: "pull_request_review_comment",
    payload: payload as never,
  });
  await harness.app.runJobs();
}

describe("/fp in a Guardrail thread", () => {
  it("by a writer: stores the suppression, resolves the thread, turns the check green and replies", async () => {
    const bodies = await analysed();
    mockThreadRoot(bodies.sqli);
    expectReaction("pulls", 6001);
    mockRole("alice", "write");
    mockConfig();
    const patches = expectReevaluation([
      { id: "T1", commentId: THREAD_COMMENT, body: bodies.sqli },
    ]);
    const resolved = capture<{ query: string }>("post", "/graphql", () => [
      200,
      { data: { resolveReviewThread: { thread: { id: "T1" } } } },
    ]);
    const replies = threadReply();

    await reply("/fp the input is escaped by sanitize() upstream");

    const stored = await harness.app.store.suppressions.listActive("acme/shop", new Date());
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      reason: "false-positive",
      author: "alice",
      justification: "the input is escaped by sanitize() upstream",
      scope: { kind: "finding" },
    });
    expect(patches[0]).toMatchObject({ conclusion: "success" });
    expect(resolved[0]?.query).toContain("resolveReviewThread");
    expect(replies[0]?.body).toMatch(/Suppressed GR-[0-9a-f]{8}/);
    expect(replies[0]?.body).toContain("false-positive");
  });

  it("by a reader: refused with what is needed, nothing stored", async () => {
    const bodies = await analysed();
    mockThreadRoot(bodies.sqli);
    expectReaction("pulls", 6001);
    mockRole("bob", "read");
    mockConfig();
    const replies = threadReply();

    await reply("/fp not reachable", "bob");

    expect(await harness.app.store.suppressions.listActive("acme/shop", new Date())).toEqual([]);
    expect(replies[0]?.body).toMatch(/needs the write role/);
  });

  it("by a fork author who is no collaborator: refused", async () => {
    const bodies = await analysed();
    mockThreadRoot(bodies.sqli);
    expectReaction("pulls", 6001);
    nock(API)
      .get(`${REPO_PATH}/collaborators/mallory/permission`)
      .reply(404, { message: "Not Found" });
    mockConfig();
    const replies = threadReply();

    await reply("/fp trust me", "mallory");

    expect(await harness.app.store.suppressions.listActive("acme/shop", new Date())).toEqual([]);
    expect(replies[0]?.body).toMatch(/needs the write role/);
  });

  it("handles a redelivered command once", async () => {
    const bodies = await analysed();
    mockThreadRoot(bodies.sqli);
    expectReaction("pulls", 6001);
    mockRole("alice", "write");
    mockConfig();
    expectReevaluation([]);
    const replies = threadReply();

    await reply("/tests fixture only", "alice", "dup");
    await reply("/tests fixture only", "alice", "dup");

    expect(await harness.app.store.suppressions.listActive("acme/shop", new Date())).toHaveLength(
      1,
    );
    expect(replies).toHaveLength(1);
  });
});

describe("scopes and expiry", () => {
  it("--scope rule is refused to a writer and applied for a maintainer", async () => {
    const bodies = await analysed();
    mockThreadRoot(bodies.sqli);
    expectReaction("pulls", 6001);
    mockRole("alice", "write");
    mockConfig();
    const refused = threadReply();
    await reply("/ar legacy code --scope rule", "alice", "c1");
    expect(refused[0]?.body).toMatch(/needs the maintain role/);

    mockThreadRoot(bodies.sqli);
    expectReaction("pulls", 6002);
    mockRole("carol", "write", "maintain");
    mockConfig();
    const patches = expectReevaluation([]);
    const applied = threadReply(6002);
    await reply("/ar legacy code --scope rule --expires 7d", "carol", "c2", 6002);

    const [suppression] = await harness.app.store.suppressions.listActive("acme/shop", new Date());
    expect(suppression?.scope).toEqual({ kind: "rule", tool: "semgrep", ruleId: "js.sqli" });
    const days = (suppression!.expiresAt!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);
    expect(patches[0]).toMatchObject({ conclusion: "success" });
    expect(applied[0]?.body).toContain("until");
  });
});

describe("/guardrail in the conversation", () => {
  async function say(body: string, id = "conv-1", commentId = 5001): Promise<void> {
    const payload = issueCommentCreated({ pullNumber: 7, body, commentId });
    await harness.app.probot.receive({ id, name: "issue_comment", payload: payload as never });
    await harness.app.runJobs();
  }

  function conversationReply(): { body: string }[] {
    return capture("post", `${REPO_PATH}/issues/7/comments`, () => [201, { id: 1 }]);
  }

  it("ignore <GR-id> then open <GR-id>: the finding blocks again", async () => {
    const bodies = await analysed();
    const id = /GR-[0-9a-f]{8}/.exec(bodies.sqli)![0];
    expectReaction("issues", 5001);
    mockRole("alice", "admin");
    mockConfig();
    const green = expectReevaluation([]);
    const replies = conversationReply();
    await say(`Reviewed.\n/guardrail ignore ${id} wontfix removed next sprint\nthanks`);
    expect(green[0]).toMatchObject({ conclusion: "success" });
    expect(replies[0]?.body).toContain(id);

    expectReaction("issues", 5002);
    mockRole("alice", "admin");
    mockConfig();
    const red = expectReevaluation([]);
    conversationReply();
    await say(`/guardrail open ${id}`, "conv-2", 5002);
    expect(red[0]).toMatchObject({ conclusion: "failure" });
    const all = await harness.app.store.suppressions.listForRepo("acme/shop");
    expect(all.map((s) => s.status)).toEqual(["lifted"]);
  });

  it("ignore <GR-id> works on a finding shown only as an annotation", async () => {
    await emptyBaseline(harness.app);
    mockRun({ pullNumbers: [7] });
    mockConfig();
    mockArtifacts([
      {
        id: 11,
        name: "semgrep-sarif",
        zip: zipOf({ "semgrep.sarif": sarifLog(RESULTS.slice(1)) }),
      },
    ]);
    mockPull({ number: 7 });
    mockPullFiles(7, [{ filename: "src/db.js", patch: DB_PATCH }]);
    mockReviewComments(7);
    const checks = captureCheckRun(1);
    await deliverRun(harness.app, { pullNumbers: [7] });
    await harness.app.runJobs();
    const annotation = (
      checks[0] as { conclusion: string; output: { annotations: { title: string }[] } }
    ).output.annotations[0];
    expect(checks[0]).toMatchObject({ conclusion: "neutral" }); // new, medium: reported, not blocking
    const id = /GR-[0-9a-f]{8}/.exec(annotation!.title)![0];

    expectReaction("issues", 5001);
    mockRole("alice", "write");
    mockConfig();
    const patches = expectReevaluation([]);
    const replies = conversationReply();
    await say(`/guardrail ignore ${id} tests only reachable from the test harness`);
    expect(patches[0]).toMatchObject({ conclusion: "success" });
    expect(replies[0]?.body).toContain(id);
  });

  it.each([
    ["an unknown id", "/guardrail ignore GR-00000000 fp nope", /GR-00000000 is not a finding/],
    ["a missing justification", "/guardrail ignore GR-12345678 fp", /justification/i],
  ])("answers %s with the right form", async (_name, command, message) => {
    await analysed();
    expectReaction("issues", 5001);
    const replies = conversationReply();
    await say(command);
    expect(replies[0]?.body).toMatch(message);
    expect(await harness.app.store.suppressions.listForRepo("acme/shop")).toEqual([]);
  });

  it("does not treat a quoted command as a command", async () => {
    await say("> /fp something someone said\nI disagree");
  });
});

describe("several scanner workflows on one pull request", () => {
  it("finds a finding in any workflow's latest analysis and re-evaluates every check run", async () => {
    await analysed(); // "Security scan" (Semgrep), check run 1, failing on its high finding
    const codeql = { runId: 9002, pullNumbers: [7], name: "CodeQL" };
    const sarif = sarifLog(
      [{ uri: "src/db.js", startLine: 12, ruleId: "js.xss", lineHash: "7:1" }],
      "CodeQL",
    );
    mockPullAnalysis({ run: codeql, sarif, files: [{ filename: "src/db.js", patch: DB_PATCH }] });
    const reviews = captureReview(7);
    const checks = captureCheckRun(2);
    await deliverRun(harness.app, codeql);
    await harness.app.runJobs();
    expect(checks[0]).toMatchObject({ name: "Guardrail · CodeQL" });
    const id = /GR-[0-9a-f]{8}/.exec(
      (reviews[0] as { comments: { body: string }[] }).comments[0]!.body,
    )![0];

    expectReaction("issues", 5001);
    mockRole("alice", "write");
    mockConfig();
    mockPull({ number: 7 });
    // The PR's files and threads are read once for all its analyses.
    mockPullFiles(7, [{ filename: "src/db.js", patch: DB_PATCH }]);
    mockThreads();
    for (const checkRun of [2, 1])
      capture("patch", `${REPO_PATH}/check-runs/${checkRun}`, () => [200, {}]);
    const replies = capture<{ body: string }>("post", `${REPO_PATH}/issues/7/comments`, () => [
      201,
      {},
    ]);
    const payload = issueCommentCreated({
      pullNumber: 7,
      body: `/guardrail ignore ${id} fp sanitised by the template engine`,
    });
    await harness.app.probot.receive({
      id: "multi",
      name: "issue_comment",
      payload: payload as never,
    });
    await harness.app.runJobs();

    expect(replies[0]?.body).toContain(`Suppressed ${id}`);
    expect(replies[0]?.body).toContain("Check run (CodeQL) updated: **success**");
    expect(replies[0]?.body).toContain("Check run (Security scan) updated: **failure**");
  });
});
