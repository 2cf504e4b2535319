import type { Kysely } from "kysely";
import type { ColumnTypes } from "./migration-types.js";

/** `Guardrail · required scanners`: per pull request head, which required tools have reported. */
export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable("required_tool_checks")
    .addColumn("repo", "text", (c) => c.notNull())
    .addColumn("head_sha", "text", (c) => c.notNull())
    .addColumn("pr_number", "integer", (c) => c.notNull())
    .addColumn("installation_id", t.bigint, (c) => c.notNull())
    .addColumn("check_run_id", t.bigint)
    /** JSON arrays: the tools required, those seen so far, workflow files the PR changes. */
    .addColumn("required", "text", (c) => c.notNull())
    .addColumn("seen", "text", (c) => c.notNull())
    .addColumn("workflow_changes", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("conclusion", "text")
    .addColumn("deadline_at", t.bigint, (c) => c.notNull())
    .addColumn("updated_at", t.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint("required_tool_checks_pk", ["repo", "head_sha"])
    .execute();
}
