import type { FailOn, GateEntry, GuardrailConfig } from "../config/schema.js";
import { branchMatcher } from "../config/match.js";

/**
 * `--fail-on` replaces the threshold only: the rules of the gate entry that applies to the base
 * branch still run, so `guardrail check` keeps answering like the check run on everything else.
 */
export function overrideFailOn(
  config: Pick<GuardrailConfig, "gate">,
  failOn: FailOn,
  base: { branch: string; defaultBranch: string },
): GateEntry {
  const entry = config.gate.find(
    (candidate) => branchMatcher(candidate.branches, base.defaultBranch)(base.branch) !== null,
  );
  return { branches: ["**"], fail_on: failOn, rules: entry?.rules ?? [] };
}
