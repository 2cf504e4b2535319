import type { Kysely } from "kysely";
import type { ColumnTypes } from "./migration-types.js";

/** What each analysed workflow run found, so commands re-evaluate without re-downloading. */
export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable("analyses")
    .addColumn("id", t.id, t.identity)
    .addColumn("repo", "text", (c) => c.notNull())
    .addColumn("installation_id", t.bigint, (c) => c.notNull())
    .addColumn("run_id", t.bigint, (c) => c.notNull())
    .addColumn("run_attempt", "integer", (c) => c.notNull())
    .addColumn("workflow_name", "text", (c) => c.notNull())
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("head_sha", "text", (c) => c.notNull())
    .addColumn("head_branch", "text", (c) => c.notNull())
    .addColumn("head_repo", "text", (c) => c.notNull())
    .addColumn("is_fork", "integer", (c) => c.notNull())
    .addColumn("pr_numbers", "text", (c) => c.notNull())
    .addColumn("findings", "text", (c) => c.notNull())
    .addColumn("notes", "text", (c) => c.notNull())
    .addColumn("check_run_id", t.bigint)
    .addColumn("created_at", t.bigint, (c) => c.notNull())
    .addUniqueConstraint("analyses_run", ["repo", "run_id", "run_attempt"])
    .execute();
  await db.schema
    .createIndex("analyses_repo_sha")
    .on("analyses")
    .columns(["repo", "head_sha", "created_at"])
    .execute();
  await db.schema.createIndex("analyses_created_at").on("analyses").column("created_at").execute();

  await db.schema
    .createTable("analysis_prs")
    .addColumn("analysis_id", t.bigint, (c) =>
      c.notNull().references("analyses.id").onDelete("cascade"),
    )
    .addColumn("repo", "text", (c) => c.notNull())
    .addColumn("pr_number", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("analysis_prs_pk", ["analysis_id", "pr_number"])
    .execute();
  await db.schema
    .createIndex("analysis_prs_repo_pr")
    .on("analysis_prs")
    .columns(["repo", "pr_number"])
    .execute();
}
