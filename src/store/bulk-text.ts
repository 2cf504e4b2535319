import { sql } from "kysely";
import type { RawBuilder, SqlBool } from "kysely";
import type { StoreKind } from "./database.js";

/**
 * Bulk values as one bound parameter instead of one per cell: a 100k-fingerprint baseline
 * would otherwise need hundreds of statements with thousands of parameters each, which
 * PostgreSQL parses slowly. SQLite reads a JSON array (json_each), PostgreSQL text arrays.
 */

/** A subquery yielding one row per entry of `rows`, with the given text columns. */
export function textTable(
  kind: StoreKind,
  columns: readonly string[],
  rows: readonly (readonly string[])[],
): RawBuilder<unknown> {
  if (kind === "sqlite") {
    const cells = columns.map(
      (name, i) => sql`json_extract(value, ${`$[${i}]`}) as ${sql.id(name)}`,
    );
    return sql`select ${sql.join(cells)} from json_each(${JSON.stringify(rows)})`;
  }
  const arrays = columns.map((_, i) => sql`${rows.map((row) => row[i] ?? "")}::text[]`);
  return sql`select * from unnest(${sql.join(arrays)}) as t(${sql.join(columns.map((c) => sql.id(c)))})`;
}

/** `column` is one of `values`; PostgreSQL's `= any(array)` lets it probe the index per value. */
export function inTextList(
  kind: StoreKind,
  column: string,
  values: readonly string[],
): RawBuilder<SqlBool> {
  if (kind === "sqlite") {
    return sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(values)}))`;
  }
  return sql<SqlBool>`${sql.ref(column)} = any(${values}::text[])`;
}
