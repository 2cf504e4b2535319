import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { zipOf } from "../helpers/zip.js";
import {
  captureCheckRun,
  captureReview,
  mockArtifacts,
  mockOrgConfig,
  mockPull,
  mockPullFiles,
  mockReviewComments,
  mockRun,
  REPO_PATH,
} from "../helpers/github-mocks.js";
import { deliverRun, useTestApp } from "../helpers/integration.js";
import { API } from "../helpers/test-app.js";

// Real Grype output: CVE-1999-0001 (security-severity 8.2) and CVE-1999-0002 (8.5), both high.
const GRYPE = readFileSync("test/fixtures/sarif/grype/grype-snapshot-image.sarif", "utf8");
const FILES = [
  { filename: "user-input/somefile-1.txt", status: "added", patch: "@@ -0,0 +1 @@\n+one" },
  { filename: "user-input/somefile-2.txt", status: "added", patch: "@@ -0,0 +1 @@\n+two" },
];
const RAW = { "content-type": "application/vnd.github.raw; charset=utf-8" };

const dir = mkdtempSync(join(tmpdir(), "guardrail-kev-"));
beforeAll(() => {
  // CISA's published format, listing one of the two CVEs.
  const kev = join(dir, "known_exploited_vulnerabilities.json");
  writeFileSync(
    kev,
    JSON.stringify({
      title: "CISA Catalog of Known Exploited Vulnerabilities",
      catalogVersion: "2026.12.01",
      count: 1,
      vulnerabilities: [{ cveID: "CVE-1999-0002", vendorProject: "x", product: "package-2" }],
    }),
  );
  process.env.GUARDRAIL_KEV_FILE = kev;
});
afterAll(() => {
  delete process.env.GUARDRAIL_KEV_FILE;
  rmSync(dir, { recursive: true, force: true });
});

const harness = useTestApp();

/** One PR analysis of the Grype artifact, with the repository's and the organisation's files. */
function mockAnalysis(repoYaml: string, orgYaml: string | null = null): void {
  mockRun({ pullNumbers: [7] });
  nock(API).get(`${REPO_PATH}/contents/.github%2Fguardrail.yml`).reply(200, repoYaml, RAW);
  mockOrgConfig(orgYaml);
  mockArtifacts([{ id: 9001, name: "grype-sarif", zip: zipOf({ "grype.sarif": GRYPE }) }]);
  mockPull({ number: 7 }, 2);
  mockPullFiles(7, FILES);
  mockReviewComments(7, []);
}

async function analyse(): Promise<{
  conclusion: string;
  output: { title: string; summary: string };
}> {
  const checks = captureCheckRun();
  await deliverRun(harness.app, { pullNumbers: [7] });
  await harness.app.runJobs();
  return checks[0] as { conclusion: string; output: { title: string; summary: string } };
}

const KEV_RULE = `
gate:
  - branches: ["$default"]
    fail_on: none
    rules:
      - name: known-exploited
        when: finding.kev && finding.new
        action: block
`;

describe("gate rules at the HTTP boundary", () => {
  it("a KEV rule blocks only the known-exploited finding (GUARDRAIL_KEV_FILE), fail_on: none notwithstanding", async () => {
    mockAnalysis(KEV_RULE);
    captureReview(7);
    const check = await analyse();
    expect(check.conclusion).toBe("failure");
    const ids = [...check.output.summary.matchAll(/GR-[0-9a-f]{8}/g)].map((m) => m[0]);
    // The reason names exactly one finding: the CVE-1999-0002 one.
    expect(check.output.summary).toMatch(
      /❌ \*\*Blocked\.\*\* 1 new finding blocked by rule "known-exploited" for main: (GR-[0-9a-f]{8})/,
    );
    const blocked = /blocked by rule "known-exploited" for main: (GR-[0-9a-f]{8})/.exec(
      check.output.summary,
    )?.[1];
    const row = check.output.summary
      .split("\n")
      .find((line) => line.includes(blocked ?? "none") && line.startsWith("|"));
    expect(row).toContain("CVE-1999-0002");
    expect(new Set(ids).size).toBe(2);
    expect(check.output.summary).toContain("| `known-exploited` | repository | ❌ block | 1 |");
  });

  it("an invalid rule fails the check closed, naming the rule and the error", async () => {
    mockAnalysis(KEV_RULE.replace("finding.kev && finding.new", "finding.kev && finding.neww"));
    captureReview(7);
    const check = await analyse();
    expect(check.conclusion).toBe("failure");
    expect(check.output.summary).toContain("could not be read, so the check fails closed");
    // markdown-escaped in the summary
    expect(check.output.summary).toContain(
      'gate\\[0\\].rules\\[0\\].when: rule "known-exploited": No such key: neww',
    );
  });

  it("an organisation-enforced gate blocks a repository that set fail_on: none, and the summary names it", async () => {
    const org = `enforce:\n  gate:\n    - branches: ["$default"]\n      fail_on: high\n`;
    mockAnalysis(`gate:\n  - branches: ["**"]\n    fail_on: none\n`, org);
    captureReview(7);
    const check = await analyse();
    expect(check.conclusion).toBe("failure");
    expect(check.output.summary).toMatch(
      /2 new findings at or above high \(fail_on enforced by the organisation for main\): GR-[0-9a-f]{8}, GR-[0-9a-f]{8}/,
    );
    expect(check.output.summary).toContain(
      "| `fail_on: high` | organisation (enforced) | ❌ block | 2 |",
    );
  });

  it("without enforce the same repository passes as neutral", async () => {
    mockAnalysis(`gate:\n  - branches: ["**"]\n    fail_on: none\n`);
    captureReview(7);
    expect((await analyse()).conclusion).toBe("neutral");
  });
});
