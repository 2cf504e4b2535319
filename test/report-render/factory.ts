import type { Finding } from "../../src/findings/finding.js";
import type { Suppression } from "../../src/store/suppression.js";
import type { TriagedFinding } from "../../src/triage/disposition.js";

/** A plausible CodeQL finding; override what the test is about. */
export function makeFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    tool: { name: "CodeQL", version: "2.20.7" },
    rule: {
      id: "js/sql-injection",
      name: "Database query built from user-controlled sources",
      shortDescription: "Database query built from user-controlled sources",
      helpMarkdown: "# SQL injection\n\nUse parameterised queries.",
      helpUri: "https://codeql.github.com/codeql-query-help/javascript/js-sql-injection/",
      tags: ["security", "external/cwe/cwe-089"],
    },
    severity: "high",
    message: "This query depends on a [user-provided value](1).",
    location: { path: "src/db.js", region: { startLine: 12, endLine: 12 } },
    relatedLocations: [],
    codeFlows: [],
    fixes: [],
    suppressions: [],
    identity: {},
    fingerprint: "v1:3f2a9c0d1e",
    id: "GR-1a2b3c4d",
    ...overrides,
  };
}

export function makeTriaged(
  overrides: Partial<TriagedFinding> = {},
  finding: Partial<Finding> = {},
): TriagedFinding {
  return {
    finding: makeFinding(finding),
    position: "added",
    isNew: true,
    suppressedBy: null,
    commentable: true,
    expiredSuppression: null,
    ...overrides,
  };
}

export function makeSuppression(overrides: Partial<Suppression> = {}): Suppression {
  return {
    id: 7,
    repo: "octo/app",
    scope: { kind: "finding", fingerprint: "v1:3f2a9c0d1e" },
    reason: "false-positive",
    justification: "input is escaped upstream",
    author: "alice",
    createdAt: new Date("2025-01-01T00:00:00Z"),
    expiresAt: null,
    source: null,
    status: "active",
    findingId: "GR-1a2b3c4d",
    ...overrides,
  };
}

/** Hostile strings every renderer must make inert. */
export const HOSTILE: Record<string, string> = {
  everyone: "ping @everyone and @here now",
  user: "cc @octocat please",
  team: "cc @github/security-team",
  img: '<img src=x onerror="alert(1)">',
  jsLink: "[click](javascript:alert(1))",
  dataLink: "[click](data:text/html;base64,PHNjcmlwdD4=)",
  vbLink: "[click](vbscript:msgbox(1))",
  relLink: "[click](../../settings)",
  autolink: "<javascript:alert(1)>",
  image: "![tracking](http://x/y.png)",
  fence: "```\n</details>\n```\nafter",
  details: "</details><details open><summary>x</summary>",
  marker: "<!-- guardrail:v1 fingerprint=evil id=GR-deadbeef -->",
  entity: "&#64;everyone &lt;script&gt;",
  rtl: "access\u202Eevil\u2066 ok\u0007\u001b[31m",
  heading: "text\n# Big heading\n---\n| a | b |\n|---|---|",
  issueRef: "fixes #1 and octo/app#2 and GH-3",
};
