import type { Kysely } from "kysely";
import type { Database, StoreKind } from "./database.js";
import { writeAudit } from "./suppression-audit.js";
import { fromSuppressionRow } from "./suppression-rows.js";
import type { Suppression } from "./suppression.js";
import { inWriteTransaction } from "./write-transaction.js";

/** Who the audit trail names when a suppression lapses on its own. */
export const EXPIRY_ACTOR = "guardrail";

/**
 * Marks the repository's active suppressions whose expiry is at or before `now` as expired (one
 * audit record each), then returns every suppression whose expiry falls in (since, now], so the
 * next analysis can say which ones stopped applying.
 */
export function expireLapsed(
  db: Kysely<Database>,
  kind: StoreKind,
  repo: string,
  since: Date,
  now: Date,
): Promise<Suppression[]> {
  const key = repo.toLowerCase();
  return inWriteTransaction(db, kind, async (trx) => {
    const lapsed = await trx
      .updateTable("suppressions")
      .set({ status: "expired" })
      .where("repo", "=", key)
      .where("status", "=", "active")
      .where("expires_at", "<=", now.getTime())
      .returning(["id", "expires_at"])
      .execute();
    await writeAudit(
      trx,
      lapsed.map((row) => ({
        suppressionId: row.id,
        action: "expired" as const,
        actor: EXPIRY_ACTOR,
        at: now,
        commentUrl: null,
        details: { expiresAt: new Date(row.expires_at ?? now.getTime()).toISOString() },
      })),
    );
    const rows = await trx
      .selectFrom("suppressions")
      .selectAll()
      .where("repo", "=", key)
      .where("status", "=", "expired")
      .where("expires_at", ">", since.getTime())
      .where("expires_at", "<=", now.getTime())
      .orderBy("expires_at")
      .orderBy("id")
      .execute();
    return rows.map(fromSuppressionRow);
  });
}
