/**
 * The gate entries that judge a pull request: the repository's own and, when the organisation
 * enforces a gate, the organisation's (design.md "Organisation policy that repositories cannot
 * loosen"). Each side is its first entry whose branches match the base branch.
 */
import type { FailOn, GateEntry, GuardrailConfig, RuleAction } from "../config/schema.js";
import { branchMatcher } from "../config/match.js";
import type { PolicySource } from "../triage/verdict.js";
import { compileExpression, type CompiledExpression } from "../config/cel-environment.js";

export interface CompiledRule {
  name: string;
  when: string;
  action: RuleAction;
  source: PolicySource;
  test: CompiledExpression;
}

export interface GateSide {
  source: PolicySource;
  failOn: FailOn;
  rules: CompiledRule[];
}

export function gateSides(
  config: Pick<GuardrailConfig, "gate" | "enforce">,
  baseBranch: string,
  defaultBranch: string,
): GateSide[] {
  const sides: GateSide[] = [];
  const own = entryFor(config.gate, baseBranch, defaultBranch);
  // No matching entry never fails, as before rules existed.
  sides.push(
    own === undefined
      ? { source: "repository", failOn: "none", rules: [] }
      : side(own, "repository"),
  );
  const enforced = entryFor(config.enforce?.gate ?? [], baseBranch, defaultBranch);
  if (enforced !== undefined) sides.push(side(enforced, "organisation"));
  return sides;
}

function entryFor(
  entries: readonly GateEntry[],
  baseBranch: string,
  defaultBranch: string,
): GateEntry | undefined {
  return entries.find((entry) => branchMatcher(entry.branches, defaultBranch)(baseBranch) !== null);
}

function side(entry: GateEntry, source: PolicySource): GateSide {
  return {
    source,
    failOn: entry.fail_on,
    rules: entry.rules.map((rule) => ({ ...rule, source, test: compileExpression(rule.when) })),
  };
}
