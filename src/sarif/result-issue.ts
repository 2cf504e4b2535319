/**
 * Problems met while normalising results. Many results can share one problem (a scanner that
 * writes line 0 everywhere), so they are tallied into one note per kind, not one per result.
 */
import type { Note } from "../findings/finding.js";

export interface ResultIssue {
  level: Note["level"];
  /** Issues with the same key become one note. */
  key: string;
  message: string;
}

export interface IssueTally {
  add(issue: ResultIssue): void;
  /** One note per key, in order of first appearance. */
  notes(source: string): Note[];
}

/** Counts issues as they come, keeping only the first of each kind. */
export function createIssueTally(): IssueTally {
  const byKey = new Map<string, { first: ResultIssue; count: number }>();
  return {
    add(issue) {
      const entry = byKey.get(issue.key);
      if (entry === undefined) byKey.set(issue.key, { first: issue, count: 1 });
      else entry.count += 1;
    },
    notes(source) {
      return [...byKey.values()].map(({ first, count }) => ({
        level: first.level,
        source,
        message: count > 1 ? `${first.message} (and ${count - 1} more like it)` : first.message,
      }));
    },
  };
}

export function tallyIssues(issues: readonly ResultIssue[], source: string): Note[] {
  const tally = createIssueTally();
  for (const issue of issues) tally.add(issue);
  return tally.notes(source);
}
