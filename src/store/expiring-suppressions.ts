import type { Kysely } from "kysely";
import type { Database } from "./database.js";
import { fromSuppressionRow } from "./suppression-rows.js";
import type { Suppression } from "./suppression.js";

/** Active suppressions whose expiry falls in (now, until]: the `expiring` notification's subjects. */
export async function suppressionsExpiringBy(
  db: Kysely<Database>,
  now: Date,
  until: Date,
  repo?: string,
): Promise<Suppression[]> {
  let query = db.selectFrom("suppressions").selectAll();
  if (repo !== undefined) query = query.where("repo", "=", repo.toLowerCase());
  const rows = await query
    .where("status", "=", "active")
    .where("expires_at", ">", now.getTime())
    .where("expires_at", "<=", until.getTime())
    .orderBy("id")
    .execute();
  return rows.map(fromSuppressionRow);
}
