import type { Kysely } from "kysely";
import type { Database } from "./database.js";
import { fromSuppressionRow } from "./suppression-rows.js";
import type { Suppression } from "./suppression.js";

/** Active suppressions whose expiry falls in (now, until]: the `expiring` notification's subjects. */
export async function suppressionsExpiringBy(
  db: Kysely<Database>,
  now: Date,
  until: Date,
): Promise<Suppression[]> {
  const rows = await db
    .selectFrom("suppressions")
    .selectAll()
    .where("status", "=", "active")
    .where("expires_at", ">", now.getTime())
    .where("expires_at", "<=", until.getTime())
    .orderBy("id")
    .execute();
  return rows.map(fromSuppressionRow);
}
