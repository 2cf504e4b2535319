import { afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { pino } from "pino";
import { drainOutbox } from "../../src/notify/drain-outbox.js";
import { slackChannel } from "../../src/notify/slack-channel.js";
import {
  capture,
  captureCheckRun,
  mockArtifacts,
  mockConfig,
  mockPullAnalysis,
  mockRun,
  REPO_PATH,
} from "../helpers/github-mocks.js";
import { deliverRun, emptyBaseline, useTestApp } from "../helpers/integration.js";
import { BASE_SHA } from "../helpers/payloads.js";
import { DB_PATCH, sarifLog, type ResultSpec } from "../helpers/sarif.js";
import { API } from "../helpers/test-app.js";
import { zipOf } from "../helpers/zip.js";
import { fakeClock, startFakeChat, type FakeChat } from "../notify/fake-chat.js";
import { mockSourceAt } from "./identity-mocks.js";

const CONFIG = [
  "notify:",
  "  on: [escape, gate_failure]",
  "  min_severity: high",
  "backlog:",
  "  enabled: true",
].join("\n");
const HOSTILE = "<!channel> SQL built from <https://evil.example|input> & more";
const HIGH: ResultSpec = { uri: "src/db.js", startLine: 12, lineHash: "1111:1", message: HOSTILE };
const LOW: ResultSpec = {
  uri: "src/view.js",
  startLine: 3,
  ruleId: "js.xss",
  level: "note",
  lineHash: "2222:1",
};
const PUSH = { runId: 500, event: "push", headBranch: "main", headSha: BASE_SHA, pullNumbers: [] };
const ISSUES = `${REPO_PATH}/issues`;
/** The repository's web URL as the example payload's run `html_url` gives it. */
const WEB = "https://github.com/octo-org/octo-repo";

let chat: FakeChat;
let port = 0;
const harness = useTestApp({
  chatWebhooks: {
    get slack() {
      return `http://127.0.0.1:${port}/slack`;
    },
  },
});

beforeAll(() => nock.enableNetConnect("127.0.0.1"));
beforeEach(async () => {
  chat = await startFakeChat();
  port = Number(new URL(chat.url("/")).port);
});
afterEach(() => chat.close());

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join("\n");

/** A push to main whose run finds `results`; backlog issues listed as `issues`. */
function push(runAttempt: number, results: ResultSpec[], issues: unknown[] = []) {
  mockRun({ ...PUSH, runAttempt });
  mockConfig(CONFIG);
  // The tracker reads the files of findings new to the baseline (the first time only).
  if (runAttempt === 1) {
    mockSourceAt(BASE_SHA, Object.fromEntries(results.map((r) => [r.uri, lines(14)])));
  }
  mockArtifacts(
    [{ id: 500, name: "semgrep-sarif", zip: zipOf({ "s.sarif": sarifLog(results) }) }],
    500,
  );
  nock(API)
    .get(ISSUES)
    .query({ state: "all", per_page: "100", labels: "security", creator: "guardrail[bot]" })
    .reply(200, issues);
  return captureCheckRun(runAttempt);
}

describe("notifications and backlog at the HTTP boundary", () => {
  it("an escape onto main is one escaped Slack message, and its low finding one backlog issue", async () => {
    await emptyBaseline(harness.app);
    push(1, [HIGH, LOW]);
    const created = capture<{ title: string; body: string; labels: string[] }>(
      "post",
      ISSUES,
      () => [201, { number: 41 }],
    );
    await deliverRun(harness.app, { ...PUSH, runAttempt: 1 }, "d-1");
    await harness.app.runJobs();

    expect(chat.requests).toHaveLength(1);
    const text = JSON.stringify(chat.requests[0]?.body);
    expect(text).toContain("Landed on the default branch unresolved");
    expect(text).toContain(
      "&lt;!channel&gt; SQL built from &lt;https://evil.example|input&gt; &amp; more",
    );
    expect(text).not.toContain("<!channel>");
    expect(text).toContain(`<${WEB}/blob/${BASE_SHA}/src/db.js#L12|src/db.js:12>`);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      title: "Guardrail: js.xss (Semgrep)",
      labels: ["security"],
    });
    expect(created[0]?.body).toMatch(/^<!-- guardrail:backlog tool=semgrep rule=js\.xss -->/);
    expect(created[0]?.body).toContain(`(${WEB}/blob/${BASE_SHA}/src/view.js#L3)`);

    // The same delivery again writes nothing; a re-run of the push sends no second message and
    // leaves the unchanged backlog issue alone.
    await deliverRun(harness.app, { ...PUSH, runAttempt: 1 }, "d-1");
    push(
      2,
      [HIGH, LOW],
      [{ number: 41, state: "open", title: created[0]?.title, body: created[0]?.body }],
    );
    await deliverRun(harness.app, { ...PUSH, runAttempt: 2 }, "d-2");
    await harness.app.runJobs();
    expect(chat.requests).toHaveLength(1);
  });

  it("a chat outage does not touch the analysis; the message goes once the endpoint is back", async () => {
    await emptyBaseline(harness.app);
    await chat.close();
    const checks = push(1, [HIGH]);
    await deliverRun(harness.app, { ...PUSH, runAttempt: 1 });
    await harness.app.runJobs();
    expect(checks[0]).toMatchObject({ conclusion: "success" });
    // The drain failed and queued itself again for later (a delayed job), keeping the message.
    expect(await harness.app.store.jobs.counts()).toMatchObject({ queued: 1 });
    const pending = await harness.app.store.notifications.pending("slack", new Date());
    expect(pending).toHaveLength(1);

    chat = await startFakeChat(200, port);
    const later = fakeClock(Date.now() + 31_000);
    const log = pino({ level: "silent" });
    await drainOutbox(harness.app.store.notifications, slackChannel(chat.url("/slack")), {
      log,
      clock: later,
    });
    expect(chat.requests).toHaveLength(1);
    expect(JSON.stringify(chat.requests[0]?.body)).toContain("js.sqli");
  });

  it("a pull request failing the gate into main is one message linking the PR and its check run", async () => {
    const analyse = (runAttempt: number) => {
      mockPullAnalysis({
        run: { pullNumbers: [7], runAttempt },
        sarif: sarifLog([{ uri: "src/db.js", startLine: 12, lineHash: "1:1" }]),
        files: [{ filename: "src/db.js", patch: DB_PATCH }],
        config: CONFIG,
        pullReads: runAttempt === 1 ? 2 : 1,
      });
      return captureCheckRun(runAttempt);
    };
    await emptyBaseline(harness.app);
    const checks = analyse(1);
    capture("post", `${REPO_PATH}/pulls/7/reviews`, () => [200, { id: 808 }]);
    await deliverRun(harness.app, { pullNumbers: [7], runAttempt: 1 });
    await harness.app.runJobs();
    expect(checks[0]).toMatchObject({ conclusion: "failure" });
    expect(chat.requests).toHaveLength(1);
    const text = JSON.stringify(chat.requests[0]?.body);
    expect(text).toContain("Gate failed");
    expect(text).toContain(`<${WEB}/pull/7|PR #7>`);
    expect(text).toContain(`<${WEB}/runs/1|check run>`);
    expect(text).toContain("PR #7 into main");
  });
});
