import { sql } from "kysely";
import type { ConsoleDb } from "./console-tables.js";
import type { RepoScope } from "./repo-scope.js";

/** Per repository and severity, everything the overview counts. */
export interface FindingTotals {
  repo: string;
  severity: string;
  /** On the default branch and unresolved. */
  open: number;
  escaped: number;
  prevented: number;
  fixed: number;
  /** Sum of resolved − first seen over the fixed findings (ms): MTTR = fixedMs / fixed. */
  fixedMs: number;
  suppressed: number;
  suppressedMs: number;
}

/**
 * Counts come from `lifecycle_counts`, which the lifecycle keeps per repo, tool and severity on
 * every transition (a few rows per repository). Resolution times are summed from the lifecycle
 * rows themselves: the kept histogram has no repository, and a user sees only some.
 */
export async function findingTotals(db: ConsoleDb, scope: RepoScope): Promise<FindingTotals[]> {
  if (scope.inList?.length === 0) return [];
  let counts = db
    .selectFrom("lifecycle_counts")
    .select([
      "repo",
      "severity",
      sql<number>`sum(open)`.as("open"),
      sql<number>`sum(escaped)`.as("escaped"),
      sql<number>`sum(prevented)`.as("prevented"),
    ])
    .groupBy(["repo", "severity"]);
  if (scope.inList) counts = counts.where("repo", "in", scope.inList);
  let times = db
    .selectFrom("finding_lifecycle")
    .select([
      "repo",
      "severity",
      "resolution",
      sql<number>`count(*)`.as("count"),
      sql<number>`sum(resolved_at - first_seen_at)`.as("ms"),
    ])
    .where("resolved_at", "is not", null)
    .where("resolution", "in", ["fixed", "suppressed"])
    .groupBy(["repo", "severity", "resolution"]);
  if (scope.inList) times = times.where("repo", "in", scope.inList);

  const totals = new Map<string, FindingTotals>();
  const entry = (repo: string, severity: string) => {
    const key = `${repo}\n${severity}`;
    let found = totals.get(key);
    if (found === undefined) {
      found = {
        repo,
        severity,
        open: 0,
        escaped: 0,
        prevented: 0,
        fixed: 0,
        fixedMs: 0,
        suppressed: 0,
        suppressedMs: 0,
      };
      totals.set(key, found);
    }
    return found;
  };
  for (const row of await counts.execute()) {
    if (!scope.keep(row.repo)) continue;
    const t = entry(row.repo, row.severity);
    t.open += Number(row.open);
    t.escaped += Number(row.escaped);
    t.prevented += Number(row.prevented);
  }
  for (const row of await times.execute()) {
    if (!scope.keep(row.repo)) continue;
    const t = entry(row.repo, row.severity);
    if (row.resolution === "fixed") {
      t.fixed += Number(row.count);
      t.fixedMs += Number(row.ms);
    } else {
      t.suppressed += Number(row.count);
      t.suppressedMs += Number(row.ms);
    }
  }
  return [...totals.values()];
}
