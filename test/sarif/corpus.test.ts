/**
 * Every real SARIF file in test/fixtures/sarif through readSarif + normaliseSarif. Expected
 * counts were measured independently with jq (kind filter, then one per tool/rule/path/lines).
 */
import { describe, expect, it } from "@jest/globals";
import type { RawFinding, Severity } from "../../src/findings/finding.js";
import { normaliseSarif } from "../../src/sarif/normalise.js";
import { fixtureFiles, read } from "./corpus-fixtures.js";

interface Fact {
  /** Findings after kind filtering and dedupe; null when the file must be refused. */
  findings: number | null;
  warnings?: number;
  severities?: Partial<Record<Severity, number>>;
  paths?: string[];
}

const FACTS: Record<string, Fact> = {
  "bandit/bandit-1.8.6-172-results.sarif": { findings: 172, severities: { low: 171, medium: 1 } },
  "checkov/checkov-2.1.16-with-suppressions.sarif": { findings: 6, paths: ["buckets.tf"] },
  "checkov/checkov-3.2.495-terraform-azure.sarif": { findings: 11, severities: { high: 11 } },
  "codeql/codeql-2.12.6-javascript-vulnerable-node-codeflows.sarif": { findings: 27 },
  "codeql/codeql-2.20.7-javascript-codeflows-taxonomies.sarif": {
    findings: 21,
    paths: ["backend/server.js", "frontend/src/App.js"],
  },
  "codeql/codeql-2.23.9-java-custom-query-unicode-minified.sarif": { findings: 1 },
  "codeql/codeql-action-testdata-fingerprinting-input-no-fingerprints.sarif": {
    findings: 2,
    paths: ["testFile1.js", "testFile2.js"],
  },
  "codeql/codeql-action-testdata-invalid-results-is-number.sarif": { findings: null },
  "codeql/codeql-action-testdata-valid-two-runs-lgtm-codeql.sarif": { findings: 3 },
  "eslint/eslint-8.49.0-822-results.sarif": { findings: 805, severities: { high: 801, medium: 4 } },
  "eslint/eslint-8.56.0-with-suppressions.sarif": { findings: 12 },
  "gitleaks/gitleaks-testdata-sarif-simple.sarif": { findings: 1 },
  "gosec/gosec-dev-26-results-cwe-taxonomy.sarif": {
    findings: 26,
    severities: { high: 13, medium: 13 },
  },
  "gosec/gosec-dev-fixes-artifactChanges-null.sarif": { findings: 7, warnings: 1 },
  "grype/grype-snapshot-image.sarif": { findings: 2, severities: { high: 2 } },
  "kics/kics-2.1.11-terraform-gcp.sarif": {
    findings: 26,
    warnings: 1,
    paths: ["../../path/main.tf"],
  },
  "sarif-sdk-testdata/JSON1001-syntax-error-INVALID-JSON.sarif": { findings: null },
  "sarif-sdk-testdata/originalUriBaseIds-fixes-relatedLocations-codeFlows.sarif": {
    findings: 1,
    paths: ["file.c"],
  },
  "sarif-sdk-testdata/results-missing-empty-or-address-only-locations.sarif": {
    findings: 1,
    paths: ["file.c"],
  },
  "semgrep/semgrep-0.44.0-577-results.sarif": { findings: 577 },
  "semgrep/semgrep-snapshot-autofix-fixes.sarif": { findings: 2 },
  "semgrep/semgrep-snapshot-errors-no-results.sarif": { findings: 0 },
  "semgrep/semgrep-snapshot-nosemgrep-suppressions.sarif": { findings: 2 },
  "snyk/snyk-open-source-npm-fixture.sarif": {
    findings: 7,
    severities: { high: 2, medium: 3, low: 2 },
    paths: ["package.json"],
  },
  "tfsec/tfsec-1.28.14-defsec-driver-aws.sarif": {
    findings: 19,
    severities: { high: 11, medium: 6, low: 2 },
  },
  "trivy/trivy-0.15.0-builtin-image-vuln-rootpath-slash.sarif": {
    findings: 124,
    severities: { high: 64, medium: 46, low: 14 },
  },
  "trivy/trivy-0.45.1-config-terraform-misconfig.sarif": { findings: 13 },
  "trivy/trivy-contrib-sarif-tpl-template-image-vuln.sarif": { findings: 4, paths: ["Dockerfile"] },
};

function tally(list: readonly RawFinding[]): Partial<Record<Severity, number>> {
  const counts: Partial<Record<Severity, number>> = {};
  for (const finding of list) counts[finding.severity] = (counts[finding.severity] ?? 0) + 1;
  return counts;
}

describe("SARIF corpus", () => {
  it("has a fact for every fixture file", () => {
    expect(fixtureFiles().filter((file) => file.endsWith(".sarif"))).toEqual(
      Object.keys(FACTS).sort(),
    );
  });

  it.each(Object.entries(FACTS))("%s", (file, fact) => {
    const outcome = read(file);
    expect(outcome.ok).toBe(fact.findings !== null);
    if (!outcome.ok) {
      expect(outcome.notes).toEqual([
        { level: "error", source: file, message: expect.any(String) as unknown },
      ]);
      return;
    }
    expect(outcome.warnings).toHaveLength(fact.warnings ?? 0);
    const { findings: list, notes } = normaliseSarif(outcome.log, { source: file });
    expect(list).toHaveLength(fact.findings ?? 0);
    for (const note of notes) expect(note.source).toBe(file);
    if (fact.severities !== undefined) expect(tally(list)).toEqual(fact.severities);
    if (fact.paths !== undefined)
      expect([...new Set(list.map((f) => f.location.path))].sort()).toEqual(fact.paths);
  });
});
