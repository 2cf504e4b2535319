import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ensureBuilt, git, removeTempDirs, runBin, tempDir, writeFile } from "./cli-harness.js";

beforeAll(ensureBuilt, 180_000);
afterAll(removeTempDirs);

const TRIVY = readFileSync(
  "test/fixtures/sarif/trivy/trivy-contrib-sarif-tpl-template-image-vuln.sarif",
  "utf8",
);
/** Lists CVE-2019-1551, one of the Trivy fixture's four CVEs. */
const KEV_FILE = join(
  process.cwd(),
  "test/fixtures/enrichment/known_exploited_vulnerabilities.json",
);

const POLICY = `
gate:
  - branches: ["$default"]
    fail_on: none
    rules:
      - name: known-exploited
        when: finding.kev && finding.new
        action: block
      - name: low-sca
        when: 'finding.cve.size() > 0 && finding.rule.startsWith("[LOW]")'
        action: ignore
`;

/** main with a README; branch `feature` adds the Dockerfile Trivy scanned. */
function trivyRepo(config: string): string {
  const dir = tempDir();
  git(dir, ["init", "-q", "-b", "main"]);
  writeFile(dir, "README.md", "# app\n");
  git(dir, ["add", "."]);
  git(dir, ["commit", "-q", "-m", "base"]);
  git(dir, ["checkout", "-q", "-b", "feature"]);
  writeFile(dir, "Dockerfile", "FROM alpine:3.10\nRUN apk add openssl\n");
  git(dir, ["add", "."]);
  git(dir, ["commit", "-q", "-m", "add image"]);
  writeFile(dir, "scan.sarif", TRIVY);
  writeFile(dir, "policy.yml", config);
  return dir;
}

interface JsonReport {
  gate: { conclusion: string; reason: string };
  findings: { rule: string; group: string }[];
}

describe("guardrail check --config applies the gate rules like the check run", () => {
  it("a KEV rule blocks only the known-exploited finding, even with fail_on: none", () => {
    const repo = trivyRepo(POLICY);
    const args = ["check", "--base", "main", "--config", "policy.yml", "--sarif", "scan.sarif"];
    const json = runBin(repo, [...args, "--format", "json"], { GUARDRAIL_KEV_FILE: KEV_FILE });
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as JsonReport;
    expect(report.gate.conclusion).toBe("failure");
    expect(report.gate.reason).toMatch(
      /^1 new finding blocked by rule "known-exploited" for main: GR-[0-9a-f]{8}$/,
    );
    // The [LOW] one is ignored: gone from the report.
    expect(report.findings.map((f) => [f.rule, f.group]).sort()).toEqual([
      ["[MEDIUM] CVE-2019-1549", "new"],
      ["[MEDIUM] CVE-2019-1551", "new-blocking"],
      ["[MEDIUM] CVE-2019-1563", "new"],
    ]);

    const markdown = runBin(repo, [...args, "--format", "markdown"], {
      GUARDRAIL_KEV_FILE: KEV_FILE,
    });
    expect(markdown.stdout).toContain(
      "### Policy\n\n| Rule | Set by | Verdict | Findings |\n| --- | --- | --- | --- |\n" +
        "| `known-exploited` | repository | ❌ block | 1 |\n| `low-sca` | repository | ➖ ignore | 1 |",
    );
  });

  it("without the finding in the catalogue nothing blocks (fail_on: none)", () => {
    const repo = trivyRepo(POLICY);
    writeFile(repo, "kev.json", JSON.stringify({ vulnerabilities: [{ cveID: "CVE-2021-44228" }] }));
    const run = runBin(
      repo,
      [
        "check",
        "--base",
        "main",
        "--config",
        "policy.yml",
        "--sarif",
        "scan.sarif",
        "--format",
        "json",
      ],
      {
        GUARDRAIL_KEV_FILE: join(repo, "kev.json"),
      },
    );
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as JsonReport).gate.conclusion).toBe("neutral");
  });

  it("the file's enforce: tightens what its own gate allows", () => {
    const repo = trivyRepo(
      `gate:\n  - branches: ["**"]\n    fail_on: none\nenforce:\n  gate:\n    - branches: ["$default"]\n      fail_on: high\n`,
    );
    const run = runBin(
      repo,
      [
        "check",
        "--base",
        "main",
        "--config",
        "policy.yml",
        "--sarif",
        "scan.sarif",
        "--format",
        "json",
      ],
      {
        GUARDRAIL_KEV_FILE: KEV_FILE,
      },
    );
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as JsonReport).gate.reason).toMatch(
      /^4 new findings at or above high \(fail_on enforced by the organisation for main\)/,
    );
  });

  it("an invalid rule is a config error naming the rule (exit 2)", () => {
    const repo = trivyRepo(
      POLICY.replace("finding.kev && finding.new", "finding.kev && finding.nwe"),
    );
    const run = runBin(repo, [
      "check",
      "--base",
      "main",
      "--config",
      "policy.yml",
      "--sarif",
      "scan.sarif",
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('gate[0].rules[0].when: rule "known-exploited": No such key: nwe');
  });
});
