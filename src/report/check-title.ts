import { SEVERITIES, type Note, type Severity } from "../findings/finding.js";
import type { GateResult, TriagedFinding } from "../triage/disposition.js";
import { isOpenNew } from "./summary-rows.js";
import { plainText, truncate } from "./sanitize.js";

/** The title is one line in the checks list; the summary says the rest. */
const MAX_TITLE_CHARS = 120;

/**
 * "2 new high findings block this pull request", "No new findings"… plain text: GitHub shows
 * check run titles verbatim.
 */
export function checkTitle(gate: GateResult, triaged: TriagedFinding[], notes: Note[]): string {
  const open = triaged.filter(isOpenNew);
  if (open.length === 0) {
    if (gate.conclusion !== "failure") return "No new findings";
    const errors = notes.filter((note) => note.level === "error").length;
    if (errors > 0)
      return `Failed closed: ${errors} ${errors === 1 ? "problem" : "problems"} reading results`;
    return truncate(
      plainText(gate.reason, MAX_TITLE_CHARS * 2).replace(/\s+/g, " "),
      MAX_TITLE_CHARS,
    );
  }
  const found = describe(open.map((t) => t.finding.severity));
  if (gate.conclusion === "failure") {
    return `${found} ${open.length === 1 ? "blocks" : "block"} this pull request`;
  }
  return `${found} (not blocking)`;
}

/** "1 new high finding", "3 new findings (1 critical, 2 medium)". */
function describe(severities: Severity[]): string {
  const counts = SEVERITIES.map(
    (s) => [s, severities.filter((x) => x === s).length] as const,
  ).filter(([, n]) => n > 0);
  const noun = severities.length === 1 ? "finding" : "findings";
  const only = counts.length === 1 ? counts[0] : undefined;
  if (only !== undefined) return `${severities.length} new ${only[0]} ${noun}`;
  const breakdown = counts.map(([s, n]) => `${n} ${s}`).join(", ");
  return `${severities.length} new ${noun} (${breakdown})`;
}
