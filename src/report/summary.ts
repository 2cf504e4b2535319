import type { Note } from "../findings/finding.js";
import type { GateResult, TriagedFinding } from "../triage/disposition.js";
import { checkTitle } from "./check-title.js";
import { andMore, fitSections, fitTable, headed, type Section } from "./fit-lines.js";
import type { OmittedFinding } from "./plan.js";
import {
  awaitingApprovalSection,
  expiredSection,
  omittedRows,
  omittedSection,
  suppressedRows,
  suppressedSection,
  SUPPRESSED_HEADER,
} from "./summary-omissions.js";
import { notesSection } from "./summary-notes.js";
import type { PolicyReport } from "../policy/apply-policy.js";
import { policySection } from "./summary-policy.js";
import { FINDING_HEADER, findingCells, isOpenNew, mostSevereFirst } from "./summary-rows.js";
import {
  contextSection,
  countsSection,
  gateSection,
  MAX_SUMMARY_ROWS,
  newFindingsSection,
} from "./summary-sections.js";

/** GitHub rejects a check run `output.summary` or `output.text` over 65,535 bytes. */
export const MAX_CHECK_OUTPUT_BYTES = 65_535;
/** Rows per table in `text`: past this, bytes run out long before readers' patience does not. */
const MAX_TEXT_ROWS = 1_000;

const TRUNCATED_NOTICE = "_Cut to fit GitHub's size limit for check runs._";

export interface SummaryInput {
  gate: GateResult;
  /** All of them: new, pre-existing and suppressed. */
  triaged: TriagedFinding[];
  /** Artifact, SARIF and config problems and warnings. */
  notes: Note[];
  /** Reportable findings shown neither inline nor as annotations. */
  omitted: OmittedFinding[];
  inlineCount: number;
  annotationCount: number;
  headSha: string;
  /** Set for a push (baseline) analysis: the summary speaks of this branch, not of a diff. */
  branch?: string | undefined;
  runUrl?: string | undefined;
  toolNames: string[];
  /** What the gate rules decided (src/policy/apply-policy.ts); absent without a policy stage. */
  policy?: PolicyReport | undefined;
}

export interface CheckOutput {
  title: string;
  /** Markdown, ≤ 65,535 bytes. */
  summary: string;
  /** Markdown, ≤ 65,535 bytes; "" when there is nothing beyond the summary (omit it then). */
  text: string;
}

export function renderCheckOutput(input: SummaryInput): CheckOutput {
  const summary = fitSections(
    [
      gateSection(input.gate),
      contextSection(input),
      countsSection(input.triaged),
      policySection(input.policy),
      notesSection(
        "Problems",
        input.notes.filter((note) => note.level === "error"),
      ),
      newFindingsSection(input.triaged),
      omittedSection(input.omitted, input.branch !== undefined),
      awaitingApprovalSection(input.triaged),
      expiredSection(input.triaged),
      suppressedSection(input.triaged),
      notesSection(
        "Notes",
        input.notes.filter((note) => note.level !== "error"),
      ),
    ],
    MAX_CHECK_OUTPUT_BYTES,
    TRUNCATED_NOTICE,
  );
  return {
    title: checkTitle(input.gate, input.triaged, input.notes),
    summary,
    text: fitSections(textSections(input), MAX_CHECK_OUTPUT_BYTES, TRUNCATED_NOTICE),
  };
}

/**
 * The rows the summary's tables cut short, for whoever opens the check run's details. GitHub
 * shows `text` right under the summary, so a row listed there is not listed again.
 */
function textSections(input: SummaryInput): Section[] {
  const push = input.branch !== undefined;
  const open = mostSevereFirst(input.triaged.filter(isOpenNew));
  const suppressed = mostSevereFirst(input.triaged.filter((t) => t.suppressedBy !== null));
  const omitted = omittedRows(input.omitted, push);
  const omittedTitle = push ? "More not annotated" : "More not shown in the diff";
  return [
    listSection("More new findings", FINDING_HEADER, open.map(findingCells)),
    listSection(omittedTitle, [...FINDING_HEADER, "Why"], omitted),
    listSection("More suppressed findings", SUPPRESSED_HEADER, suppressedRows(suppressed)),
  ];
}

/** The rows after the summary's first {@link MAX_SUMMARY_ROWS}, at most {@link MAX_TEXT_ROWS}. */
function listSection(title: string, header: string[], all: string[][]): Section {
  const rest = all.slice(MAX_SUMMARY_ROWS);
  const rows = rest.slice(0, MAX_TEXT_ROWS);
  const total = rest.length;
  return (maxBytes) => {
    if (total === 0) return "";
    return headed(`## ${title} (${total})\n\n`, maxBytes, (budget) =>
      fitTable({ header, rows, total, maxBytes: budget, more: andMore("") }),
    );
  };
}
