import type { Note } from "../findings/finding.js";
import { withIncompleteScans } from "../triage/incomplete-scans.js";
import type { Evaluation } from "./evaluate.js";

/**
 * The judgement with what the scanners said about themselves: a scanner that did not analyse
 * every file (src/sarif/execution-problems.ts) keeps the check from `success`. The notes are the
 * analysis's, stored with it, so a command's re-judgement says the same.
 */
export function withScanProblems<E extends Evaluation>(evaluation: E, notes: readonly Note[]): E {
  return { ...evaluation, gate: withIncompleteScans(evaluation.gate, notes) };
}
