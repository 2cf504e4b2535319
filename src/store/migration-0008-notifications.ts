import type { Kysely } from "kysely";
import type { ColumnTypes } from "./migration-types.js";

/**
 * Chat notifications and backlog issues. The outbox's unique `dedupe_key` (channel + event +
 * finding) is what makes a redelivery, a re-run or a restart never send one message twice; a
 * channel's `not_before` spaces requests (1 per second) and carries a 429's Retry-After across
 * processes. Backlog issues remember which GitHub issue holds which tool and rule, and whether a
 * person closed it (then its findings are not raised again).
 */
export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable("notification_outbox")
    .addColumn("id", t.id, t.identity)
    .addColumn("dedupe_key", "text", (c) => c.notNull().unique())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("repo", "text", (c) => c.notNull())
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("due_at", t.bigint, (c) => c.notNull())
    .addColumn("claim", "text")
    .addColumn("claimed_until", t.bigint)
    .addColumn("last_error", "text")
    .addColumn("created_at", t.bigint, (c) => c.notNull())
    .addColumn("sent_at", t.bigint)
    .execute();
  await db.schema
    .createIndex("notification_outbox_due")
    .on("notification_outbox")
    .columns(["channel", "state", "due_at"])
    .execute();
  await db.schema
    .createIndex("notification_outbox_sent")
    .on("notification_outbox")
    .columns(["channel", "repo", "sent_at"])
    .execute();
  await db.schema
    .createTable("notification_channels")
    .addColumn("channel", "text", (c) => c.primaryKey())
    .addColumn("not_before", t.bigint, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("backlog_issues")
    .addColumn("repo", "text", (c) => c.notNull())
    .addColumn("issue_number", "integer", (c) => c.notNull())
    .addColumn("tool", "text", (c) => c.notNull())
    .addColumn("rule", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("fingerprints", "text", (c) => c.notNull())
    .addColumn("updated_at", t.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint("backlog_issues_pk", ["repo", "issue_number"])
    .execute();
  await db.schema
    .createIndex("backlog_issues_rule")
    .on("backlog_issues")
    .columns(["repo", "tool", "rule"])
    .execute();
}
