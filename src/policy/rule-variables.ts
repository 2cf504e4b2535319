/**
 * The CEL variables one finding is judged with (design.md "Policy as code"). Numbers follow CEL:
 * `line` is an int (a BigInt here), `epss` and `cvss` are doubles, 0 when unknown.
 */
import type { Finding } from "../findings/finding.js";
import { DEFAULT_LEVEL } from "../sarif/severity.js";

export interface RuleVariables {
  finding: {
    tool: string;
    rule: string;
    severity: string;
    level: string;
    tags: string[];
    cwe: string[];
    cve: string[];
    path: string;
    line: bigint;
    new: boolean;
    kev: boolean;
    epss: number;
    cvss: number;
    message: string;
  };
  branch: string;
  is_fork: boolean;
}

export interface RuleScope {
  /** The pull request's base branch (the pushed branch for a push). */
  branch: string;
  isFork: boolean;
}

export function ruleVariables(finding: Finding, isNew: boolean, scope: RuleScope): RuleVariables {
  return {
    finding: {
      tool: finding.tool.name,
      rule: finding.rule.id,
      severity: finding.severity,
      level: finding.level ?? DEFAULT_LEVEL,
      tags: [...finding.rule.tags],
      cwe: [...(finding.cwe ?? [])],
      cve: [...(finding.cve ?? [])],
      path: finding.location.path,
      line: BigInt(finding.location.region?.startLine ?? 0),
      new: isNew,
      kev: finding.kev === true,
      epss: finding.epss ?? 0,
      cvss: finding.cvss ?? 0,
      message: finding.message,
    },
    branch: scope.branch,
    is_fork: scope.isFork,
  };
}
