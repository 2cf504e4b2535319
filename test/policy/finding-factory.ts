import type { Finding } from "../../src/findings/finding.js";
import type { TriagedFinding } from "../../src/triage/disposition.js";

/** A Trivy-like SCA finding; every CEL variable has a value a rule can test. */
export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    tool: { name: "Trivy" },
    rule: { id: "CVE-2021-44228/log4j-core", tags: ["vulnerability", "CRITICAL"] },
    severity: "critical",
    level: "error",
    message: "log4j-core 2.14.1 is vulnerable",
    location: { path: "pom.xml", region: { startLine: 12, endLine: 12 } },
    relatedLocations: [],
    codeFlows: [],
    fixes: [],
    suppressions: [],
    identity: {},
    cve: ["CVE-2021-44228"],
    cwe: ["CWE-502"],
    cvss: 10,
    fingerprint: "fp-1",
    id: "GR-00000001",
    ...overrides,
  };
}

export function triagedOf(
  f: Finding,
  opts: { isNew?: boolean; suppressed?: boolean } = {},
): TriagedFinding {
  return {
    finding: f,
    position: "added",
    isNew: opts.isNew ?? true,
    suppressedBy: opts.suppressed
      ? { kind: "config", key: "paths_ignore", pattern: "pom.xml" }
      : null,
    commentable: true,
    expiredSuppression: null,
  };
}
