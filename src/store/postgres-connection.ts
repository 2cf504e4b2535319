import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { CustomTypesConfig } from "pg";
import type { Database } from "./database.js";

const INT8_OID = 20;
/** Pool size per process: webhook handlers, the queue worker and commands share it. */
const POOL_MAX = 10;

/**
 * Times are epoch ms and GitHub ids are < 2^53, so bigint columns read back as numbers. Set per
 * pool rather than on the global pg.types, so nothing else in the process changes behaviour.
 */
const types: CustomTypesConfig = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    oid === INT8_OID && format !== "binary"
      ? (value: string): number => Number(value)
      : (pg.types.getTypeParser(oid, format) as unknown),
};

export function connectPostgres(connectionString: string): Kysely<Database> {
  const pool = new pg.Pool({ connectionString, max: POOL_MAX, types });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
