import type { Kysely } from "kysely";
import type { ColumnTypes } from "./migration-types.js";

/** Webhook deliveries (redelivery detection), suppressions and their append-only audit trail. */
export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable("deliveries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("received_at", t.bigint, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("deliveries_received_at")
    .on("deliveries")
    .column("received_at")
    .execute();

  await db.schema
    .createTable("suppressions")
    .addColumn("id", t.id, t.identity)
    .addColumn("repo", "text", (c) => c.notNull())
    .addColumn("scope_kind", "text", (c) => c.notNull())
    .addColumn("fingerprint", "text")
    .addColumn("tool", "text")
    .addColumn("rule_id", "text")
    .addColumn("path_glob", "text")
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("justification", "text", (c) => c.notNull())
    .addColumn("author", "text", (c) => c.notNull())
    .addColumn("created_at", t.bigint, (c) => c.notNull())
    .addColumn("expires_at", t.bigint)
    .addColumn("source", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("finding_id", "text")
    .execute();
  await db.schema
    .createIndex("suppressions_repo_status")
    .on("suppressions")
    .columns(["repo", "status"])
    .execute();
  // Makes "the same comment creates the same suppression" hold across processes; NULLs stay distinct.
  await db.schema
    .createIndex("suppressions_source")
    .on("suppressions")
    .column("source")
    .unique()
    .execute();

  await db.schema
    .createTable("suppression_audit")
    .addColumn("id", t.id, t.identity)
    .addColumn("suppression_id", t.bigint, (c) => c.notNull().references("suppressions.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("at", t.bigint, (c) => c.notNull())
    .addColumn("comment_url", "text")
    .addColumn("details", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("suppression_audit_suppression")
    .on("suppression_audit")
    .column("suppression_id")
    .execute();
}
