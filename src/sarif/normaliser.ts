/**
 * Results → RawFindings one at a time, for a whole log or a stream of its results: findings are
 * deduplicated and issues tallied as they arrive, so nothing per result is kept but its finding.
 */
import type { Result } from "sarif";
import type { Note, RawFinding } from "../findings/finding.js";
import { createDeduper } from "./dedupe-findings.js";
import { normaliseResult, type RunContext } from "./normalise-result.js";
import { createIssueTally } from "./result-issue.js";

/** The largest real files hold a few thousand results; beyond this a file is noise or an attack. */
export const MAX_RESULTS_PER_FILE = 100_000;

export interface NormalisedSarif {
  findings: RawFinding[];
  notes: Note[];
}

export interface Normaliser {
  /** One result (an object) of the run that `context` was made for (runContext in normalise.ts). */
  add(context: RunContext, result: Result): void;
  finish(): NormalisedSarif;
}

export function createNormaliser(source: string): Normaliser {
  const deduper = createDeduper();
  const issues = createIssueTally();
  let seen = 0;
  return {
    add(context, result) {
      seen += 1;
      if (seen > MAX_RESULTS_PER_FILE) return;
      const reading = normaliseResult(context, result);
      if (reading.kind === "finding") deduper.add(reading.finding);
      if (reading.kind !== "skipped" && reading.issue !== undefined) issues.add(reading.issue);
    },
    finish() {
      const notes = issues.notes(source);
      if (seen > MAX_RESULTS_PER_FILE) {
        notes.unshift({
          level: "warning",
          source,
          message: `${seen} results; only the first ${MAX_RESULTS_PER_FILE} were read`,
        });
      }
      return { findings: deduper.kept, notes };
    },
  };
}
