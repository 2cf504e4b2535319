import { SEVERITIES, type Note, type Severity } from "../findings/finding.js";
import type { GateResult, TriagedFinding } from "../triage/disposition.js";
import { isOpenNew } from "./summary-rows.js";
import { plainText, truncate } from "./sanitize.js";

/** The title is one line in the checks list; the summary says the rest. */
const MAX_TITLE_CHARS = 120;

/**
 * "1 high blocks · 1 medium new", "No new findings"… Only what blocks is called blocking: a
 * medium finding under a `fail_on: high` gate is new, not a blocker. Plain text: GitHub shows
 * check run titles verbatim.
 */
export function checkTitle(gate: GateResult, triaged: TriagedFinding[], notes: Note[]): string {
  const open = triaged.filter(isOpenNew);
  const incomplete = incompleteClause(notes);
  const title = [mainClause(gate, triaged, open, notes), incomplete].filter((c) => c !== "");
  if (open.length === 0 && gate.conclusion !== "failure" && incomplete !== "") {
    return truncate(`Incomplete: ${incomplete}`, MAX_TITLE_CHARS);
  }
  return truncate(title.join(" · "), MAX_TITLE_CHARS);
}

function mainClause(
  gate: GateResult,
  triaged: TriagedFinding[],
  open: TriagedFinding[],
  notes: Note[],
): string {
  if (gate.conclusion === "failure" && gate.blocking !== undefined) {
    const blocking = new Set(gate.blocking);
    const blockers = triaged.filter((t) => blocking.has(t.finding.fingerprint));
    const rest = open.filter((t) => !blocking.has(t.finding.fingerprint));
    const parts = [
      blockers.length === 0 ? unreadClause(gate, notes) : blockClause(blockers),
      rest.length === 0 ? "" : `${counts(rest)} new`,
    ];
    return parts.filter((p) => p !== "").join(" · ");
  }
  if (open.length === 0)
    return gate.conclusion === "failure" ? unreadClause(gate, notes) : "No new findings";
  const found = describe(open.map((t) => t.finding.severity));
  if (gate.conclusion === "failure")
    return `${found} ${open.length === 1 ? "blocks" : "block"} this pull request`;
  return `${found} (not blocking)`;
}

function blockClause(blockers: TriagedFinding[]): string {
  return `${counts(blockers)} ${blockers.length === 1 ? "blocks" : "block"}`;
}

/** A failure with nothing blocking: inputs could not be read, or the config is invalid. */
function unreadClause(gate: GateResult, notes: Note[]): string {
  const errors = notes.filter((n) => n.level === "error" && n.incompleteTool === undefined).length;
  if (errors > 0)
    return `Failed closed: ${errors} ${errors === 1 ? "problem" : "problems"} reading results`;
  return truncate(
    plainText(gate.reason, MAX_TITLE_CHARS * 2).replace(/\s+/g, " "),
    MAX_TITLE_CHARS,
  );
}

function incompleteClause(notes: Note[]): string {
  const tools = [
    ...new Set(notes.flatMap((n) => (n.incompleteTool === undefined ? [] : [n.incompleteTool]))),
  ];
  if (tools.length === 0) return "";
  const names = plainText(tools.join(", "), MAX_TITLE_CHARS);
  return `${names} did not analyse every file`;
}

/** "1 high", "1 critical, 2 medium". */
function counts(findings: TriagedFinding[]): string {
  return SEVERITIES.map(
    (s) => [s, findings.filter((t) => t.finding.severity === s).length] as const,
  )
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(", ");
}

/** "1 new high finding", "3 new findings (1 critical, 2 medium)". */
function describe(severities: Severity[]): string {
  const counted = SEVERITIES.map(
    (s) => [s, severities.filter((x) => x === s).length] as const,
  ).filter(([, n]) => n > 0);
  const noun = severities.length === 1 ? "finding" : "findings";
  const only = counted.length === 1 ? counted[0] : undefined;
  if (only !== undefined) return `${severities.length} new ${only[0]} ${noun}`;
  return `${severities.length} new ${noun} (${counted.map(([s, n]) => `${n} ${s}`).join(", ")})`;
}
