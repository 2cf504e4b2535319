import type { Selectable } from "kysely";
import type { SuppressionAuditTable, SuppressionsTable } from "../../store/database.js";
import type { ConsoleDb, FindingLifecycleRow } from "./console-tables.js";

export interface FindingHistory {
  finding: FindingLifecycleRow;
  suppressions: Selectable<SuppressionsTable>[];
  /** Every suppression state change with who, when and the comment it came from, oldest first. */
  audit: Selectable<SuppressionAuditTable>[];
}

/** One finding of one repository by its `GR-` id or fingerprint, with its suppressions' trail. */
export async function findingHistory(
  db: ConsoleDb,
  repo: string,
  id: string,
): Promise<FindingHistory | undefined> {
  const finding = await db
    .selectFrom("finding_lifecycle")
    .selectAll()
    .where("repo", "=", repo)
    .where((eb) => eb.or([eb("finding_id", "=", id), eb("fingerprint", "=", id)]))
    .orderBy("first_seen_at", "asc")
    .executeTakeFirst();
  if (finding === undefined) return undefined;
  const suppressions = await db
    .selectFrom("suppressions")
    .selectAll()
    .where("repo", "=", repo)
    .where((eb) =>
      eb.or([
        eb("fingerprint", "=", finding.fingerprint),
        eb("finding_id", "=", finding.finding_id),
      ]),
    )
    .orderBy("created_at", "asc")
    .execute();
  const ids = suppressions.map((s) => s.id);
  const audit =
    ids.length === 0
      ? []
      : await db
          .selectFrom("suppression_audit")
          .selectAll()
          .where("suppression_id", "in", ids)
          .orderBy("at", "asc")
          .orderBy("id", "asc")
          .execute();
  return { finding, suppressions, audit };
}
