import { chunk as chunkOf } from "../text/chunk.js";

/**
 * Rows per bulk statement (see bulk-text.ts: one parameter per column, not per cell). Large
 * enough that a 100k-fingerprint baseline takes a few dozen statements, small enough that
 * one statement's parameter stays a few hundred kilobytes.
 */
export const ROWS_PER_STATEMENT = 5_000;

export function chunk<T>(items: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  return chunkOf(items, size);
}
