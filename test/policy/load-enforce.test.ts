import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { ProbotOctokit } from "probot";
import { loadConfig } from "../../src/config/load-config.js";

const API = "https://api.github.com";
const REPO_FILE = "/repos/acme/app/contents/.github%2Fguardrail.yml";
const ORG_FILE = "/repos/acme/.github/contents/.github%2Fguardrail.yml";
const OTHER_FILE = "/repos/acme/lax/contents/.github%2Fguardrail.yml";
const RAW = { "content-type": "application/vnd.github.raw; charset=utf-8" };

const ORG_POLICY = `
comment_on: none            # the org's own defaults: not enforced, repos override freely
enforce:
  gate:
    - branches: ["$default"]
      fail_on: high
      rules:
        - name: known-exploited
          when: finding.kev
          action: block
  required_tools: [CodeQL, Trivy]
  suppressions:
    broad_scope_permission: admin
    approval:
      required_for: high
`;

function octokit(): InstanceType<typeof ProbotOctokit> {
  return new ProbotOctokit({
    auth: { token: "t" },
    retry: { enabled: false },
    throttle: { enabled: false },
  });
}

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

async function load(repoYaml: string) {
  const result = await loadConfig(octokit(), { owner: "acme", repo: "app" });
  if (!result.ok) throw new Error(`${repoYaml}: ${result.error}`);
  return result;
}

describe("organisation enforce: applies in addition to the repository's config", () => {
  it("is read from the organisation's file even when the repository has its own", async () => {
    const yaml =
      "gate:\n  - branches: ['**']\n    fail_on: none\nrequired_tools: [semgrep]\ncomment_on: added\n";
    nock(API).get(REPO_FILE).reply(200, yaml, RAW).get(ORG_FILE).reply(200, ORG_POLICY, RAW);
    const { config, source } = await load(yaml);
    expect(source).toEqual([
      "acme/app:.github/guardrail.yml",
      "acme/.github:.github/guardrail.yml",
    ]);
    expect(config.gate).toEqual([{ branches: ["**"], fail_on: "none", rules: [] }]);
    expect(config.enforce?.gate?.[0]?.rules[0]?.name).toBe("known-exploited");
    expect(config.comment_on).toBe("added");
    // Enforced tools add; names compare case-insensitively.
    expect(config.required_tools).toEqual(["semgrep", "CodeQL", "Trivy"]);
  });

  it("a repository's _extends cannot remove it: the chain's enforce is ignored, the org's applies", async () => {
    const yaml = "_extends: lax\n";
    nock(API)
      .get(REPO_FILE)
      .reply(200, yaml, RAW)
      .get(OTHER_FILE)
      .reply(200, "enforce:\n  gate: []\n  required_tools: []\n", RAW)
      .get(ORG_FILE)
      .reply(200, ORG_POLICY, RAW);
    const { config } = await load(yaml);
    expect(config.enforce?.gate).toHaveLength(1);
    expect(config.required_tools).toEqual(["CodeQL", "Trivy"]);
  });

  it.each<[string, string, Record<string, unknown>]>([
    [
      "looser repository settings are raised to the enforced minimums",
      "suppressions:\n  permission: read\n  broad_scope_permission: write\n  approval:\n    required_for: critical\n",
      {
        permission: "read", // not enforced: the repository's own
        broad_scope_permission: "admin",
        approval: { required_for: "high", approvers: [], max_expiry: null },
      },
    ],
    [
      "stricter repository settings stay",
      "suppressions:\n  permission: admin\n  broad_scope_permission: admin\n  approval:\n    required_for: low\n    max_expiry: 30d\n",
      {
        permission: "admin",
        broad_scope_permission: "admin",
        approval: { required_for: "low", approvers: [], max_expiry: "30d" },
      },
    ],
  ])("suppressions: %s", async (_name, yaml, expected) => {
    nock(API).get(REPO_FILE).reply(200, yaml, RAW).get(ORG_FILE).reply(200, ORG_POLICY, RAW);
    const { config } = await load(yaml);
    expect(config.suppressions).toMatchObject(expected);
  });

  it("applies to repositories without a file of their own (read once, through the fallback)", async () => {
    nock(API).get(REPO_FILE).reply(404).get(ORG_FILE).reply(200, ORG_POLICY, RAW);
    const { config } = await load("(none)");
    expect(config.comment_on).toBe("none");
    expect(config.enforce?.required_tools).toEqual(["CodeQL", "Trivy"]);
  });

  it("an invalid enforced rule fails closed naming the organisation's file, the rule and the error", async () => {
    nock(API)
      .get(REPO_FILE)
      .reply(200, "comment_on: added\n", RAW)
      .get(ORG_FILE)
      .reply(
        200,
        "enforce:\n  gate:\n    - branches: ['**']\n      fail_on: high\n      rules:\n        - {name: kev, when: 'finding.kev == 1', action: block}\n",
        RAW,
      );
    expect(await loadConfig(octokit(), { owner: "acme", repo: "app" })).toEqual({
      ok: false,
      error:
        "acme/.github:.github/guardrail.yml:\n" +
        'enforce.gate[0].rules[0].when: rule "kev": no such overload: bool == int, got "finding.kev == 1"',
    });
  });

  it("a broken repository config falls back to the defaults, still under the enforced policy", async () => {
    nock(API)
      .get(REPO_FILE)
      .reply(200, "comment_on: sometimes\n", RAW)
      .get(ORG_FILE)
      .reply(200, ORG_POLICY, RAW);
    const result = await loadConfig(octokit(), { owner: "acme", repo: "app" });
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringContaining(
        'comment_on: expected one of added|diff_context|none, got "sometimes"',
      ) as unknown as string,
      fallback: {
        comment_on: "added",
        required_tools: ["CodeQL", "Trivy"],
        enforce: { required_tools: ["CodeQL", "Trivy"] },
      },
    });
  });

  it("an organisation file that cannot be read fails closed rather than passing as no policy", async () => {
    nock(API)
      .get(REPO_FILE)
      .reply(200, "comment_on: added\n", RAW)
      .get(ORG_FILE)
      .reply(500, { message: "boom" });
    expect(await loadConfig(octokit(), { owner: "acme", repo: "app" })).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^Could not load the organisation policy acme\/\.github:\.github\/guardrail\.yml: GitHub answered 500/,
      ) as unknown as string,
    });
  });
});
