import { describe, expect, it } from "@jest/globals";
import nock from "nock";
import { API } from "../helpers/test-app.js";
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
import { deliverRun, useTestApp } from "../helpers/integration.js";
import { issueCommentCreated, reviewCommentCreated } from "../helpers/payloads.js";
import { DB_PATCH, sarifLog } from "../helpers/sarif.js";

const harness = useTestApp();
const THREAD_COMMENT = 100;
const APPROVAL = (requiredFor: string) =>
  `suppressions:\n  approval:\n    required_for: ${requiredFor}\n    approvers: ["@acme/security"]\n    max_expiry: 90d\n`;

/** PR 7 analysed once: the high SQLi finding fails check run 1; returns its comment's body and id. */
async function analysed(): Promise<{ body: string; id: string }> {
  const files = [{ filename: "src/db.js", patch: DB_PATCH }];
  const sarif = sarifLog([{ uri: "src/db.js", startLine: 12, lineHash: "1:1" }]);
  mockPullAnalysis({ run: { pullNumbers: [7] }, sarif, files });
  const reviews = captureReview(7);
  const checks = captureCheckRun(1);
  await deliverRun(harness.app, { pullNumbers: [7] });
  await harness.app.runJobs();
  expect(checks[0]).toMatchObject({ conclusion: "failure" });
  const body = (reviews[0] as { comments: { body: string }[] }).comments[0]!.body;
  return { body, id: /GR-[0-9a-f]{8}/.exec(body)![0] };
}

/** Each command: the thread's root is read, the comment gets 👀, the config is loaded. */
function expectCommand(root: string, commentId: number, yaml: string): void {
  nock(API)
    .get(`${REPO_PATH}/pulls/comments/${THREAD_COMMENT}`)
    .reply(200, { id: THREAD_COMMENT, body: root, user: { login: "guardrail[bot]", type: "Bot" } });
  nock(API)
    .post(`${REPO_PATH}/pulls/comments/${commentId}/reactions`, { content: "eyes" })
    .reply(201, { id: 1 });
  mockConfig(yaml);
}

function mockRole(login: string, permission: string): void {
  nock(API)
    .get(`${REPO_PATH}/collaborators/${login}/permission`)
    .reply(200, { permission, role_name: permission, user: { login } });
}

function mockMembership(login: string, member: boolean): void {
  const scope = nock(API).get(`/orgs/acme/teams/security/memberships/${login}`);
  if (member) scope.reply(200, { state: "active", role: "member" });
  else scope.reply(404, { message: "Not Found" });
}

function expectReevaluation(root: string): Record<string, unknown>[] {
  mockPull({ number: 7 });
  mockPullFiles(7, [{ filename: "src/db.js", patch: DB_PATCH }]);
  mockThreads([{ id: "T1", commentId: THREAD_COMMENT, body: root }]);
  return capture("patch", `${REPO_PATH}/check-runs/1`, () => [200, { id: 1 }]);
}

function threadReplies(): { body: string }[] {
  return capture("post", `${REPO_PATH}/pulls/7/comments/${THREAD_COMMENT}/replies`, () => [
    201,
    { id: 9999 },
  ]);
}

async function reply(body: string, login: string, commentId: number): Promise<void> {
  const payload = reviewCommentCreated({
    pullNumber: 7,
    body,
    inReplyToId: THREAD_COMMENT,
    login,
    commentId,
  });
  await harness.app.probot.receive({
    id: `d-${commentId}`,
    name: "pull_request_review_comment",
    payload: payload as never,
  });
  await harness.app.runJobs();
}

const store = () => harness.app.store.suppressions;

/** alice (write) asks to suppress the high finding: a request, the check still fails. */
async function requested(root: string): Promise<void> {
  expectCommand(root, 6001, APPROVAL("high"));
  mockRole("alice", "write");
  const patches = expectReevaluation(root);
  const replies = threadReplies();
  await reply("/fp the input is escaped by sanitize() upstream", "alice", 6001);
  expect(patches[0]).toMatchObject({ conclusion: "failure" });
  const summary = (patches[0] as { output: { summary: string } }).output.summary;
  expect(summary).toContain("Awaiting approval (1)");
  expect(replies[0]?.body).toContain("Requested suppressing");
  expect(replies[0]?.body).toContain("the approver is `@acme/security`");
  expect(await store().listActive("acme/shop", new Date())).toEqual([]);
  expect(await store().listRequested("acme/shop")).toHaveLength(1);
}

describe("suppression approvals", () => {
  it("request → refused for the requester and a non-approver → approved by a team member", async () => {
    const { body: root } = await analysed();
    await requested(root);

    // The requester cannot approve their own request (no role or team lookup is needed).
    expectCommand(root, 6002, APPROVAL("high"));
    const own = threadReplies();
    await reply("/approve", "alice", 6002);
    expect(own[0]?.body).toContain("cannot be decided by the person who made it");

    expectCommand(root, 6003, APPROVAL("high"));
    mockMembership("eve", false);
    const outsider = threadReplies();
    await reply("/approve looks fine to me", "eve", 6003);
    expect(outsider[0]?.body).toContain("Only approvers may decide this request");
    expect(outsider[0]?.body).toContain("`@acme/security`");
    expect(await store().listActive("acme/shop", new Date())).toEqual([]);

    expectCommand(root, 6004, APPROVAL("high"));
    mockMembership("carol", true);
    const patches = expectReevaluation(root);
    const resolved = capture<{ query: string }>("post", "/graphql", () => [
      200,
      { data: { resolveReviewThread: { thread: { id: "T1" } } } },
    ]);
    const approvedReply = threadReplies();
    await reply("/approve reviewed with the team", "carol", 6004);

    expect(patches[0]).toMatchObject({ conclusion: "success" });
    expect(resolved[0]?.query).toContain("resolveReviewThread");
    expect(approvedReply[0]?.body).toContain("Approved the suppression");
    const [active] = await store().listActive("acme/shop", new Date());
    expect(active).toMatchObject({
      status: "active",
      author: "alice",
      decision: { by: "carol", note: "reviewed with the team" },
    });
    // max_expiry 90d: a request without --expires is granted 90 days at most.
    const days = (active!.expiresAt!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThan(90.1);
    expect((await store().audit(active!.id)).map((e) => [e.action, e.actor])).toEqual([
      ["requested", "alice"],
      ["approved", "carol"],
    ]);
  });

  it("a denial tells the requester why and keeps the finding blocking", async () => {
    const { body: root, id } = await analysed();
    await requested(root);

    const conversation = capture("post", `${REPO_PATH}/issues/7/comments`, () => [201, { id: 1 }]);
    nock(API)
      .post(`${REPO_PATH}/issues/comments/7001/reactions`, { content: "eyes" })
      .reply(201, { id: 1 });
    mockConfig(APPROVAL("high"));
    mockMembership("dave", true);
    const patches = expectReevaluation(root);
    await harness.app.probot.receive({
      id: "deny-1",
      name: "issue_comment",
      payload: issueCommentCreated({
        pullNumber: 7,
        body: `/guardrail deny ${id} user input reaches the query unescaped in the admin path`,
        login: "dave",
        commentId: 7001,
      }) as never,
    });
    await harness.app.runJobs();

    expect(patches[0]).toMatchObject({ conclusion: "failure" });
    const text = (conversation[0] as { body: string }).body;
    expect(text).toContain("@alice,");
    expect(text).toContain("denied suppressing");
    expect(text).toContain("user input reaches the query unescaped");
    const [denied] = await store().listForRepo("acme/shop");
    expect(denied).toMatchObject({ status: "denied", decision: { by: "dave" } });
  });

  it("below required_for a suppression applies at once, as without approvals", async () => {
    const { body: root } = await analysed();
    expectCommand(root, 6001, APPROVAL("critical"));
    mockRole("alice", "write");
    const patches = expectReevaluation(root);
    capture("post", "/graphql", () => [
      200,
      { data: { resolveReviewThread: { thread: { id: "T1" } } } },
    ]);
    const replies = threadReplies();
    await reply("/fp the input is escaped by sanitize() upstream", "alice", 6001);
    expect(patches[0]).toMatchObject({ conclusion: "success" });
    expect(replies[0]?.body).toContain("Suppressed");
    expect(await store().listRequested("acme/shop")).toEqual([]);
  });

  it("ignores an /approve from a bot or quoted from an earlier comment", async () => {
    const { body: root } = await analysed();
    await requested(root);
    for (const [body, login, type] of [
      ["> /approve\n\nthanks", "carol", "User"],
      ["/approve", "renovate[bot]", "Bot"],
    ] as const) {
      const payload = reviewCommentCreated({
        pullNumber: 7,
        body,
        inReplyToId: THREAD_COMMENT,
        login,
        commentId: 6100,
      }) as { comment: { user: { type: string } } };
      payload.comment.user.type = type;
      // Neither is a command: the handler drops both without reading anything.
      await harness.app.probot.receive({
        id: `ignored-${login}`,
        name: "pull_request_review_comment",
        payload: payload as never,
      });
      await harness.app.runJobs();
    }
    expect(await store().listRequested("acme/shop")).toHaveLength(1);
  });
});
