import type { Kysely } from "kysely";
import type { ColumnTypes } from "./migration-types.js";

/**
 * Finding lifecycle (design.md Part 2 "Finding lifecycle and metrics"): one row per finding and
 * repository, plus small aggregates kept up to date on every transition so a /metrics scrape
 * reads a few thousand rows, never the millions of lifecycle rows. Times are epoch ms, booleans 0/1.
 */
export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable("finding_lifecycle")
    .addColumn("repo", "text", (c) => c.notNull())
    .addColumn("fingerprint", "text", (c) => c.notNull())
    .addColumn("finding_id", "text", (c) => c.notNull())
    .addColumn("tool", "text", (c) => c.notNull())
    .addColumn("rule", "text", (c) => c.notNull())
    .addColumn("severity", "text", (c) => c.notNull())
    .addColumn("path", "text", (c) => c.notNull())
    .addColumn("line", "integer")
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("first_seen_at", t.bigint, (c) => c.notNull())
    /** `pr:<n>` or `branch:<name>`. */
    .addColumn("first_seen_ref", "text", (c) => c.notNull())
    .addColumn("first_pr", "integer")
    .addColumn("reported_at", t.bigint)
    .addColumn("merged_at", t.bigint)
    .addColumn("preexisting", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("escaped", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("prevented", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("resolved_at", t.bigint)
    /** `fixed` or `suppressed`. */
    .addColumn("resolution", "text")
    /** The pull request that last reported it: a later run of that PR without it = fixed in review. */
    .addColumn("last_pr", "integer")
    .addColumn("last_seen_at", t.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint("finding_lifecycle_pk", ["repo", "fingerprint"])
    .execute();
  await db.schema
    .createIndex("finding_lifecycle_repo_tool")
    .on("finding_lifecycle")
    .columns(["repo", "tool"])
    .execute();
  await db.schema
    .createIndex("finding_lifecycle_repo_pr")
    .on("finding_lifecycle")
    .columns(["repo", "last_pr"])
    .execute();

  /** Per repo, tool and severity: what the lifecycle rows add up to (open, escaped, ...). */
  await db.schema
    .createTable("lifecycle_counts")
    .addColumn("repo", "text", (c) => c.notNull())
    .addColumn("tool", "text", (c) => c.notNull())
    .addColumn("severity", "text", (c) => c.notNull())
    .addColumn("open", t.bigint, (c) => c.notNull().defaultTo(0))
    .addColumn("escaped", t.bigint, (c) => c.notNull().defaultTo(0))
    .addColumn("prevented", t.bigint, (c) => c.notNull().defaultTo(0))
    .addColumn("fixed", t.bigint, (c) => c.notNull().defaultTo(0))
    .addColumn("suppressed", t.bigint, (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("lifecycle_counts_pk", ["repo", "tool", "severity"])
    .execute();

  /** Resolution times as histogram buckets (bucket = index of the first bound it fits under). */
  await db.schema
    .createTable("lifecycle_resolutions")
    .addColumn("tool", "text", (c) => c.notNull())
    .addColumn("severity", "text", (c) => c.notNull())
    .addColumn("resolution", "text", (c) => c.notNull())
    .addColumn("bucket", "integer", (c) => c.notNull())
    .addColumn("count", t.bigint, (c) => c.notNull().defaultTo(0))
    .addColumn("sum_ms", t.bigint, (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("lifecycle_resolutions_pk", [
      "tool",
      "severity",
      "resolution",
      "bucket",
    ])
    .execute();

  /** Scan coverage: pull requests opened and whether any Guardrail analysis covered them. */
  await db.schema
    .createTable("pull_requests")
    .addColumn("repo", "text", (c) => c.notNull())
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("opened_at", t.bigint, (c) => c.notNull())
    .addColumn("first_analysed_at", t.bigint)
    /** Workflow run completed → check run completed, of the first analysis (time to feedback). */
    .addColumn("first_feedback_ms", t.bigint)
    .addPrimaryKeyConstraint("pull_requests_pk", ["repo", "number"])
    .execute();
  await db.schema
    .createTable("pull_request_counts")
    .addColumn("repo", "text", (c) => c.notNull().primaryKey())
    .addColumn("opened", t.bigint, (c) => c.notNull().defaultTo(0))
    .addColumn("scanned", t.bigint, (c) => c.notNull().defaultTo(0))
    .addColumn("feedback_count", t.bigint, (c) => c.notNull().defaultTo(0))
    .addColumn("feedback_sum_ms", t.bigint, (c) => c.notNull().defaultTo(0))
    .execute();

  /** How often a required tool was missing when a pull request's required-scanners check ended. */
  await db.schema
    .createTable("required_tool_missing")
    .addColumn("repo", "text", (c) => c.notNull())
    .addColumn("tool", "text", (c) => c.notNull())
    .addColumn("count", t.bigint, (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("required_tool_missing_pk", ["repo", "tool"])
    .execute();
}
