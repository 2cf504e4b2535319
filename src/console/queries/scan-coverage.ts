import { sql } from "kysely";
import type { ConsoleDb } from "./console-tables.js";
import type { RepoScope } from "./repo-scope.js";

export interface ScanCoverage {
  opened: number;
  analysed: number;
  /** Mean time from a pull request opening to its first Guardrail analysis (ms), null if none. */
  meanTimeToFirstAnalysis: number | null;
  /** Time to feedback of each PR's first analysis: workflow run completed → check run completed. */
  feedback: { count: number; meanMs: number | null };
}

export interface CoverageRow {
  repo: string;
  opened: number;
  analysed: number;
  /** Sum over the analysed pull requests of first analysis − opened (ms). */
  waitMs: number;
  feedbackCount: number;
  feedbackMs: number;
}

/** Per repository: pull requests opened since `since`, and how many got a Guardrail analysis. */
export async function coverageRows(db: ConsoleDb, scope: RepoScope, since: number) {
  if (scope.inList?.length === 0) return [];
  let query = db
    .selectFrom("pull_requests")
    .select([
      "repo",
      sql<number>`count(*)`.as("opened"),
      sql<number>`count(first_analysed_at)`.as("analysed"),
      sql<number>`coalesce(sum(first_analysed_at - opened_at), 0)`.as("wait"),
      sql<number>`count(first_feedback_ms)`.as("feedbackCount"),
      sql<number>`coalesce(sum(first_feedback_ms), 0)`.as("feedbackMs"),
    ])
    .where("opened_at", ">=", since)
    .groupBy("repo");
  if (scope.inList) query = query.where("repo", "in", scope.inList);
  const rows = await query.execute();
  return rows
    .filter((r) => scope.keep(r.repo))
    .map((r): CoverageRow => ({
      repo: r.repo,
      opened: Number(r.opened),
      analysed: Number(r.analysed),
      waitMs: Number(r.wait),
      feedbackCount: Number(r.feedbackCount),
      feedbackMs: Number(r.feedbackMs),
    }));
}

/** Scan coverage = share of pull requests opened that got at least one Guardrail analysis. */
export function scanCoverage(rows: readonly CoverageRow[], keep: (repo: string) => boolean) {
  const result: ScanCoverage = {
    opened: 0,
    analysed: 0,
    meanTimeToFirstAnalysis: null,
    feedback: { count: 0, meanMs: null },
  };
  let wait = 0;
  let feedback = 0;
  for (const row of rows) {
    if (!keep(row.repo)) continue;
    result.opened += row.opened;
    result.analysed += row.analysed;
    wait += row.waitMs;
    result.feedback.count += row.feedbackCount;
    feedback += row.feedbackMs;
  }
  if (result.analysed > 0) result.meanTimeToFirstAnalysis = wait / result.analysed;
  if (result.feedback.count > 0) result.feedback.meanMs = feedback / result.feedback.count;
  return result;
}
