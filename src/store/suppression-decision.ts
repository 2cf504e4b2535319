import type { Kysely } from "kysely";
import type { Database, StoreKind } from "./database.js";
import { writeAudit } from "./suppression-audit.js";
import { fromSuppressionRow } from "./suppression-rows.js";
import type { Suppression } from "./suppression.js";
import { inWriteTransaction } from "./write-transaction.js";

export interface DecisionInput {
  verdict: "approved" | "denied";
  actor: string;
  /** The approval note or the reason for a denial. */
  note: string | null;
  commentUrl: string | null;
  at: Date;
  /** An approval may shorten the expiry (`max_expiry`); null leaves it as requested. */
  expiresAt?: Date | null;
}

/** `changed` is false when the suppression was not awaiting a decision (decided already, lifted…). */
export interface DecisionResult {
  suppression: Suppression;
  changed: boolean;
}

/**
 * Approves (→ active) or denies (→ denied) a requested suppression, with its audit record in the
 * same transaction. Only a `requested` row moves, so two approvers racing decide once.
 */
export function decideSuppression(
  db: Kysely<Database>,
  kind: StoreKind,
  id: number,
  input: DecisionInput,
): Promise<DecisionResult> {
  return inWriteTransaction(db, kind, async (trx) => {
    const decided = await trx
      .updateTable("suppressions")
      .set({
        status: input.verdict === "approved" ? "active" : "denied",
        decided_by: input.actor,
        decided_at: input.at.getTime(),
        decision_note: input.note,
        ...(input.expiresAt != null ? { expires_at: input.expiresAt.getTime() } : {}),
      })
      .where("id", "=", id)
      .where("status", "=", "requested")
      .returningAll()
      .executeTakeFirst();
    if (decided === undefined) return { suppression: await unchanged(trx, id), changed: false };
    await writeAudit(trx, [
      {
        suppressionId: id,
        action: input.verdict,
        actor: input.actor,
        at: input.at,
        commentUrl: input.commentUrl,
        details: {
          note: input.note,
          ...(input.expiresAt != null ? { expiresAt: input.expiresAt.toISOString() } : {}),
        },
      },
    ]);
    return { suppression: fromSuppressionRow(decided), changed: true };
  });
}

/** A suppression an update left alone, as it stands; an unknown id throws. */
export async function unchanged(trx: Kysely<Database>, id: number): Promise<Suppression> {
  const current = await trx
    .selectFrom("suppressions")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (current === undefined) throw new Error(`suppression ${id} does not exist`);
  return fromSuppressionRow(current);
}
