import { describe, expect, it } from "@jest/globals";
import {
  branchMatcher,
  matchesArtifactName,
  matchesBranch,
  matchesPath,
  matchesRule,
  pathMatcher,
  ruleMatcher,
} from "../../src/config/match.js";

describe("matchesBranch", () => {
  it.each([
    [["$default"], "main", "main", true],
    [["$default"], "trunk", "trunk", true],
    [["$default"], "main", "trunk", false],
    [["$default", "release/*"], "release/1.2", "main", true],
    [["release/*"], "release/1.2/hotfix", "main", false],
    [["release/**"], "release/1.2/hotfix", "main", true],
    [["**"], "feature/a.b", "main", true],
    [["main"], "Main", "main", false],
    [[], "main", "main", false],
  ])("%j vs %s (default %s) → %s", (patterns, branch, defaultBranch, expected) => {
    expect(matchesBranch(patterns, branch, defaultBranch)).toBe(expected);
  });

  it("reports which pattern matched", () => {
    expect(branchMatcher(["docs/*", "$default", "**"], "main")("main")).toBe("$default");
  });
});

describe("matchesPath", () => {
  it.each([
    [["test/**"], "test/a/b.ts", true],
    [["**/*.test.ts"], "src/x/y.test.ts", true],
    [["*.md"], "docs/readme.md", false],
    [["**/*.md"], "docs/readme.md", true],
    [["**/fixtures/**"], ".github/fixtures/x.json", true],
    [[".github/**"], ".github/workflows/ci.yml", true],
    [["vendor/**"], "src/vendor.ts", false],
  ])("%j vs %s → %s", (globs, path, expected) => {
    expect(matchesPath(globs, path)).toBe(expected);
  });

  it("reports which glob matched", () => {
    expect(pathMatcher(["docs/**", "test/**"])("test/a.ts")).toBe("test/**");
    expect(pathMatcher(["docs/**"])("test/a.ts")).toBeNull();
  });
});

describe("matchesRule", () => {
  it.each([
    [["js/xss"], "CodeQL", "js/xss", true],
    [["js/*"], "CodeQL", "js/sql-injection", true],
    [["codeql:js/xss"], "CodeQL", "js/xss", true],
    [["CODEQL:js/xss"], "codeql", "js/xss", true],
    [["semgrep:js/xss"], "CodeQL", "js/xss", false],
    [["Semgrep*:*"], "Semgrep OSS", "python.lang.x", true],
    [["trivy:AVD-*"], "Trivy", "AVD-AWS-0086", true],
    [["trivy:AVD-*"], "Trivy", "avd-aws-0086", false],
    [["CKV_AWS_*"], "Checkov", "CKV_AWS_20", true],
    [["CKV_AWS_*"], "Checkov", "CKV_GCP_1", false],
    [["rule:with:colons"], "tool", "rule:with:colons", true],
    [[], "CodeQL", "js/xss", false],
  ])("%j vs %s %s → %s", (globs, tool, ruleId, expected) => {
    expect(matchesRule(globs, tool, ruleId)).toBe(expected);
  });

  it("reports which pattern matched", () => {
    expect(ruleMatcher(["eslint:*", "codeql:js/*"])("CodeQL", "js/xss")).toBe("codeql:js/*");
  });
});

describe("matchesArtifactName", () => {
  it.each([
    [["*sarif*"], "codeql-sarif", true],
    [["*sarif*"], "Semgrep-SARIF-results", true],
    [["*sarif*"], "coverage-report", false],
    [["trivy-*", "*.sarif"], "TRIVY-scan", true],
    [[], "results.sarif", false],
  ])("%j vs %s → %s", (globs, name, expected) => {
    expect(matchesArtifactName(globs, name)).toBe(expected);
  });
});
