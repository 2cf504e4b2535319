import type { ColumnDefinitionBuilder } from "kysely";
import type { StoreKind } from "./database.js";

/** Column types that differ between SQLite and PostgreSQL; everything else is written once. */
export interface ColumnTypes {
  /** Surrogate key type; pair with `identity`. */
  id: "integer" | "bigserial";
  identity: (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
  /** Epoch milliseconds and GitHub ids (run ids are past 2^31 already). */
  bigint: "integer" | "bigint";
}

export function columnTypes(kind: StoreKind): ColumnTypes {
  if (kind === "sqlite") {
    // AUTOINCREMENT so an id is never reused after deletes (audit rows and replies refer to ids).
    return { id: "integer", identity: (c) => c.primaryKey().autoIncrement(), bigint: "integer" };
  }
  return { id: "bigserial", identity: (c) => c.primaryKey(), bigint: "bigint" };
}
