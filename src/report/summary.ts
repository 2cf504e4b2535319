import type { Note } from "../findings/finding.js";
import type { GateResult, TriagedFinding } from "../triage/disposition.js";
import { checkTitle } from "./check-title.js";
import { andMore, fitSections, fitTable, headed, type Section } from "./fit-lines.js";
import type { OmittedFinding } from "./plan.js";
import {
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
      omittedSection(input.omitted),
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

/** The full lists the summary cuts short, for whoever opens the check run's details. */
function textSections(input: SummaryInput): Section[] {
  const open = mostSevereFirst(input.triaged.filter(isOpenNew));
  const suppressed = input.triaged.filter((t) => t.suppressedBy !== null);
  return [
    listSection(
      "All new findings",
      FINDING_HEADER,
      open.slice(0, MAX_TEXT_ROWS).map(findingCells),
      open.length,
    ),
    listSection(
      "Not shown in the diff",
      [...FINDING_HEADER, "Why"],
      omittedRows(input.omitted.slice(0, MAX_TEXT_ROWS)),
      input.omitted.length,
    ),
    listSection(
      "Suppressed findings",
      SUPPRESSED_HEADER,
      suppressedRows(suppressed.slice(0, MAX_TEXT_ROWS)),
      suppressed.length,
    ),
  ];
}

function listSection(title: string, header: string[], rows: string[][], total: number): Section {
  return (maxBytes) => {
    if (total === 0) return "";
    return headed(`## ${title} (${total})\n\n`, maxBytes, (budget) =>
      fitTable({ header, rows, total, maxBytes: budget, more: andMore("") }),
    );
  };
}
