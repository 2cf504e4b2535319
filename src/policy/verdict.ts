/**
 * One finding's verdict (design.md "Policy as code"): on each gate side the first rule that
 * matches decides, else `fail_on` blocks a new finding at or above it; across sides the stricter
 * verdict wins (block > warn > pass > ignore). A rule that errors on a finding blocks it: a
 * policy that cannot be evaluated must not pass as satisfied.
 */
import { severityRank, type Finding } from "../findings/finding.js";
import type { FindingVerdict, Verdict } from "../triage/verdict.js";
import type { CompiledRule, GateSide } from "./gate-sides.js";
import { ruleVariables, type RuleScope, type RuleVariables } from "./rule-variables.js";

const STRICTNESS: Record<Verdict, number> = { ignore: 0, pass: 1, warn: 2, block: 3 };

const PASS: FindingVerdict = { verdict: "pass", cause: { kind: "default" } };

export function judge(
  finding: Finding,
  isNew: boolean,
  sides: readonly GateSide[],
  scope: RuleScope,
): FindingVerdict {
  const variables = ruleVariables(finding, isNew, scope);
  const [own, ...enforced] = sides.map((side) => judgeSide(side, variables, finding, isNew));
  let decided = own ?? PASS;
  for (const verdict of enforced) {
    // An enforced side with no opinion (nothing matched, nothing blocks) leaves the repo's verdict.
    if (verdict.cause.kind === "default") continue;
    if (STRICTNESS[verdict.verdict] > STRICTNESS[decided.verdict]) decided = verdict;
  }
  return decided;
}

function judgeSide(
  side: GateSide,
  variables: RuleVariables,
  finding: Finding,
  isNew: boolean,
): FindingVerdict {
  for (const rule of side.rules) {
    const outcome = run(rule, variables);
    if (outcome === false) continue;
    const cause = { kind: "rule" as const, rule: rule.name, source: rule.source };
    if (outcome === true) return { verdict: rule.action, cause };
    return { verdict: "block", cause: { ...cause, error: outcome.error } };
  }
  if (
    isNew &&
    side.failOn !== "none" &&
    severityRank(finding.severity) <= severityRank(side.failOn)
  ) {
    return {
      verdict: "block",
      cause: { kind: "fail_on", failOn: side.failOn, source: side.source },
    };
  }
  return PASS;
}

function run(rule: CompiledRule, variables: RuleVariables): boolean | { error: string } {
  try {
    const value = rule.test(variables);
    return typeof value === "boolean" ? value : { error: `returned ${typeof value}, not a bool` };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { error: (message.split("\n", 1)[0] ?? message).trim() };
  }
}
