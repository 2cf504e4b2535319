import type { Kysely } from "kysely";
import type { Database, StoreKind } from "./database.js";
import { decideSuppression, unchanged } from "./suppression-decision.js";
import type { DecisionInput, DecisionResult } from "./suppression-decision.js";
import { expireLapsed } from "./suppression-expiry.js";
import { listAudit, writeAudit } from "./suppression-audit.js";
import type { AuditEntry } from "./suppression-audit.js";
import { fromSuppressionRow, toSuppressionRow } from "./suppression-rows.js";
import type { NewSuppression } from "./suppression-rows.js";
import type { Suppression } from "./suppression.js";
import { inWriteTransaction } from "./write-transaction.js";

export type CreateSuppressionInput = NewSuppression & { actor: string; commentUrl: string | null };

export interface SuppressionStore {
  /** Idempotent on `source`: the same comment creating twice returns the first suppression. */
  create(input: CreateSuppressionInput): Promise<Suppression>;
  /** Approves or denies a `requested` suppression; any other changes nothing (`changed: false`). */
  decide(id: number, input: DecisionInput): Promise<DecisionResult>;
  /** Lifting one that is not active or requested changes nothing and returns it; an unknown id throws. */
  lift(id: number, actor: string, commentUrl: string | null, at?: Date): Promise<Suppression>;
  /** Active and not expired at `now`. */
  listActive(repo: string, now: Date): Promise<Suppression[]>;
  /** Awaiting an approver's decision. */
  listRequested(repo: string): Promise<Suppression[]>;
  /** Marks lapsed ones `expired` (audited), then returns those whose expiry is in (since, now]. */
  listExpiredSince(repo: string, since: Date, now: Date): Promise<Suppression[]>;
  /** Every suppression of the repository, any status (export). */
  listForRepo(repo: string): Promise<Suppression[]>;
  audit(suppressionId: number): Promise<AuditEntry[]>;
}

export function createSuppressionStore(db: Kysely<Database>, kind: StoreKind): SuppressionStore {
  const byRepo = (repo: string) =>
    db.selectFrom("suppressions").selectAll().where("repo", "=", repo.toLowerCase()).orderBy("id");

  return {
    create: (input) =>
      inWriteTransaction(db, kind, async (trx) => {
        const inserted = await trx
          .insertInto("suppressions")
          .values(toSuppressionRow(input))
          .onConflict((oc) => oc.column("source").doNothing())
          .returningAll()
          .executeTakeFirst();
        if (inserted === undefined) {
          const existing = await trx
            .selectFrom("suppressions")
            .selectAll()
            .where("source", "=", input.source)
            .executeTakeFirstOrThrow();
          return fromSuppressionRow(existing);
        }
        const created = fromSuppressionRow(inserted);
        const { scope, reason, justification, expiresAt, findingId } = created;
        await writeAudit(trx, [
          {
            suppressionId: created.id,
            action: created.status === "requested" ? "requested" : "created",
            actor: input.actor,
            at: created.createdAt,
            commentUrl: input.commentUrl,
            details: {
              scope,
              reason,
              justification,
              expiresAt: expiresAt?.toISOString() ?? null,
              findingId,
            },
          },
        ]);
        return created;
      }),

    lift: (id, actor, commentUrl, at = new Date()) =>
      inWriteTransaction(db, kind, async (trx) => {
        const lifted = await trx
          .updateTable("suppressions")
          .set({ status: "lifted" })
          .where("id", "=", id)
          .where("status", "in", ["active", "requested"])
          .returningAll()
          .executeTakeFirst();
        if (lifted === undefined) return unchanged(trx, id);
        await writeAudit(trx, [
          { suppressionId: id, action: "lifted", actor, at, commentUrl, details: {} },
        ]);
        return fromSuppressionRow(lifted);
      }),

    async listActive(repo, now) {
      const rows = await byRepo(repo)
        .where("status", "=", "active")
        .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", now.getTime())]))
        .execute();
      return rows.map(fromSuppressionRow);
    },

    decide: (id, input) => decideSuppression(db, kind, id, input),

    async listRequested(repo) {
      return (await byRepo(repo).where("status", "=", "requested").execute()).map(
        fromSuppressionRow,
      );
    },

    listExpiredSince: (repo, since, now) => expireLapsed(db, kind, repo, since, now),

    async listForRepo(repo) {
      return (await byRepo(repo).execute()).map(fromSuppressionRow);
    },

    audit: (suppressionId) => listAudit(db, suppressionId),
  };
}
