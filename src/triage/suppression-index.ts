/**
 * Store suppressions indexed for a hash join with the findings: findings × suppressions would be
 * quadratic on a repository with thousands of both. Finding scopes are keyed by fingerprint; rule
 * and path scopes by tool + rule id, with each distinct path glob compiled and tested once.
 */
import type { Finding } from "../findings/finding.js";
import type { Suppression } from "../domain/suppression.js";
import { compileGlob } from "../config/match.js";
import { ruleKey, scopeCovers } from "./covering.js";

export interface SuppressionIndex {
  /** The most specific suppression covering the finding: finding scope, then path, then rule. */
  find(finding: Finding): Suppression | null;
}

interface RuleEntry {
  wholeRule: Suppression | null;
  /** By path glob; the first suppression of a glob stands for any duplicates. */
  byGlob: Map<string, { covers: (path: string) => boolean; suppression: Suppression }>;
}

export function indexSuppressions(suppressions: readonly Suppression[]): SuppressionIndex {
  const byFingerprint = new Map<string, Suppression>();
  const byRule = new Map<string, RuleEntry>();
  for (const suppression of suppressions) {
    const scope = suppression.scope;
    if (scope.kind === "finding") {
      if (!byFingerprint.has(scope.fingerprint)) byFingerprint.set(scope.fingerprint, suppression);
      continue;
    }
    const key = ruleKey(scope.tool, scope.ruleId);
    let entry = byRule.get(key);
    if (entry === undefined) {
      entry = { wholeRule: null, byGlob: new Map() };
      byRule.set(key, entry);
    }
    if (scope.kind === "rule") entry.wholeRule ??= suppression;
    else if (!entry.byGlob.has(scope.pathGlob)) {
      entry.byGlob.set(scope.pathGlob, { covers: compileGlob(scope.pathGlob), suppression });
    }
  }
  return {
    find(finding) {
      const exact = byFingerprint.get(finding.fingerprint);
      if (exact !== undefined) return exact;
      const entry = byRule.get(ruleKey(finding.tool.name, finding.rule.id));
      if (entry === undefined) return null;
      const key = {
        fingerprint: finding.fingerprint,
        tool: finding.tool.name,
        ruleId: finding.rule.id,
        path: finding.location.path,
      };
      for (const { covers, suppression } of entry.byGlob.values()) {
        // The glob compiled once per distinct pattern; the meaning is scopeCovers's.
        if (scopeCovers(suppression.scope, key, () => covers)) return suppression;
      }
      return entry.wholeRule;
    },
  };
}
