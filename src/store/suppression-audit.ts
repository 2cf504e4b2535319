import type { Kysely } from "kysely";
import type { Database } from "./database.js";

export type AuditAction = "created" | "requested" | "approved" | "denied" | "lifted" | "expired";

/** One append-only record of a change to a suppression. */
export interface AuditEntry {
  id: number;
  suppressionId: number;
  action: AuditAction;
  /** GitHub login, or `guardrail` for expiry. */
  actor: string;
  at: Date;
  /** The comment that asked for the change, when there was one. */
  commentUrl: string | null;
  details: Record<string, unknown>;
}

export type NewAuditEntry = Omit<AuditEntry, "id">;

/** Call inside the transaction that makes the change, so the trail never misses one. */
export async function writeAudit(
  trx: Kysely<Database>,
  entries: readonly NewAuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await trx
    .insertInto("suppression_audit")
    .values(
      entries.map((entry) => ({
        suppression_id: entry.suppressionId,
        action: entry.action,
        actor: entry.actor,
        at: entry.at.getTime(),
        comment_url: entry.commentUrl,
        details: JSON.stringify(entry.details),
      })),
    )
    .execute();
}

export async function listAudit(
  db: Kysely<Database>,
  suppressionId: number,
): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom("suppression_audit")
    .selectAll()
    .where("suppression_id", "=", suppressionId)
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    suppressionId: row.suppression_id,
    action: row.action as AuditAction,
    actor: row.actor,
    at: new Date(row.at),
    commentUrl: row.comment_url,
    details: JSON.parse(row.details) as Record<string, unknown>,
  }));
}
