import { sql } from "kysely";
import type { Kysely } from "kysely";
import type { Database, StoreKind } from "./database.js";

/**
 * Runs `work` in a transaction that holds the write lock from its first statement. On SQLite a
 * plain BEGIN takes the lock only at the first write, so a read-then-write (claim a job, check
 * then insert) could interleave with another process or fail with SQLITE_BUSY on upgrade;
 * BEGIN IMMEDIATE serialises such transactions instead. `work` must use only the `trx` it is
 * given: the SQLite connection is held until it returns.
 */
export async function inWriteTransaction<T>(
  db: Kysely<Database>,
  kind: StoreKind,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (kind === "postgres") return db.transaction().execute(work);
  return db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}
