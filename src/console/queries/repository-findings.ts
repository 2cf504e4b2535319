import { sql } from "kysely";
import type { ConsoleDb, FindingLifecycleRow } from "./console-tables.js";

/** Open findings of one repository, most severe first, then by file and line. */
export async function repositoryFindings(
  db: ConsoleDb,
  repo: string,
  limit: number,
): Promise<FindingLifecycleRow[]> {
  return db
    .selectFrom("finding_lifecycle")
    .selectAll()
    .where("repo", "=", repo)
    .where("merged_at", "is not", null)
    .where("resolved_at", "is", null)
    .orderBy(severityRank, "asc")
    .orderBy("path", "asc")
    .orderBy("line", "asc")
    .limit(limit)
    .execute();
}

const severityRank = sql<number>`case severity when 'critical' then 0 when 'high' then 1
  when 'medium' then 2 when 'low' then 3 else 4 end`;
