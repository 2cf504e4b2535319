import { sql } from "kysely";
import type { ConsoleDb } from "./console-tables.js";

export interface ScanCoverage {
  opened: number;
  analysed: number;
  /** Mean time from a pull request opening to its first Guardrail analysis (ms), null if none. */
  meanTimeToFirstAnalysis: number | null;
}

/** Share of pull requests opened since `since` that got at least one Guardrail analysis. */
export async function scanCoverage(
  db: ConsoleDb,
  repos: readonly string[],
  since: number,
): Promise<ScanCoverage> {
  if (repos.length === 0) return { opened: 0, analysed: 0, meanTimeToFirstAnalysis: null };
  const row = await db
    .selectFrom("pull_requests")
    .select([
      sql<number>`count(*)`.as("opened"),
      sql<number>`count(first_analysed_at)`.as("analysed"),
      sql<number | null>`avg(first_analysed_at - opened_at)`.as("wait"),
    ])
    .where("repo", "in", repos)
    .where("opened_at", ">=", since)
    .executeTakeFirstOrThrow();
  return {
    opened: Number(row.opened),
    analysed: Number(row.analysed),
    meanTimeToFirstAnalysis: row.wait === null ? null : Number(row.wait),
  };
}
