import type { GuardrailConfig } from "../config/schema.js";
import type { Analysis } from "../domain/analysis.js";
import type { GateResult, TriagedFinding } from "../triage/disposition.js";

/**
 * What an analysis produced, per target, for the features that act on it afterwards (chat
 * notifications, backlog issues): analyse-run returns it, the job registry hands it on.
 */
export interface AnalysisOutcome {
  analysis: Analysis;
  config: GuardrailConfig;
  /** A push whose findings became its branch's baseline. */
  baseline: boolean;
  targets: {
    pr: { number: number; baseRef: string } | null;
    checkRunId: number;
    gate: GateResult;
    triaged: readonly TriagedFinding[];
  }[];
}

/** The push (no pull request) target of a default-branch baseline analysis, if this is one. */
export function defaultBranchPush(
  outcome: AnalysisOutcome,
): AnalysisOutcome["targets"][number] | undefined {
  const { analysis } = outcome;
  if (!outcome.baseline || analysis.run.headBranch !== analysis.defaultBranch) return undefined;
  return outcome.targets.find((t) => t.pr === null);
}

/** The repository's web URL from the run's `html_url` (`…/owner/repo/actions/runs/1`). */
export function repoWebUrlOf(analysis: Analysis): string {
  const at = analysis.runUrl.indexOf("/actions/runs/");
  return at > 0
    ? analysis.runUrl.slice(0, at)
    : `https://github.com/${analysis.run.owner}/${analysis.run.repo}`;
}
