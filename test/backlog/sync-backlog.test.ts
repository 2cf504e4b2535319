import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { pino } from "pino";
import { syncBacklog, type BacklogInput } from "../../src/backlog/sync-backlog.js";
import type { GitHub } from "../../src/github/octokit.js";
import { createOctokitClass } from "../../src/github/octokit.js";
import { createMetrics } from "../../src/metrics/metrics.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { finding, triagedOf } from "../policy/finding-factory.js";

const API = "https://api.github.com";
const ISSUES = "/repos/acme/shop/issues";
const LIST = { state: "all", per_page: "100", labels: "security", creator: "guardrail[bot]" };
const SHA = "c".repeat(40);
const xss = (fp: string, line: number) =>
  finding({
    tool: { name: "Semgrep" },
    rule: { id: "js.xss", tags: [] },
    severity: "low",
    fingerprint: fp,
    id: `GR-${fp.padStart(8, "0")}`,
    location: { path: "src/view.js", region: { startLine: line, endLine: line } },
  });

let store: Store;
let github: GitHub;
beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
beforeEach(async () => {
  store = await openStore("sqlite::memory:");
  const Octokit = createOctokitClass({
    metrics: createMetrics({ defaultMetrics: false }),
    retry: false,
    throttle: false,
  });
  github = new Octokit({ auth: { token: "ghs_test" } });
});
afterEach(async () => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  await store.close();
  expect(pending).toEqual([]);
});

const ctx = () => ({
  github,
  log: pino({ level: "silent" }),
  backlog: store.backlog,
  appSlug: "guardrail",
  pause: () => Promise.resolve(),
});
const input = (findings: ReturnType<typeof xss>[], sha = SHA): BacklogInput => ({
  owner: "acme",
  repo: "shop",
  sha,
  branch: "main",
  repoUrl: "https://github.com/acme/shop",
  config: {
    backlog: { enabled: true, severities: ["low", "medium"], labels: ["security", "backlog"] },
  },
  triaged: findings.map((f) => triagedOf(f, { isNew: false })),
});
const listing = (issues: { number: number; state: string; title: string; body: string }[]) =>
  nock(API).get(ISSUES).query(LIST).reply(200, issues);

describe("backlog issues against GitHub", () => {
  it("creates, updates in place, and closes with a comment naming the commit", async () => {
    listing([]);
    let created: { title: string; body: string; labels: string[] } | undefined;
    nock(API)
      .post(ISSUES, (b: typeof created) => ((created = b), true))
      .reply(201, { number: 41 });
    await syncBacklog(ctx(), input([xss("1", 3)]));
    expect(created?.labels).toEqual(["security", "backlog"]);
    expect(created?.body).toContain(
      "- [ ] [src/view.js:3](https://github.com/acme/shop/blob/" + SHA + "/src/view.js#L3)",
    );
    const issue = {
      number: 41,
      state: "open",
      title: created?.title ?? "",
      body: created?.body ?? "",
    };

    // Nothing changed: no write at all.
    listing([issue]);
    expect(await syncBacklog(ctx(), input([xss("1", 3)]))).toBe(0);

    listing([issue]);
    let updated: { body: string } | undefined;
    nock(API)
      .patch(`${ISSUES}/41`, (b: typeof updated) => ((updated = b), true))
      .reply(200, {});
    await syncBacklog(ctx(), input([xss("1", 3), xss("2", 9)]));
    expect(updated?.body.match(/- \[ \] /g)).toHaveLength(2);

    listing([issue]);
    let comment: { body: string } | undefined;
    nock(API)
      .post(`${ISSUES}/41/comments`, (b: typeof comment) => ((comment = b), true))
      .reply(201, {});
    nock(API).patch(`${ISSUES}/41`, { state: "closed", state_reason: "completed" }).reply(200, {});
    await syncBacklog(ctx(), input([], "d".repeat(40)));
    expect(comment?.body).toContain("d".repeat(40));
    expect((await store.backlog.list("acme/shop"))[0]).toMatchObject({
      issueNumber: 41,
      state: "closed",
    });
  });

  it("respects a person's close, and opens a new issue only for a finding it did not list", async () => {
    listing([]);
    let first: { title: string; body: string } | undefined;
    nock(API)
      .post(ISSUES, (b: typeof first) => ((first = b), true))
      .reply(201, { number: 41 });
    await syncBacklog(ctx(), input([xss("1", 3)]));
    const closed = {
      number: 41,
      state: "closed",
      title: first?.title ?? "",
      body: first?.body ?? "",
    };

    // A person closed #41: the same finding is not raised again, and #41 stays closed.
    listing([closed]);
    expect(await syncBacklog(ctx(), input([xss("1", 3)]))).toBe(0);
    expect((await store.backlog.list("acme/shop"))[0]).toMatchObject({ state: "dismissed" });

    listing([closed]);
    let second: { body: string } | undefined;
    nock(API)
      .post(ISSUES, (b: typeof second) => ((second = b), true))
      .reply(201, { number: 42 });
    await syncBacklog(ctx(), input([xss("1", 3), xss("2", 9)]));
    expect(second?.body).toContain("src/view.js:9");
    expect(second?.body).not.toContain("src/view.js:3");
  });
});
