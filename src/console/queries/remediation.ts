import { sql } from "kysely";
import type { ConsoleDb } from "./console-tables.js";

export interface Remediation {
  /** Mean time to remediate by resolution kind (`fixed`, `suppressed`), in ms; null when none. */
  mttr: { fixed: number | null; suppressed: number | null };
  resolvedCount: { fixed: number; suppressed: number };
  /** Escapes by severity, and findings prevented (reported in a PR, gone before merge). */
  escapes: Record<string, number>;
  prevented: number;
}

export async function remediation(db: ConsoleDb, repos: readonly string[]): Promise<Remediation> {
  const result: Remediation = {
    mttr: { fixed: null, suppressed: null },
    resolvedCount: { fixed: 0, suppressed: 0 },
    escapes: {},
    prevented: 0,
  };
  if (repos.length === 0) return result;
  const resolved = await db
    .selectFrom("finding_lifecycle")
    .select([
      "resolution",
      sql<number>`avg(resolved_at - first_seen_at)`.as("mean"),
      sql<number>`count(*)`.as("count"),
    ])
    .where("repo", "in", repos)
    .where("resolved_at", "is not", null)
    .where("resolution", "in", ["fixed", "suppressed"])
    .groupBy("resolution")
    .execute();
  for (const row of resolved) {
    const kind = row.resolution === "fixed" ? "fixed" : "suppressed";
    result.mttr[kind] = Number(row.mean);
    result.resolvedCount[kind] = Number(row.count);
  }
  const outcomes = await db
    .selectFrom("finding_lifecycle")
    .select([
      "severity",
      sql<number>`sum(escaped)`.as("escaped"),
      sql<number>`sum(prevented)`.as("prevented"),
    ])
    .where("repo", "in", repos)
    .where((eb) => eb.or([eb("escaped", "=", 1), eb("prevented", "=", 1)]))
    .groupBy("severity")
    .execute();
  for (const row of outcomes) {
    if (Number(row.escaped) > 0) result.escapes[row.severity] = Number(row.escaped);
    result.prevented += Number(row.prevented);
  }
  return result;
}
