import { sql } from "kysely";
import type { ConsoleDb } from "./console-tables.js";

export interface OpenCount {
  repo: string;
  severity: string;
  count: number;
}

/**
 * Open = on the default branch (merged or pre-existing there) and not resolved: what the
 * organisation carries today. One row per repository and severity.
 */
export async function openFindingCounts(db: ConsoleDb, repos: readonly string[]) {
  if (repos.length === 0) return [];
  const rows = await db
    .selectFrom("finding_lifecycle")
    .select(["repo", "severity", sql<number>`count(*)`.as("count")])
    .where("repo", "in", repos)
    .where("merged_at", "is not", null)
    .where("resolved_at", "is", null)
    .groupBy(["repo", "severity"])
    .execute();
  return rows.map((r): OpenCount => ({ ...r, count: Number(r.count) }));
}
