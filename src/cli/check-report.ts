/** What `check` decided, handed to whichever renderer `--format` picks. */
import type { FailOn } from "../config/schema.js";
import type { Note } from "../findings/finding.js";
import type { Evaluation } from "../pipeline/evaluate.js";
import { mostSevereFirst } from "../report/summary-rows.js";
import type { TriagedFinding } from "../triage/disposition.js";
import { blocks } from "../triage/gate.js";

export interface CheckReport {
  evaluation: Evaluation;
  /** The gate's threshold for this base (config, or `--fail-on`). */
  failOn: FailOn;
  notes: Note[];
  base: { ref: string; mergeBase: string; branch: string };
  headSha: string;
  toolNames: string[];
}

/** The groups of the check run, in its order. */
export const GROUPS = ["new-blocking", "new", "pre-existing", "suppressed"] as const;
export type Group = (typeof GROUPS)[number];

export function groupOf(t: TriagedFinding, failOn: FailOn): Group {
  if (t.suppressedBy !== null) return "suppressed";
  // A gate rule's verdict decides, as in the check run; a pre-existing finding a rule blocks
  // is listed with the blocking ones, or the reason for exit 1 would be out of sight.
  if (t.verdict?.verdict === "block") return "new-blocking";
  if (!t.isNew) return "pre-existing";
  return t.verdict === undefined && blocks(t.finding.severity, failOn) ? "new-blocking" : "new";
}

/** Each group most severe first, then by path and line. */
export function groupFindings(
  triaged: readonly TriagedFinding[],
  failOn: FailOn,
): Record<Group, TriagedFinding[]> {
  const groups: Record<Group, TriagedFinding[]> = {
    "new-blocking": [],
    new: [],
    "pre-existing": [],
    suppressed: [],
  };
  for (const t of mostSevereFirst(triaged)) groups[groupOf(t, failOn)].push(t);
  return groups;
}
