import type { Analysis } from "../domain/analysis.js";
import type { CheckOutput } from "../github/check-runs.js";
import { renderCheckOutput } from "../report/summary.js";
import type { Evaluation } from "./evaluate.js";

/** The check run's title, summary and text for one judged target of an analysis. */
export function checkOutputOf(
  analysis: Analysis,
  evaluation: Evaluation,
  /** `branch` for a push: the summary then speaks of the branch, not of a diff. */
  shown: { inline: number; annotations: number; branch?: string | undefined },
): CheckOutput {
  return renderCheckOutput({
    gate: evaluation.gate,
    triaged: evaluation.triaged,
    notes: analysis.notes,
    omitted: evaluation.plan.omitted,
    inlineCount: shown.inline,
    annotationCount: shown.annotations,
    headSha: analysis.run.headSha,
    branch: shown.branch,
    runUrl: analysis.runUrl,
    toolNames: analysis.toolNames,
    policy: evaluation.policy,
  });
}
