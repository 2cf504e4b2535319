import { afterEach, beforeAll, afterAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { ProbotOctokit } from "probot";
import { loadConfig } from "../../src/config/load-config.js";

const API = "https://api.github.com";
// The config plugin asks for the raw file; the path is one URL segment, so its slash is encoded.
const REPO_FILE = "/repos/acme/app/contents/.github%2Fguardrail.yml";
const ORG_FILE = "/repos/acme/.github/contents/.github%2Fguardrail.yml";
const RAW = { "content-type": "application/vnd.github.raw; charset=utf-8" };

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

describe("loadConfig", () => {
  it("uses the defaults when neither the repository nor the organisation has a file", async () => {
    nock(API).get(REPO_FILE).reply(404).get(ORG_FILE).reply(404);
    const result = await loadConfig(octokit(), { owner: "acme", repo: "app" });
    expect(result).toMatchObject({ ok: true, source: [], config: { comment_on: "added" } });
  });

  it("reads the repository's file", async () => {
    nock(API)
      .get(REPO_FILE)
      .reply(200, "comment_on: diff_context\nmax_annotations: 10\n", RAW)
      // The organisation's file is always read, for its `enforce:` (test/policy/load-enforce.test.ts).
      .get(ORG_FILE)
      .reply(404);
    const result = await loadConfig(octokit(), { owner: "acme", repo: "app" });
    expect(result).toMatchObject({
      ok: true,
      source: ["acme/app:.github/guardrail.yml"],
      config: { comment_on: "diff_context", max_annotations: 10, max_inline_comments: 20 },
    });
  });

  it("falls back to the organisation's .github repository", async () => {
    nock(API).get(REPO_FILE).reply(404).get(ORG_FILE).reply(200, "annotate: all\n", RAW);
    const result = await loadConfig(octokit(), { owner: "acme", repo: "app" });
    expect(result).toMatchObject({
      ok: true,
      source: ["acme/.github:.github/guardrail.yml"],
      config: { annotate: "all" },
    });
  });

  it("follows _extends, the repository's keys winning", async () => {
    nock(API)
      .get(REPO_FILE)
      .reply(200, "_extends: .github\nmax_annotations: 5\n", RAW)
      .get(ORG_FILE)
      .reply(200, "max_annotations: 100\npaths_ignore: ['vendor/**']\n", RAW);
    const result = await loadConfig(octokit(), { owner: "acme", repo: "app" });
    expect(result).toMatchObject({
      ok: true,
      source: ["acme/app:.github/guardrail.yml", "acme/.github:.github/guardrail.yml"],
      config: { max_annotations: 5, paths_ignore: ["vendor/**"] },
    });
  });

  it("names the file and key of an invalid value", async () => {
    nock(API)
      .get(REPO_FILE)
      .reply(200, "_extends: .github\n", RAW)
      .get(ORG_FILE)
      .reply(200, "gate:\n  - branches: [main]\n    fail_on: hgh\n", RAW);
    const result = await loadConfig(octokit(), { owner: "acme", repo: "app" });
    expect(result).toMatchObject({
      ok: false,
      error:
        "acme/.github:.github/guardrail.yml:\n" +
        'gate[0].fail_on: expected one of critical|high|medium|low|note|none, got "hgh"',
    });
  });

  it("reports a YAML syntax error with where it is", async () => {
    nock(API).get(REPO_FILE).reply(200, "gate:\n  - branches: [main\n    fail_on: high\n", RAW);
    const result = await loadConfig(octokit(), { owner: "acme", repo: "app" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/^Could not load \.github\/guardrail\.yml: .*invalid YAML/);
      expect(result.error).toBe(
        "Could not load .github/guardrail.yml: Configuration could not be parsed from " +
          "acme/app:.github/guardrail.yml (invalid YAML): Flow sequence in block collection " +
          "must be sufficiently indented and end with a ] at line 3, column 5",
      );
    }
  });

  it("reports a fetch error other than 404", async () => {
    nock(API).get(REPO_FILE).reply(500, { message: "boom" });
    const result = await loadConfig(octokit(), { owner: "acme", repo: "app" });
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/^Could not load \.github\/guardrail\.yml: GitHub answered 500/),
    });
  });
});
