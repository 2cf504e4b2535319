import { compileGlob } from "../config/match.js";
import type { Suppression, SuppressionScope } from "../domain/suppression.js";

/** What is known of a finding a suppression may cover (after a command, the finding may be gone). */
export interface FindingKey {
  fingerprint: string;
  tool?: string | undefined;
  ruleId?: string | undefined;
  path?: string | undefined;
}

/**
 * The one meaning of "this suppression covers this finding", for triage and commands alike: a
 * finding scope by fingerprint; rule and path scopes by tool (any capitalisation: scanners change
 * theirs across versions) and rule id, a path scope also by its glob (dotfiles included).
 */
export function scopeCovers(
  scope: SuppressionScope,
  key: FindingKey,
  glob: (pattern: string) => (path: string) => boolean = compileGlob,
): boolean {
  if (scope.kind === "finding") return scope.fingerprint === key.fingerprint;
  if (
    !key.tool ||
    !key.ruleId ||
    ruleKey(scope.tool, scope.ruleId) !== ruleKey(key.tool, key.ruleId)
  )
    return false;
  return scope.kind === "rule" || (key.path !== undefined && glob(scope.pathGlob)(key.path));
}

/** Every suppression that covers the finding, whatever its scope (for `/open` and `list`). */
export function coveringSuppressions(
  key: FindingKey,
  suppressions: readonly Suppression[],
): Suppression[] {
  return suppressions.filter((s) => scopeCovers(s.scope, key));
}

/** Rule and path scopes are grouped by this key (src/triage/suppression-index.ts joins on it). */
export function ruleKey(tool: string, ruleId: string): string {
  return `${tool.toLowerCase()}\0${ruleId}`;
}
