import type { Kysely } from "kysely";
import type { ColumnTypes } from "./migration-types.js";

/**
 * Suppression approvals: a suppression may now be `requested` and later `active` (approved) or
 * `denied`; the decision keeps who made it, when, and their note. Existing rows were never asked
 * for approval, so their decision columns stay NULL.
 */
export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await db.schema.alterTable("suppressions").addColumn("decided_by", "text").execute();
  await db.schema.alterTable("suppressions").addColumn("decided_at", t.bigint).execute();
  await db.schema.alterTable("suppressions").addColumn("decision_note", "text").execute();
}
