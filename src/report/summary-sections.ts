import { plural } from "../text/plural.js";
import { SEVERITIES } from "../findings/finding.js";
import type { GateResult, TriagedFinding } from "../triage/disposition.js";
import { andMore, fitTable, headed, type Section } from "./fit-lines.js";
import { safeInline, safeUrl } from "./sanitize.js";
import { severityLabel } from "./severity-label.js";
import { FINDING_HEADER, findingCells, isOpenNew, mostSevereFirst } from "./summary-rows.js";

/** Rows per table in the summary; the check run's `text` lists the rest. */
export const MAX_SUMMARY_ROWS = 50;
const MAX_REASON_CHARS = 1_000;

const CONCLUSION_LABEL: Record<GateResult["conclusion"], string> = {
  failure: "❌ **Blocked.**",
  neutral: "⚠️ **Not blocking.**",
  success: "✅ **Passed.**",
};

export function gateSection(gate: GateResult): Section {
  return () => `${CONCLUSION_LABEL[gate.conclusion]} ${safeInline(gate.reason, MAX_REASON_CHARS)}`;
}

export interface RunContext {
  headSha: string;
  /** Set for a push (baseline) analysis: the summary speaks of this branch, not of a diff. */
  branch?: string | undefined;
  runUrl?: string | undefined;
  toolNames: string[];
  inlineCount: number;
  annotationCount: number;
}

export function contextSection(context: RunContext): Section {
  return () => {
    const run = safeUrl(context.runUrl);
    const tools = context.toolNames.map((name) => safeInline(name, 100)).slice(0, 20);
    const branch =
      context.branch === undefined ? "" : ` on ${safeInline(`\`${context.branch}\``, 260)}`;
    const shown =
      context.branch === undefined
        ? `In the diff: ${plural(context.inlineCount, "inline comment")}, ${plural(context.annotationCount, "annotation")}.`
        : `The branch as pushed, no pull request: ${plural(context.annotationCount, "annotation")}.`;
    return [
      `Analysed \`${context.headSha.replace(/[^0-9a-f]/gi, "").slice(0, 12)}\`${branch}`,
      tools.length === 0 ? "" : ` with ${tools.join(", ")}`,
      run === undefined ? "" : ` ([workflow run](${run}))`,
      `. ${shown}`,
    ].join("");
  };
}

export function countsSection(triaged: TriagedFinding[]): Section {
  return (maxBytes) => {
    if (triaged.length === 0) return "### Findings\n\nThe scanners reported no findings.";
    // A severity nobody reported is a row of zeros: noise between the rows that matter.
    const reported = SEVERITIES.filter((s) => triaged.some((t) => t.finding.severity === s));
    const rows = reported.map((severity) => {
      const of = triaged.filter((t) => t.finding.severity === severity);
      const newCount = of.filter(isOpenNew).length;
      const existing = of.filter((t) => !t.isNew && t.suppressedBy === null).length;
      const suppressed = of.filter((t) => t.suppressedBy !== null).length;
      return [severityLabel(severity), String(newCount), String(existing), String(suppressed)];
    });
    const header = ["Severity", "New", "Pre-existing", "Suppressed"];
    return headed("### Findings\n\n", maxBytes, (budget) =>
      fitTable({ header, rows, maxBytes: budget, more: andMore("") }),
    );
  };
}

export function newFindingsSection(triaged: TriagedFinding[]): Section {
  return (maxBytes) => {
    const open = mostSevereFirst(triaged.filter(isOpenNew));
    if (open.length === 0) return "";
    const rows = open.slice(0, MAX_SUMMARY_ROWS).map(findingCells);
    return headed(`### New findings (${open.length})\n\n`, maxBytes, (budget) =>
      fitTable({
        header: FINDING_HEADER,
        rows,
        total: open.length,
        maxBytes: budget,
        more: andMore("(listed in the check run details)"),
      }),
    );
  };
}
