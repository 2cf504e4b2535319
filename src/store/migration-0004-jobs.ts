import { sql } from "kysely";
import type { Kysely } from "kysely";
import type { ColumnTypes } from "./migration-types.js";

/** The embedded durable job queue (SQLite deployments; PostgreSQL ones may use pg-boss). */
export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema
    .createTable("jobs")
    .addColumn("id", t.id, t.identity)
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("singleton_key", "text")
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("max_attempts", "integer", (c) => c.notNull())
    .addColumn("run_after", t.bigint, (c) => c.notNull())
    .addColumn("locked_by", "text")
    .addColumn("locked_until", t.bigint)
    .addColumn("last_error", "text")
    .addColumn("created_at", t.bigint, (c) => c.notNull())
    .addColumn("finished_at", t.bigint)
    .execute();
  await db.schema
    .createIndex("jobs_claim")
    .on("jobs")
    .columns(["state", "run_after", "id"])
    .execute();
  // At most one queued job per key (enqueue replaces its payload) and one active (claims wait).
  await db.schema
    .createIndex("jobs_singleton_queued")
    .on("jobs")
    .column("singleton_key")
    .unique()
    .where(sql.ref("state"), "=", "queued")
    .execute();
  await db.schema
    .createIndex("jobs_singleton_active")
    .on("jobs")
    .column("singleton_key")
    .unique()
    .where(sql.ref("state"), "=", "active")
    .execute();
}
