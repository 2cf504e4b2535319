import type { Kysely } from "kysely";

/**
 * What the tracker needs of each baseline entry beyond its fingerprint (design.md Part 2
 * "Identity"): rule, path, line, and hashes of the flagged line, its line-hash window and its
 * message. Rows from before have none of it: they default to empty (unknown), so they match by
 * fingerprint only until the branch's next push records them again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const table = () => db.schema.alterTable("baseline_fingerprints");
  await table()
    .addColumn("rule_id", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await table()
    .addColumn("path", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await table()
    .addColumn("line", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await table()
    .addColumn("snippet_hash", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await table()
    .addColumn("window_hash", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await table()
    .addColumn("message_hash", "text", (c) => c.notNull().defaultTo(""))
    .execute();
}
