import { sql } from "kysely";
import type { ConsoleDb } from "./console-tables.js";
import type { RepoScope } from "./repo-scope.js";

export const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export interface WeeklyTrend {
  /** Start of each week (epoch ms, weeks counted from the Unix epoch, a Thursday). */
  weeks: number[];
  introduced: number[];
  resolved: number[];
}

/** Per repository and week (epoch week number): findings first seen, findings resolved. */
export interface TrendRow {
  repo: string;
  week: number;
  introduced: number;
  resolved: number;
}

export function firstTrendWeek(now: number, weekCount: number): number {
  return Math.floor(now / WEEK_MS) - weekCount + 1;
}

/** Per-repository weekly counts since `firstWeek`, so the caller can drop unseen repositories. */
export async function trendRows(db: ConsoleDb, scope: RepoScope, firstWeek: number) {
  if (scope.inList?.length === 0) return [];
  // integer division on both dialects (integer / bigint columns over an integer literal; a bound
  // parameter would be a REAL on SQLite)
  const week = (column: "first_seen_at" | "resolved_at") =>
    sql<number>`${sql.ref(column)} / ${sql.lit(WEEK_MS)}`;
  const bucket = (column: "first_seen_at" | "resolved_at") => {
    let query = db
      .selectFrom("finding_lifecycle")
      .select(["repo", week(column).as("week"), sql<number>`count(*)`.as("count")])
      .where(column, ">=", firstWeek * WEEK_MS)
      .groupBy(["repo", week(column)]);
    if (scope.inList) query = query.where("repo", "in", scope.inList);
    return query.execute();
  };
  const rows: TrendRow[] = [];
  for (const r of await bucket("first_seen_at")) {
    rows.push({ repo: r.repo, week: Number(r.week), introduced: Number(r.count), resolved: 0 });
  }
  for (const r of await bucket("resolved_at")) {
    rows.push({ repo: r.repo, week: Number(r.week), introduced: 0, resolved: Number(r.count) });
  }
  return rows.filter((r) => scope.keep(r.repo));
}

/** The chart's series: the last `weekCount` weeks, oldest first, visible repositories only. */
export function weeklyTrend(
  rows: readonly TrendRow[],
  keep: (repo: string) => boolean,
  now: number,
  weekCount: number,
): WeeklyTrend {
  const first = firstTrendWeek(now, weekCount);
  const weeks = Array.from({ length: weekCount }, (_, i) => (first + i) * WEEK_MS);
  const introduced = new Array<number>(weekCount).fill(0);
  const resolved = new Array<number>(weekCount).fill(0);
  for (const row of rows) {
    const i = row.week - first;
    if (!keep(row.repo) || i < 0 || i >= weekCount) continue;
    introduced[i] = (introduced[i] ?? 0) + row.introduced;
    resolved[i] = (resolved[i] ?? 0) + row.resolved;
  }
  return { weeks, introduced, resolved };
}
