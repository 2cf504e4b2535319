/**
 * The policy stage, between triage and the gate: every finding gets its verdict; `ignore`d ones
 * leave the report (comments, annotations, gate) and are only counted in the Policy section.
 */
import type { GuardrailConfig } from "../config/schema.js";
import type { TriagedFinding } from "../triage/disposition.js";
import type { PolicySource, Verdict } from "../triage/verdict.js";
import { gateSides } from "./gate-sides.js";
import type { RuleScope } from "./rule-variables.js";
import { judge } from "./verdict.js";

export interface RuleTally {
  /** The rule's name, or `fail_on: high` for an enforced threshold. */
  rule: string;
  source: PolicySource;
  verdict: Verdict;
  count: number;
}

export interface RuleError {
  rule: string;
  source: PolicySource;
  findingId: string;
  message: string;
}

export interface PolicyReport {
  /** Per rule that decided at least one finding, in first-seen order. */
  rules: RuleTally[];
  /** Rules that could not be evaluated on a finding (that finding is blocked). */
  errors: RuleError[];
}

export interface PolicyOutcome {
  /** Every finding not ignored, each with its verdict. */
  triaged: TriagedFinding[];
  ignored: TriagedFinding[];
  report: PolicyReport;
}

export function applyPolicy(
  triaged: readonly TriagedFinding[],
  input: {
    config: Pick<GuardrailConfig, "gate" | "enforce">;
    baseBranch: string;
    defaultBranch: string;
    isFork: boolean;
  },
): PolicyOutcome {
  const sides = gateSides(input.config, input.baseBranch, input.defaultBranch);
  const scope: RuleScope = { branch: input.baseBranch, isFork: input.isFork };
  const out: PolicyOutcome = { triaged: [], ignored: [], report: { rules: [], errors: [] } };
  const tallies = new Map<string, RuleTally>();
  for (const t of triaged) {
    const verdict = judge(t.finding, t.isNew, sides, scope);
    const judged: TriagedFinding = { ...t, verdict };
    (verdict.verdict === "ignore" ? out.ignored : out.triaged).push(judged);
    const { cause } = verdict;
    if (cause.kind === "default") continue;
    // A repository's own fail_on is the familiar threshold: the Policy section lists rules and
    // what the organisation enforces.
    if (cause.kind === "fail_on" && cause.source === "repository") continue;
    const rule = cause.kind === "rule" ? cause.rule : `fail_on: ${cause.failOn}`;
    const verdictShown: Verdict = verdict.verdict;
    const key = `${cause.source}\u0000${rule}\u0000${verdictShown}`;
    const tally = tallies.get(key) ?? {
      rule,
      source: cause.source,
      verdict: verdictShown,
      count: 0,
    };
    tally.count += 1;
    tallies.set(key, tally);
    if (cause.kind === "rule" && cause.error !== undefined) {
      out.report.errors.push({
        rule,
        source: cause.source,
        findingId: t.finding.id,
        message: cause.error,
      });
    }
  }
  out.report.rules = [...tallies.values()];
  return out;
}
