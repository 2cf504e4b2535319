import type { Kysely } from "kysely";
import type { Database } from "./database.js";

/**
 * Fingerprints a push made open on its branch (first seen, or back after a fix, at `sha`) that
 * are not from the branch's first baseline. Read after the baseline is recorded, so a retried or
 * re-run analysis of the same push finds the same set.
 */
export async function landedAt(
  db: Kysely<Database>,
  where: { repo: string; branch: string; sha: string },
): Promise<Set<string>> {
  const rows = await db
    .selectFrom("baseline_fingerprints")
    .select("fingerprint")
    .where("repo", "=", where.repo.toLowerCase())
    .where("branch", "=", where.branch)
    .where("first_seen_sha", "=", where.sha)
    .where("pre_existing", "=", 0)
    .where("fixed_at", "is", null)
    .execute();
  return new Set(rows.map((r) => r.fingerprint));
}
