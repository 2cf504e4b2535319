import type { Kysely } from "kysely";
import type { ColumnTypes } from "./migration-types.js";

/** Per-branch, per-tool baselines of fingerprints, and what pull requests reported (for stats). */
export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable("baseline_tools")
    .addColumn("repo", "text", (c) => c.notNull())
    .addColumn("branch", "text", (c) => c.notNull())
    .addColumn("tool", "text", (c) => c.notNull())
    .addColumn("sha", "text", (c) => c.notNull())
    .addColumn("recorded_at", t.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint("baseline_tools_pk", ["repo", "branch", "tool"])
    .execute();

  await db.schema
    .createTable("baseline_fingerprints")
    .addColumn("repo", "text", (c) => c.notNull())
    .addColumn("branch", "text", (c) => c.notNull())
    .addColumn("tool", "text", (c) => c.notNull())
    .addColumn("fingerprint", "text", (c) => c.notNull())
    .addColumn("severity", "text", (c) => c.notNull())
    .addColumn("first_seen_at", t.bigint, (c) => c.notNull())
    .addColumn("first_seen_sha", "text", (c) => c.notNull())
    .addColumn("fixed_at", t.bigint)
    .addColumn("fixed_sha", "text")
    .addColumn("pre_existing", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("baseline_fingerprints_pk", ["repo", "branch", "tool", "fingerprint"])
    .execute();
  await db.schema
    .createIndex("baseline_fingerprints_repo_fp")
    .on("baseline_fingerprints")
    .columns(["repo", "fingerprint"])
    .execute();

  await db.schema
    .createTable("reported_fingerprints")
    .addColumn("repo", "text", (c) => c.notNull())
    .addColumn("fingerprint", "text", (c) => c.notNull())
    .addColumn("reported_at", t.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint("reported_fingerprints_pk", ["repo", "fingerprint"])
    .execute();
}
