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

export function tallyIssues(issues: readonly ResultIssue[], source: string): Note[] {
  const byKey = new Map<string, { first: ResultIssue; count: number }>();
  for (const issue of issues) {
    const entry = byKey.get(issue.key);
    if (entry === undefined) byKey.set(issue.key, { first: issue, count: 1 });
    else entry.count += 1;
  }
  return [...byKey.values()].map(({ first, count }) => ({
    level: first.level,
    source,
    message: count > 1 ? `${first.message} (and ${count - 1} more like it)` : first.message,
  }));
}
