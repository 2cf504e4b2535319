/** `--format markdown`: the check run's own title, summary and details, e.g. for a CI job summary. */
import { renderCheckOutput } from "../report/summary.js";
import type { CheckReport } from "./check-report.js";

export function renderMarkdown(report: CheckReport): string {
  const { gate, triaged, plan } = report.evaluation;
  const output = renderCheckOutput({
    gate,
    triaged,
    notes: report.notes,
    omitted: plan.omitted,
    inlineCount: plan.comments.length,
    annotationCount: plan.annotations.length,
    headSha: report.headSha,
    toolNames: report.toolNames,
    policy: report.evaluation.policy,
  });
  const parts = [`## ${output.title}`, output.summary, output.text].filter((part) => part !== "");
  return `${parts.join("\n\n")}\n`;
}
