import { sql } from "kysely";
import type { ConsoleDb } from "./console-tables.js";

export const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export interface WeeklyTrend {
  /** Start of each week (epoch ms, weeks counted from the Unix epoch, a Thursday). */
  weeks: number[];
  introduced: number[];
  resolved: number[];
}

/** Findings first seen vs resolved per week over the last `weekCount` weeks, oldest first. */
export async function weeklyTrend(
  db: ConsoleDb,
  repos: readonly string[],
  now: number,
  weekCount: number,
): Promise<WeeklyTrend> {
  const last = Math.floor(now / WEEK_MS);
  const first = last - weekCount + 1;
  const weeks = Array.from({ length: weekCount }, (_, i) => (first + i) * WEEK_MS);
  const introduced = new Array<number>(weekCount).fill(0);
  const resolved = new Array<number>(weekCount).fill(0);
  if (repos.length === 0) return { weeks, introduced, resolved };
  const since = first * WEEK_MS;
  const bucket = (column: "first_seen_at" | "resolved_at") =>
    db
      .selectFrom("finding_lifecycle")
      // integer division on both dialects (integer / bigint columns over an integer literal; a bound
      // parameter would be a REAL on SQLite)
      .select([
        sql<number>`${sql.ref(column)} / ${sql.lit(WEEK_MS)}`.as("week"),
        sql<number>`count(*)`.as("count"),
      ])
      .where("repo", "in", repos)
      .where(column, ">=", since)
      .groupBy(sql`${sql.ref(column)} / ${sql.lit(WEEK_MS)}`)
      .execute();
  for (const row of await bucket("first_seen_at")) add(introduced, row, first);
  for (const row of await bucket("resolved_at")) add(resolved, row, first);
  return { weeks, introduced, resolved };
}

function add(into: number[], row: { week: number; count: number }, first: number): void {
  const index = Number(row.week) - first;
  if (index >= 0 && index < into.length) into[index] = (into[index] ?? 0) + Number(row.count);
}
